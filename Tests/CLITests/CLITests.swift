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

    static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? root
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// stderr without the note every design with zone names gets at `network.azs` (names map to
    /// different AZ IDs per account; AZ IDs are safer): the lines a test is about.
    static func withoutZoneNote(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { !($0.contains(": network.azs: ") && $0.contains("maps zone names")) }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edgeplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func planPrintsASummaryOfTheSeedEnvironment() throws {
        let r = try Self.run(["plan", "examples/seed-environment.yaml", "--pricing", "Tests/Fixtures/pricing"])
        #expect(r.status == 0, "\(r.stderr)")
        // The pinned eu-west-1 file has no ALB, NLB or endpoint-hour prices: notes name them, and the
        // options are priced without them.
        #expect(!r.stderr.isEmpty && Self.withoutZoneNote(r.stderr).allSatisfy { $0.contains(": note: region: Tests/Fixtures/pricing/eu-west-1.json has no price for ") }, "\(r.stderr)")
        #expect(r.stderr.contains("examples/seed-environment.yaml:10:8: note: network.azs: eu-west-1 maps zone names to zones per account"), "\(r.stderr)")
        #expect(r.stdout.contains(" + unpriced items"))
        for az in ["eu-west-1a", "eu-west-1b", "eu-west-1c"] { #expect(r.stdout.contains("\n\(az)\n")) }
        #expect(r.stdout.contains("seed-env-public-a         10.128.64.0/27"))
        // 110 pods need an m6i.4xlarge: 5 ENIs × 30 addresses per node, 27 nodes in each /20.
        #expect(r.stdout.contains("Nodes: m6i.4xlarge (edgeplan's choice"))
        #expect(r.stdout.contains("Capacity: 81 nodes, 8,910 pods"))
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

    /// Issue 12: `validate` makes every check `plan` and `emit` make, short of writing: a VPC too
    /// small for the subnet plan, a broken price file, an option emit would refuse, and a ledger
    /// allocation (planned in the block it would get, with the ledger left as it was).
    @Test func validateChecksWhatPlanAndEmitCheck() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
            return dir.appendingPathComponent(name).path
        }
        let small = try write("small.yaml", "edgeplan: 1\nname: small\nregion: us-east-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/24\n  azs: 3\n  nodes: {max: 30, podsPerNode: 110}\nfrontends: [{kind: alb-controller}]\n")
        for command in [["plan", small], ["validate", small]] {
            let r = try Self.run(command)
            #expect(r.status == 2 && r.stderr.contains("small.yaml:6:12: error: network.vpcCidr: 10.0.0.0/24 is too small"), "\(command): \(r.stderr)")
        }
        let open = try write("open.yaml", "edgeplan: 1\nname: open\nregion: us-east-1\ncluster: c\nnetwork:\n  vpcCidr: 10.0.0.0/16\n  azs: 3\n  nodes: {max: 30, podsPerNode: 110}\nfrontends: [{kind: cloudfront-public-nlb}]\n")
        let refused = try Self.run(["validate", open])
        #expect(refused.status == 2 && refused.stderr.contains("open.yaml:9:13: error: frontends[0].originProtection: edgeplan will not emit option 'cloudfront-public-nlb'"), "\(refused.stderr)")
        let prices = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        try Data("{\"formatVersion\": 1".utf8).write(to: prices.appendingPathComponent("us-east-1.json"))
        let badPrices = try Self.run(["validate", "examples/partner-api.yaml", "--pricing", prices.path])
        #expect(badPrices.status == 2 && badPrices.stderr.contains("us-east-1.json:1:20: error: not a valid price file"), "\(badPrices.stderr)")

        let ledger = dir.appendingPathComponent("cidr-ledger.yaml").path
        #expect(try Self.run(["cidr", "init", "--ledger", ledger, "--pool", "10.0.0.0/8"]).status == 0)
        let before = try String(contentsOfFile: ledger, encoding: .utf8)
        let allocating = try write("alloc.yaml", "edgeplan: 1\nname: alloc\nregion: us-east-1\ncluster: c\nnetwork:\n  vpcCidr: allocate\n  azs: 3\n  nodes: {max: 30, podsPerNode: 110}\nfrontends: [{kind: alb-controller}]\n")
        let checked = try Self.run(["validate", allocating, "--ledger", ledger])
        #expect(checked.status == 0 && checked.stdout == "\(allocating): ok\n", "\(checked.stderr)")
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == before, "validate never writes the ledger")
    }
}

@Suite struct CaveatsCLITests {
    /// The committed schema is what `edgeplan schema` prints: an editor pointed at it sees what the parser reads.
    @Test func theCommittedSchemaIsCurrent() throws {
        let path = "schema/design-v1.json"
        let r = try CLITests.run(["schema"])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(contentsOf: CLITests.root.appendingPathComponent(path), encoding: .utf8)
        #expect(r.stdout == committed, "\(path) is stale: regenerate it with edgeplan schema > \(path)")
        // Every example names it for the YAML language server.
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLITests.root.appendingPathComponent("examples").path).filter { $0.hasSuffix(".yaml") }
        for name in examples {
            let text = try String(contentsOf: CLITests.root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../\(path)\n"), "\(name) lacks the schema modeline")
        }
    }

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

@Suite struct CostCLITests {
    static let design = """
        edgeplan: 1
        name: cost-cli
        region: us-east-1
        cluster: cost-eks
        network: {vpcCidr: 10.40.0.0/16, azs: 3, nodes: {max: 12, podsPerNode: 29}}
        frontends: [{kind: alb-controller}, {kind: apigw-vpclink-nlb, api: http}]
        traffic: {requests: 50000000, dataOutGB: 2000, dataInGB: 100, newConnectionsPerSecond: 20, activeConnections: 500}

        """

    static func write(_ text: String, in dir: URL, as name: String = "d.yaml") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func costPrintsEachOptionsLinesTotalsAndBreakEven() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLITests.run(["cost", try Self.write(Self.design, in: dir)])
        #expect(r.status == 0, "\(r.stderr)")
        // alb-controller, no WAF: ALB 16.43 + LCU 16.80 + IPv4 10.95 + data out 180.00 (worked by hand in OptionCostTests).
        #expect(r.stdout.contains("\nalb-controller: $224.18 a month\n"))
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["alb", "alb.hour", "730", "hour", "0.0225", "$16.43"]))
        #expect(rows.contains(["nlb", "nlb.nlcu-hour", "2,100", "NLCU-hour", "0.006", "$12.60", "2.8767", "NLCU", "×", "730", "h,", "billed", "on", "processed", "bytes"]))
        // HTTP API 50.00 + data out 180.00 + NLB 16.43 + NLCU 12.60 + between AZs 28.00 (kube-proxy) + 28.00 (router).
        #expect(r.stdout.contains("\napigw-vpclink-nlb-http: $315.03 a month (secondary)\n"))
        #expect(r.stdout.contains("Shared by every option, not in the totals:\n"))
        #expect(r.stdout.contains("Break-even (monthly data out, 1 GB to 5 PB; requests and connections scale with it):\n"))
        // By hand, x GB out (25,000 requests and 1.05 GB through the load balancer per GB; data out cancels):
        // ALB 16.425 + IPv4 10.95 + LCU 1.05x × 0.008; API 0.025x + NLB 16.425 + NLCU 1.05x × 0.006 + two hops
        // between AZs, each 2/3 × 1.05x GB billed twice at 0.01 = 0.014x.
        // 27.375 + 0.0084x = 16.425 + 0.0593x at x = 10.95 / 0.0509 = 215.13 GB.
        #expect(r.stdout.contains("  at 215.1 GB: apigw-vpclink-nlb-http is cheaper below, alb-controller above\n"))
        #expect(CLITests.withoutZoneNote(r.stderr).isEmpty, "\(r.stderr)")
    }

    /// `plan --out DIR --check` writes nothing and says whether DIR is what --out would write.
    @Test func checkSaysWhetherTheFolderIsCurrentAndWritesNothing() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = try Self.write(Self.design, in: dir)
        let out = dir.appendingPathComponent("out").path
        #expect(try CLITests.run(["plan", design, "--out", out]).status == 0)
        let current = try CLITests.run(["plan", design, "--out", out, "--check"])
        #expect(current.status == 0 && current.stdout == "\(out) is current\n", "\(current.stdout)\(current.stderr)")
        // An edited file and a stray one: exit 1, both named, the folder left as it was.
        let report = URL(fileURLWithPath: out).appendingPathComponent("report.md")
        try Data("edited\n".utf8).write(to: report)
        try Data("x".utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("stray.txt"))
        let stale = try CLITests.run(["plan", design, "--out", out, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("  changed  report.md\n") && stale.stdout.contains("  removed  stray.txt\n"), "\(stale.stdout)")
        #expect(try String(contentsOf: report, encoding: .utf8) == "edited\n")
        #expect(try CLITests.run(["plan", design, "--check"]).status == 2, "--check needs --out")
    }

    @Test func freeTierIsOptInAndShownAsNegativeLines() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = try Self.write(Self.design, in: dir)
        let with = try CLITests.run(["cost", design, "--free-tier"]), without = try CLITests.run(["cost", design])
        #expect(with.status == 0 && without.status == 0, "\(with.stderr)")
        // alb-controller: $224.18 less 100 GB × $0.09.
        #expect(with.stdout.contains("\nalb-controller: $215.18 a month"))
        #expect(with.stdout.contains("dataTransfer.internet-out-free-gb      -100  GB"), "\(with.stdout)")
        #expect(!without.stdout.contains("free-gb") && without.stdout.contains("no free tiers"))
        let plan = try CLITests.run(["plan", design, "--free-tier", "--format", "json"])
        #expect(plan.stdout.contains("\"freeTier\": true"))
    }

    @Test func sweepPrintsCSV() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLITests.run(["cost", try Self.write(Self.design, in: dir), "--sweep"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "dataOutGB,alb-controller,apigw-vpclink-nlb-http")
        #expect(lines.count == 43)
        #expect(lines.last?.hasPrefix("5242880,") == true)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 3 })
    }

    /// The 30 TB example on the pinned prices: the VPC origin on Premium at 75 TB (worked by hand in
    /// CloudFrontFlatRateTests), what it replaces and why; a plan the file states wrongly is refused.
    @Test func costShowsTheFlatRatePlanItChoseAndWhy() throws {
        let r = try CLITests.run(["cost", "examples/cloudfront-flat-rate.yaml", "--pricing", "Tests/Fixtures/pricing"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\ncloudfront-vpc-origin: $1,724.48 a month\n"))
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains { $0.starts(with: ["cloudfront", "cloudfront.flat-rate.premium-l2", "1", "distribution-month", "1450", "$1,450.00"]) })
        #expect(r.stdout.contains("  CloudFront pricing: Priced on the CloudFront Premium (75 TB, 750 M requests) flat-rate plan ($1,450.00 a month) instead of pay-as-you-go ($3,537.56 for the CloudFront and WAF lines)"))
        #expect(r.stdout.contains("    limit: Premium (75 TB, 750 M requests)'s allowances hold up to 37,500 GB out a month (the request allowance runs out first)"))
        #expect(r.stdout.contains("    the pay-as-you-go lines it replaces:\n"))
        #expect(rows.contains(["pay-as-you-go", "$3,537.56"]))
        #expect(r.stdout.contains("\nCheapest at this traffic: cloudfront-vpc-origin ($1,724.48 a month)\n"))
        // A plan whose terms name a feature edgeplan does not know: exit 2, located in the price file.
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let prices = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        let text = try String(contentsOf: CLITests.root.appendingPathComponent("Tests/Fixtures/pricing/us-east-1.json"), encoding: .utf8)
        let bent = text.replacingOccurrences(of: #""includes": ["waf-web-acl", "ddos-protection", "tls-certificate", "route53-dns"]"#,
                                             with: #""includes": ["waf-web-acl", "lambda-at-edge", "tls-certificate", "route53-dns"]"#)
        #expect(bent != text)
        try Data(bent.utf8).write(to: prices.appendingPathComponent("us-east-1.json"))
        let bad = try CLITests.run(["cost", "examples/cloudfront-flat-rate.yaml", "--pricing", prices.path])
        #expect(bad.status == 2 && bad.stdout.isEmpty)
        #expect(bad.stderr.hasPrefix("\(prices.path)/us-east-1.json:"), "\(bad.stderr)")
        #expect(bad.stderr.contains(":202:37: error: prices[7].flatRatePlan.includes[1]: 'lambda-at-edge' is not a flat-rate plan feature edgeplan knows"), "\(bad.stderr)")
    }

    @Test func aMissingPriceOrRegionIsALocatedErrorWithExitTwo() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A missing price is not an error: the option is priced without it, and the item is a line of its own.
        let seed = try CLITests.run(["cost", "examples/seed-environment.yaml", "--pricing", "Tests/Fixtures/pricing"])
        #expect(seed.status == 0, "\(seed.stderr)")
        #expect(seed.stderr.contains("examples/seed-environment.yaml:6:9: note: region: Tests/Fixtures/pricing/eu-west-1.json has no price for 'nlb.hour', needed by alb-privatelink-nlb, apigw-vpclink-nlb-rest, cloudfront-public-nlb;"))
        #expect(seed.stdout.contains("no sourced price") && seed.stdout.contains("\nNot ranked by cost: the options lack different prices ("), "\(seed.stdout)")
        let brazil = try Self.write(Self.design.replacingOccurrences(of: "us-east-1", with: "sa-east-1"), in: dir)
        let missing = try CLITests.run(["cost", brazil])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(brazil):3:9: error: region: no price file for sa-east-1: pricing/aws/sa-east-1.json does not exist; add it with sourced prices\n")
        // --pricing points at another folder, named in the messages as given.
        let empty = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let other = try CLITests.run(["cost", try Self.write(Self.design, in: dir), "--pricing", empty.path])
        #expect(other.status == 2 && other.stderr.contains("\(empty.path)/us-east-1.json does not exist"))
        let notFolder = try CLITests.run(["cost", "examples/seed-environment.yaml", "--pricing", "no-such-folder"])
        #expect(notFolder.status == 2 && notFolder.stderr == "error: --pricing: 'no-such-folder' is not a folder of price files (<region>.json)\n")
        // A price file cut short is located in it, never a crash or a decoder's dump.
        try Data("{\"formatVersion\": 1".utf8).write(to: empty.appendingPathComponent("us-east-1.json"))
        let bad = try CLITests.run(["cost", try Self.write(Self.design, in: dir), "--pricing", empty.path])
        #expect(bad.status == 2 && bad.stdout.isEmpty)
        #expect(bad.stderr == "\(empty.path)/us-east-1.json:1:20: error: not a valid price file: unexpected end of the file in an object\n")
    }

    /// A price file that is wrong stops `plan` as it stops `cost`: exit 2, the error at its line and
    /// column in the price file, and nothing written. Only a missing file or item is a note for `plan`.
    @Test func aMalformedPriceFileStopsPlanWithALocatedError() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let prices = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        let text = try String(contentsOf: CLITests.root.appendingPathComponent("pricing/aws/us-east-1.json"), encoding: .utf8)
        let bent = text.replacingOccurrences(of: #""usd": "0.006","#, with: #""usd": "0.006.1","#)
        #expect(bent != text)
        try Data(bent.utf8).write(to: prices.appendingPathComponent("us-east-1.json"))
        let design = try Self.write(Self.design, in: dir)
        let out = dir.appendingPathComponent("out")
        let lines = bent.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("0.006.1") }! + 1
        // The entry's index: the price objects that start before that line, less one.
        let index = lines.prefix(line).filter { $0.contains(#""item": "#) }.count - 1
        let located = "\(prices.path)/us-east-1.json:\(line):14: error: prices[\(index)].usd: '0.006.1' is not a plain decimal"
        for command in ["plan", "cost"] {
            let r = try CLITests.run([command, design, "--pricing", prices.path] + (command == "plan" ? ["--out", out.path] : []))
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty && r.stderr.hasPrefix(located) && r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("region:"), "not at the design's region line")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    @Test func planUsesThePricesToo() throws {
        let dir = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLITests.run(["plan", try Self.write(Self.design, in: dir)])
        #expect(r.status == 0 && CLITests.withoutZoneNote(r.stderr).isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("   monthly cost: USD 224.18\n"))
        #expect(r.stdout.contains("Monthly costs: USD, from pricing/aws/us-east-1.json; the EKS control plane (USD 73.00 a month)"))
        let json = try CLITests.run(["plan", try Self.write(Self.design, in: dir), "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let options = try #require(object?["options"] as? [[String: Any]])
        #expect((options[0]["monthlyCost"] as? [String: Any])?["total"] as? String == "224.18")
        #expect(object?["breakEven"] is [Any])
        #expect((object?["pricing"] as? [String: Any])?["file"] as? String == "pricing/aws/us-east-1.json")
    }
}

@Suite struct PricingImportCLITests {
    /// A copy of the bundled price files to import into.
    static func copyOfPrices() throws -> (dir: URL, prices: URL) {
        let dir = try CLITests.temporaryFolder()
        let prices = dir.appendingPathComponent("aws")
        try FileManager.default.copyItem(at: CLITests.root.appendingPathComponent("Tests/Fixtures/pricing"), to: prices)
        return (dir, prices)
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    @Test func importPrintsWhatChangedAndTheSeedCanThenBePriced() throws {
        let (dir, prices) = try Self.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let elb = try CLITests.run(["pricing", "import", "Tests/Fixtures/offers/awselb-eu-west-1-test-prices.json", "--pricing", prices.path])
        #expect(elb.status == 0, "\(elb.stderr)")
        #expect(elb.stdout.hasPrefix("AWS Price List offer AWSELB 20991231000000 (published 2099-12-31)\n\(prices.path)/eu-west-1.json\n"))
        let rows = elb.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["added", "alb.hour", "0.03"]) && rows.contains(["added", "nlb.nlcu-hour", "0.007"]))
        #expect(rows.contains(["changed", "alb.lcu-hour", "0.008", "→", "0.009"]))
        #expect(elb.stdout.hasSuffix("1 file written\n"))
        let vpc = try CLITests.run(["pricing", "import", "Tests/Fixtures/offers/amazonvpc-eu-west-1-test-prices.json", "--pricing", prices.path])
        #expect(vpc.status == 0 && vpc.stdout.contains("  added      privatelink.endpoint-hour   0.012\n"))
        #expect(vpc.stdout.contains("skipped: eu-central-1 privatelink.data-processed: SKU TESTGAPINTIERS14"))
        // With the (made-up) Ireland prices in place, the seed environment is priced end to end.
        let cost = try CLITests.run(["cost", "examples/seed-environment.yaml", "--pricing", prices.path])
        #expect(cost.status == 0, "\(cost.stderr)")
        #expect(cost.stdout.contains("\nalb-privatelink-nlb: $"))
        #expect(cost.stdout.contains("\(prices.path)/eu-west-1.json#privatelink.endpoint-hour") == false, "the table names items; plan.json has the references")
        // Nothing but the price files is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: prices.path).sorted() == ["ap-southeast-1.json", "eu-central-1.json", "eu-west-1.json", "us-east-1.json"])
    }

    @Test func aBadOfferExitsWithTwoAndWritesNothing() throws {
        let (dir, prices) = try Self.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.contents(prices)
        for (offer, says) in [
            ("Tests/Fixtures/offers/truncated.json", "Tests/Fixtures/offers/truncated.json:1:1: error: not valid JSON"),
            ("Tests/Fixtures/offers/not-an-offer.json", "Tests/Fixtures/offers/not-an-offer.json:1:1: error: products: missing"),
            ("no-such-offer.json", "no-such-offer.json:1:1: error: no such file"),
            ("examples/seed-environment.yaml", "examples/seed-environment.yaml:1:1: error: not valid JSON"),
        ] {
            let r = try CLITests.run(["pricing", "import", offer, "--pricing", prices.path])
            #expect(r.status == 2, "\(offer)")
            #expect(r.stderr.hasPrefix(says), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(!r.stderr.contains("Fatal"))
        }
        #expect(try Self.contents(prices) == before)
        // A broken price file in the folder is named with its line and column, and nothing is written.
        try Data("{\n  \"formatVersion\": 1,\n  \"prices\": [0.5]\n}\n".utf8).write(to: prices.appendingPathComponent("eu-west-1.json"))
        let broken = try Self.contents(prices)
        let r = try CLITests.run(["pricing", "import", "Tests/Fixtures/offers/awselb-eu-west-1-test-prices.json", "--pricing", prices.path])
        #expect(r.status == 2 && r.stderr.hasPrefix("\(prices.path)/eu-west-1.json:3:14: error: not a valid price file: a number that is not an integer"), "\(r.stderr)")
        #expect(try Self.contents(prices) == broken)
    }
}
