import Foundation
import Testing

/// Issue 10, defects 5, 6, 8, 10, 11 and 12, each with its reproducer, run as a user runs edgeplan.
@Suite struct SafetyCLITests {
    static func run(_ arguments: [String], in dir: URL) throws -> CLITests.Run { try CLITests.run(arguments, cwd: dir) }

    static func seed() throws -> String {
        try String(contentsOf: CLITests.root.appendingPathComponent("examples/seed-environment.yaml"), encoding: .utf8)
    }

    /// Defect 5: `nodes.max: 010` planned 8 nodes and `--size +16` allocated a /16.
    @Test func numbersInYAML11SpellingsAreRefusedAndNothingIsWritten() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (spelling, says) in [("010", "(010 is 8)"), ("1:30", "(1:30 is 90)"), ("0x10", "hexadecimal"), ("0b11", "binary"), ("1_000", "(1000)")] {
            try Data(try Self.seed().replacingOccurrences(of: "max: 30", with: "max: \(spelling)").utf8).write(to: dir.appendingPathComponent("d.yaml"))
            let r = try Self.run(["plan", "d.yaml", "--out", "out"], in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("d.yaml:11:10: error: network.nodes.max: '\(spelling)' is not a plain decimal number: "), "\(r.stderr)")
            #expect(r.stderr.contains(says), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        }
        let ledger = try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"))
        for size in ["/+16", "+16", "/016", "/1_6"] {
            let r = try Self.run(["cidr", "allocate", "--env", "a", "--size", size], in: dir)
            #expect(r.status == 2 && r.stderr.hasPrefix("error: --size: '\(size)' is not a VPC block size AWS allows"), "\(size): \(r.stderr)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml")) == ledger)
        }
    }

    /// Defect 6: a CRLF ledger (a Windows checkout) was refused as cut short at 1:1.
    @Test func aCRLFLedgerIsReadAndWrittenBackInLF() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.run(["cidr", "allocate", "--env", "a", "--size", "/16"], in: dir).status == 0)
        let url = dir.appendingPathComponent("cidr-ledger.yaml")
        let lf = try String(contentsOf: url, encoding: .utf8)
        try Data(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        let check = try Self.run(["cidr", "check"], in: dir)
        #expect(check.status == 0 && check.stdout == "cidr-ledger.yaml: ok (1 pool, 0 taken ranges, 1 allocation; no overlaps)\n", "\(check.stderr)")
        let b = try Self.run(["cidr", "allocate", "--env", "b", "--size", "/16"], in: dir)
        #expect(b.status == 0 && b.stdout == "10.1.0.0/16\n", "\(b.stderr)")
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(!written.contains("\r") && written.hasPrefix(lf.components(separatedBy: "allocations:")[0]))
        #expect(try CidrCLITests.allocations(in: dir) == ["a": "10.0.0.0/16", "b": "10.1.0.0/16"])
    }

    /// Defect 10: describe-vpcs output with a surrogate-pair escape (Python's json.dumps default)
    /// was refused, because libyaml read the file a second time.
    @Test func importReadsSurrogatePairEscapes() throws {
        let dir = try CidrCLITests.ledgerFolder(pools: ["10.0.0.0/8"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = #"{"Vpcs": [{"CidrBlock": "172.16.0.0/16", "VpcId": "vpc-0abc", "OwnerId": "111122223333", "Tags": [{"Key": "Name", "Value": "\ud83d\ude80 launch"}]}]}"#
        try Data(json.utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let r = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("taken 172.16.0.0/16  vpc-0abc (account 111122223333)  Name=🚀 launch\n"), "\(r.stdout)")
        try Data(json.replacingOccurrences(of: #"\ude80"#, with: "").utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let ledger = try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"))
        let lone = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(lone.status == 2 && lone.stderr.hasPrefix("vpcs.json:1:125: error: not valid JSON: a lone surrogate \\ud83d"), "\(lone.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml")) == ledger)
    }
}
