import Foundation
import Testing

/// Runs the built `edgeplan` binary the way a user does and checks stdout, stderr and the exit code.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["EDGEPLAN_BIN"] { return URL(fileURLWithPath: env) }
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("edgeplan")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/edgeplan")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], cwd: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edgeplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func planPrintsASummaryOfTheSeedEnvironment() throws {
        let r = try Self.run(["plan", "examples/seed-environment.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        for az in ["eu-west-1a", "eu-west-1b", "eu-west-1c"] { #expect(r.stdout.contains("\n\(az)\n")) }
        #expect(r.stdout.contains("seed-env-public-a         10.128.32.0/27"))
        #expect(r.stdout.contains("Capacity: 54 nodes, 5,940 pods"))
        #expect(r.stdout.contains("Free: "))
    }

    @Test func jsonFormatAndOutFolderAgree() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("seed")
        let json = try Self.run(["plan", "examples/seed-environment.yaml", "--format", "json", "--out", out.path])
        #expect(json.status == 0, "\(json.stderr)")
        let written = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(written == json.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        #expect((object?["subnets"] as? [Any])?.count == 15)
        // Nothing else is left beside the output folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed"])
    }

    @Test func badDesignsExitWithTwoAndALocatedError() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String)] = [
            ("edgeplan: 1\nname: [\n", "bad.yaml:3:1: error: not valid YAML"),
            ("", "bad.yaml:1:1: error: the file is empty"),
            ("edgeplan: 1\nname: x\nregion: eu-west-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/33\n  azs: 3\n  nodes: {max: 3, podsPerNode: 10}\nfrontends: [{kind: alb-controller}]\n",
             "bad.yaml:6:12: error: network.vpcCidr: '10.0.0.0/33' is not a valid IPv4 prefix length (0–32)"),
            ("edgeplan: 1\nname: x\nregion: eu-west-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/24\n  azs: 3\n  nodes: {max: 3, podsPerNode: 10}\nfrontends: [{kind: alb-controller}]\n",
             "bad.yaml:6:12: error: network.vpcCidr: 10.0.0.0/24 is too small"),
        ]
        for (yaml, expected) in cases {
            let design = dir.appendingPathComponent("bad.yaml")
            try Data(yaml.utf8).write(to: design)
            let out = dir.appendingPathComponent("out")
            let r = try Self.run(["plan", "bad.yaml", "--out", out.path], cwd: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains(expected), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(!r.stderr.contains("Fatal") && !r.stderr.contains("Stack"))
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
        }
    }

    @Test func aFailedRunLeavesThePreviousOutputUntouched() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try Self.run(["plan", "examples/seed-environment.yaml", "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("plan.json"))
        try Data("edgeplan: 1\nname: x\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        #expect(try Self.run(["plan", dir.appendingPathComponent("bad.yaml").path, "--out", out]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("plan.json")) == before)
    }

    @Test func refusesToReplaceAFolderThatIsNotEdgeplanOutput() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("keep me".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let r = try Self.run(["plan", "examples/seed-environment.yaml", "--out", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not an edgeplan output folder"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("notes.txt").path))
    }

    @Test func missingFilesAndBadFlagsExitWithTwo() throws {
        let missing = try Self.run(["plan", "no-such-design.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("no-such-design.yaml:1:1: error: no such file"))
        let folder = try Self.run(["plan", "examples"])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("is a folder"))
        let flag = try Self.run(["plan", "examples/seed-environment.yaml", "--format", "yaml"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--format"))
        let binary = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: binary) }
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary.appendingPathComponent("b.yaml"))
        let bytes = try Self.run(["validate", binary.appendingPathComponent("b.yaml").path])
        #expect(bytes.status == 2)
        #expect(bytes.stderr.contains("error: "))
    }

    @Test func validateReportsOkOrEveryError() throws {
        let good = try Self.run(["validate", "examples/seed-environment.yaml"])
        #expect(good.status == 0)
        #expect(good.stdout == "examples/seed-environment.yaml: ok\n")
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = "edgeplan: 1\nname: Bad_Name\nregion: eu-west-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/16\n  azs: 9\n  nodes: {max: 3, podsPerNode: 10}\nfrontends: [{kind: alb-controller}]\n"
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("d.yaml"))
        let bad = try Self.run(["validate", "d.yaml"], cwd: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("d.yaml:2:7: error: name:"))
        #expect(bad.stderr.contains("d.yaml:7:8: error: network.azs:"))
    }
}

@Suite struct CaveatsCLITests {
    @Test func caveatsListsEveryRuleAndTheDocsAreCurrent() throws {
        let text = try CLITests.run(["caveats"])
        #expect(text.status == 0)
        for id in ["origin-bypass", "nlb-without-security-group", "endpoint-eni-targets", "kubernetes-created-load-balancer",
                   "privatelink-data-processing", "api-gateway-limits", "waf-attachment", "classic-load-balancer-legacy",
                   "prefix-list-weight", "nlb-cross-zone-off", "client-ip"] {
            #expect(text.stdout.contains("\(id)\n  "), "\(id) missing")
        }
        let markdown = try CLITests.run(["caveats", "--markdown"])
        let docs = try String(contentsOf: CLITests.root.appendingPathComponent("docs/caveats.md"), encoding: .utf8)
        #expect(docs.hasSuffix(markdown.stdout), "docs/caveats.md is stale: regenerate it with edgeplan caveats --markdown")
    }

    @Test func planPrintsEachOptionsPathNeedsAndCaveats() throws {
        let r = try CLITests.run(["plan", "examples/seed-environment.yaml"])
        #expect(r.stdout.contains("   Internet → CloudFront (WAF) → NLB (public, 3 AZ) → ingress-nginx → Pods\n"))
        #expect(r.stdout.contains("     CRITICAL origin-bypass: "))
        #expect(r.stdout.contains("   needs: waf NO, privateOrigin NO\n"))
        #expect(r.stdout.contains("Recommendation: alb-privatelink-nlb."))
    }
}
