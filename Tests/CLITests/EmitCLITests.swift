import Foundation
import Testing

/// `edgeplan emit` and the templates `plan --out` writes, run the way a user runs them.
@Suite struct EmitCLITests {
    @Test func emitWritesTemplatesManifestsAndTheGuide() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("seed")
        let r = try CLITests.run(["emit", "examples/seed-environment.yaml", "--out", out.path, "--option", "apigw-vpclink-nlb-rest",
                                  "--template-format", "yaml", "--deploy-style", "bound"])
        #expect(r.status == 0, "\(r.stderr)")
        let fm = FileManager.default
        for path in ["plan.json", "README.md", "cloudformation/network.yaml", "cloudformation/cluster.yaml", "cloudformation/lb-controller.yaml",
                     "cloudformation/apigw-vpclink-nlb-rest/frontend.yaml",
                     "kubernetes/apigw-vpclink-nlb-rest/targetgroupbinding-ingress-nginx.yaml", "kubernetes/apigw-vpclink-nlb-rest/kustomization.yaml"] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("cloudformation/discovery.yaml").path), "bound needs no discovery")
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("cloudformation/alb-privatelink-nlb").path), "--option emits one option")
    }

    @Test func planOutAlsoWritesTheTemplates() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        #expect(try CLITests.run(["plan", "examples/storefront-alb.yaml", "--out", out.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("cloudformation/alb-controller/frontend.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("kubernetes/alb-controller/ingress-example-app.yaml").path))
    }

    /// `emit` prices a design the way `plan` does: the same plan.json, costs included.
    @Test func emitAndPlanWriteTheSamePricedPlan() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planned = dir.appendingPathComponent("plan"), emitted = dir.appendingPathComponent("emit")
        #expect(try CLITests.run(["plan", "examples/partner-api.yaml", "--out", planned.path]).status == 0)
        #expect(try CLITests.run(["emit", "examples/partner-api.yaml", "--out", emitted.path]).status == 0)
        let a = try String(contentsOf: planned.appendingPathComponent("plan.json"), encoding: .utf8)
        let b = try String(contentsOf: emitted.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(a == b)
        #expect(b.contains("\"monthlyCost\": {") && b.contains("\"file\": \"pricing/aws/us-east-1.json\""))
        // --pricing means the same for both.
        let prices = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        try Data("{\"formatVersion\": 1".utf8).write(to: prices.appendingPathComponent("us-east-1.json"))
        let bad = try CLITests.run(["emit", "examples/partner-api.yaml", "--out", dir.appendingPathComponent("bad").path, "--pricing", prices.path])
        #expect(bad.status == 2 && bad.stderr == "\(prices.path)/us-east-1.json:1:20: error: not a valid price file: unexpected end of the file in an object\n", "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path), "nothing written")
    }

    @Test func badInputWritesNothing() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let option = try CLITests.run(["emit", "examples/seed-environment.yaml", "--out", out.path, "--option", "nope"])
        #expect(option.status == 2)
        // After the notes `plan` prints too (eu-west-1 lacks prices), the error.
        #expect(option.stderr.contains("\nerror: --option: 'nope' is not an option of this design; its options are alb-privatelink-nlb, apigw-vpclink-nlb-rest, cloudfront-public-nlb"), "\(option.stderr)")
        try Data("edgeplan: 1\nname: x\nregion: eu-west-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/33\n  azs: 3\n  nodes: {max: 3, podsPerNode: 10}\nfrontends: [{kind: alb-controller}]\n".utf8)
            .write(to: dir.appendingPathComponent("bad.yaml"))
        let design = try CLITests.run(["emit", "bad.yaml", "--out", out.path], cwd: dir)
        #expect(design.status == 2)
        #expect(design.stderr.contains("bad.yaml:6:12: error: network.vpcCidr:"), "\(design.stderr)")
        let style = try CLITests.run(["emit", "examples/seed-environment.yaml", "--out", out.path, "--deploy-style", "sideways"])
        #expect(style.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// Issue 10, item 7: an open origin behind CloudFront is emitted only when the design accepts
    /// the risk; otherwise `emit` and `plan --out` refuse, located, and leave the folder as it was.
    @Test func anUnacceptedOpenOriginIsRefusedAndWritesNothing() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try String(contentsOfFile: "examples/seed-environment.yaml", encoding: .utf8)
        let accepted = "    acceptRisk: origin-bypass  # edgeplan emits it only because the design says so\n"
        #expect(seed.contains(accepted))
        let design = dir.appendingPathComponent("open.yaml")
        try Data(seed.replacingOccurrences(of: accepted, with: "").utf8).write(to: design)
        let out = dir.appendingPathComponent("out")
        #expect(try CLITests.run(["emit", "examples/seed-environment.yaml", "--out", out.path]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let readme = try Data(contentsOf: out.appendingPathComponent("README.md"))
        for command in [["emit", design.path, "--out", out.path], ["plan", design.path, "--out", out.path]] {
            let r = try CLITests.run(command)
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("\(design.path):21:23: error: frontends[2].originProtection: edgeplan will not emit option 'cloudfront-public-nlb': the public origin can be reached directly"), "\(r.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
            #expect(try Data(contentsOf: out.appendingPathComponent("README.md")) == readme, "the earlier output is untouched")
        }
        // The other options alone are emitted; planning without --out still compares all three.
        #expect(try CLITests.run(["emit", design.path, "--out", dir.appendingPathComponent("two").path,
                                  "--option", "alb-privatelink-nlb", "--option", "apigw-vpclink-nlb-rest"]).status == 0)
        let printed = try CLITests.run(["plan", design.path])
        #expect(printed.status == 0 && printed.stdout.contains("cloudfront-public-nlb"))
    }
}
