import Foundation
import Testing

/// `edgeplan diff` as a user runs it: both kinds of side, a git revision, the exit codes, and bad
/// input located in the file that is wrong.
@Suite struct DiffCLITests {
    static let designs = "Tests/EdgePlanTests/Designs/diff"

    func run(_ arguments: [String], cwd: URL? = nil) throws -> CLITests.Run {
        try CLITests.run(["diff", "--pricing", CLITests.root.appendingPathComponent("Tests/Fixtures/pricing").path] + arguments, cwd: cwd)
    }

    @Test func exitCodesAreGitDiffs() throws {
        let same = try run(["\(Self.designs)/base.yaml", "\(Self.designs)/base.yaml", "--exit-code"])
        #expect(same.status == 0 && same.stdout.contains("No changes"), "\(same.stderr)")
        let changed = try run(["\(Self.designs)/base.yaml", "\(Self.designs)/traffic.yaml", "--exit-code"])
        #expect(changed.status == 1 && changed.stdout.contains("(+$348.00)"), "\(changed.stderr)")
        // Without --exit-code a change is not a failure.
        let plain = try run(["\(Self.designs)/base.yaml", "\(Self.designs)/traffic.yaml"])
        #expect(plain.status == 0)
        // Not on a terminal: no colour, whatever NO_COLOR says.
        #expect(!plain.stdout.contains("\u{1B}"))
    }

    /// On a terminal (util-linux `script` gives the command one) the symbols and section names are
    /// coloured, unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalWithoutNoColor() throws {
        func onTerminal(noColor: String?) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [CLITests.binary.path, "diff", "--pricing", "Tests/Fixtures/pricing", "\(Self.designs)/base.yaml", "\(Self.designs)/add-az.yaml"].joined(separator: " ")
            p.arguments = ["-qec", command, "/dev/null"]
            p.currentDirectoryURL = CLITests.root
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = noColor
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal(noColor: nil)
        #expect(coloured.contains("\u{1B}[32m+\u{1B}[0m  us-east-1d nodes") && coloured.contains("\u{1B}[1mSubnets:\u{1B}[0m"), "\(coloured)")
        #expect(!(try onTerminal(noColor: "1")).contains("\u{1B}"))
        // An empty NO_COLOR does not count (no-color.org).
        #expect(try onTerminal(noColor: "").contains("\u{1B}[32m"))
    }

    @Test func aCommittedPlanFolderIsTheSameSideAsItsDesign() throws {
        // The committed report of the seed environment was planned from the live prices, as diff plans a design without --pricing.
        let r = try CLITests.run(["diff", "examples/seed-environment.yaml", "reports/seed-environment/plan.json", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"changed\": false") && r.stdout.contains("\"stacksNotCompared\": []"), "\(r.stdout)")
    }

    @Test func aPlanJSONWithoutItsFolderComparesNoStacks() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try CLITests.run(["plan", "\(Self.designs)/base.yaml", "--format", "json", "--pricing", "Tests/Fixtures/pricing"])
        try plan.stdout.write(to: folder.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        let r = try run([folder.appendingPathComponent("plan.json").path, "\(Self.designs)/add-az.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Stacks: not compared: the old side has no templates"), "\(r.stdout)")
        #expect(r.stdout.contains("Subnets: 5 added; no existing subnet moves"))
    }

    @Test func aSideAtAGitRevision() throws {
        let repo = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repo) }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false"] + args
            p.currentDirectoryURL = repo
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "git \(args)")
        }
        let design = repo.appendingPathComponent("env.yaml")
        try git("init", "-q")
        try FileManager.default.copyItem(at: CLITests.root.appendingPathComponent("\(Self.designs)/base.yaml"), to: design)
        try git("add", "env.yaml")
        try git("commit", "-qm", "three AZs")
        try? FileManager.default.removeItem(at: design)
        try FileManager.default.copyItem(at: CLITests.root.appendingPathComponent("\(Self.designs)/add-az.yaml"), to: design)
        let r = try run(["--git", "HEAD:env.yaml", "env.yaml", "--format", "markdown"], cwd: repo)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!-- edgeplan-diff: shop -->") && r.stdout.contains("- **Subnets:** 5 added; no existing subnet moves"), "\(r.stdout)")
        let both = try run(["--git", "HEAD:env.yaml", "--git", "HEAD:env.yaml", "--exit-code"], cwd: repo)
        #expect(both.status == 0 && both.stdout.contains("No changes"), "\(both.stderr)")
        let missing = try run(["--git", "HEAD:nothing.yaml", "env.yaml"], cwd: repo)
        #expect(missing.status == 2 && missing.stderr.hasPrefix("HEAD:nothing.yaml:1:1: error: git show failed: "), "\(missing.stderr)")
    }

    @Test func badInputIsLocatedAndExitsTwo() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("plan.json")
        try "{\n  \"schemaVersion\": 1,\n  \"design\": {\"name\": \"x\", \"region\": 7}\n}\n".write(to: broken, atomically: true, encoding: .utf8)
        let wrongType = try run([broken.path, "\(Self.designs)/base.yaml"])
        #expect(wrongType.status == 2 && wrongType.stderr == "\(broken.path):3:37: error: design.region: expected a string\n", "\(wrongType.stderr)")
        #expect(wrongType.stdout.isEmpty)
        try "{\"schemaVersion\": 1,".write(to: broken, atomically: true, encoding: .utf8)
        let notJSON = try run([broken.path, "\(Self.designs)/base.yaml"])
        #expect(notJSON.status == 2 && notJSON.stderr.hasPrefix("\(broken.path):1:21: error: not JSON: "), "\(notJSON.stderr)")
        let badDesign = folder.appendingPathComponent("bad.yaml")
        try "edgeplan: 1\nname: x\nregion: us-east-1\ncluster: c\nnetwork: {vpcCidr: 10.0.0.0/33, azs: 3, nodes: {max: 3}}\nfrontends: [{kind: alb-privatelink-nlb}]\n"
            .write(to: badDesign, atomically: true, encoding: .utf8)
        let invalid = try run(["\(Self.designs)/base.yaml", badDesign.path])
        #expect(invalid.status == 2 && invalid.stderr.contains("\(badDesign.path):5:20: error: network.vpcCidr"), "\(invalid.stderr)")
        let oneSide = try run(["\(Self.designs)/base.yaml"])
        #expect(oneSide.status == 2 && oneSide.stderr.contains("give two sides to compare"), "\(oneSide.stderr)")
    }
}
