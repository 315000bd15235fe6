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
            #expect(r.stderr.hasPrefix("d.yaml:12:10: error: network.nodes.max: '\(spelling)' is not a plain decimal number: "), "\(r.stderr)")
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

    static func vpcsJSON(_ vpcs: [(id: String, cidr: String, env: String?)]) -> String {
        let items = vpcs.map { v in
            let tags = v.env.map { #", "Tags": [{"Key": "Name", "Value": "x"}, {"Key": "edgeplan:env", "Value": "\#($0)"}]"# } ?? ""
            return #"    {"CidrBlock": "\#(v.cidr)", "VpcId": "\#(v.id)", "OwnerId": "111122223333"\#(tags)}"#
        }
        return "{\n  \"Vpcs\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Defect 8: a stranger's VPC on exactly an environment's block was "already recorded", and
    /// `cidr check` stayed clean.
    @Test func aStrangersVPCOnAnAllocatedBlockMakesImportAndCheckExitOne() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.run(["cidr", "allocate", "--env", "shop-prod", "--size", "/16"], in: dir).stdout == "10.0.0.0/16\n")
        try Data(Self.vpcsJSON([("vpc-0f00", "10.0.0.0/16", nil)]).utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let r = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.hasPrefix("vpcs.json:3:19: warning: Vpcs[0].CidrBlock: 10.0.0.0/16 (vpc-0f00 (account 111122223333)) lies in 10.0.0.0/16, the block of env shop-prod, but is not shop-prod's VPC"), "\(r.stderr)")
        let check = try Self.run(["cidr", "check"], in: dir)
        #expect(check.status == 1 && check.stderr.contains("error: taken[0].cidr: 10.0.0.0/16 (taken by vpc-0f00 (account 111122223333)) lies inside 10.0.0.0/16, allocated to env shop-prod"), "\(check.stderr)")
        #expect(try Self.run(["cidr", "allocate", "--env", "next", "--size", "/16"], in: dir).status == 2, "nothing is allocated from a ledger with an overlap")
    }

    @Test func theEdgeplanEnvTagBindsTheVPCAndAllocateCanRecordIt() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.run(["cidr", "allocate", "--env", "shop-prod", "--size", "/16"], in: dir).status == 0)
        #expect(try Self.run(["cidr", "allocate", "--env", "shop-dev", "--size", "/16"], in: dir).status == 0)
        try Data(Self.vpcsJSON([("vpc-0a11", "10.0.0.0/16", "shop-prod")]).utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let r = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "bound vpc-0a11  to env shop-prod (10.0.0.0/16), by its edgeplan:env tag\nimported 0 of 1 range into cidr-ledger.yaml; 1 already recorded\n", "\(r.stdout)")
        let text = try String(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"), encoding: .utf8)
        #expect(text.contains("  - cidr: 10.0.0.0/16\n    env: shop-prod\n    purpose: vpc\n    vpc: vpc-0a11\n"))
        let again = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(again.status == 0 && again.stdout == "imported 0 of 1 range into cidr-ledger.yaml; 1 already recorded\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"), encoding: .utf8) == text)
        // A VPC made before the tag existed is recorded by hand.
        let bind = try Self.run(["cidr", "allocate", "--env", "shop-dev", "--cidr", "10.1.0.0/16", "--vpc", "vpc-0b22"], in: dir)
        #expect(bind.status == 0 && bind.stdout == "10.1.0.0/16\n", "\(bind.stderr)")
        #expect(try Self.run(["cidr", "check"], in: dir).status == 0)
        let other = try Self.run(["cidr", "allocate", "--env", "shop-dev", "--cidr", "10.1.0.0/16", "--vpc", "vpc-0c33"], in: dir)
        #expect(other.status == 2 && other.stderr.contains("shop-dev's block is already used by vpc-0b22, not vpc-0c33"), "\(other.stderr)")
        let bad = try Self.run(["cidr", "allocate", "--env", "x", "--cidr", "10.9.0.0/16", "--vpc", "sg-1"], in: dir)
        #expect(bad.status == 2 && bad.stderr.hasPrefix("error: --vpc: 'sg-1' is not a VPC id"), "\(bad.stderr)")
    }

    /// Defect 8: importing 0.0.0.0/0 as taken blocked every later allocation.
    @Test func aBlockThatHoldsAWholePoolIsRefusedUnlessForced() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.vpcsJSON([("vpc-0a11", "172.31.0.0/16", nil), ("vpc-0f00", "0.0.0.0/0", nil)]).utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let ledger = try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"))
        let r = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("vpcs.json:4:19: error: Vpcs[1].CidrBlock: 0.0.0.0/0 (vpc-0f00 (account 111122223333)) holds the whole pool 10.0.0.0/8"), "\(r.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml")) == ledger, "nothing is recorded")
        #expect(try Self.run(["cidr", "allocate", "--env", "a", "--size", "/16"], in: dir).stdout == "10.0.0.0/16\n")
        let forced = try Self.run(["cidr", "import", "--force", "vpcs.json"], in: dir)
        #expect(forced.status == 1 && forced.stdout.contains("taken 0.0.0.0/0  vpc-0f00"), "\(forced.stderr)")
    }

    /// Bytes that act on a terminal rather than show: C0 but LF and TAB, DEL, C1, and the Unicode
    /// separators and bidirectional controls.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { u in
            (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value) || [0x2028, 0x2029].contains(u.value)
                || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    /// Defect 11: a quoted design key and AWS tags reached the terminal raw (an escape sequence in
    /// a tag could retitle the terminal, clear it, or hide a line).
    @Test func controlCharactersFromInputsNeverReachTheTerminalRaw() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = "evil\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{9B}31m\u{202E}"
        let design = try Self.seed() + "\"\(key.unicodeScalars.map { $0.value < 0x80 && $0.value >= 0x20 ? String($0) : String(format: "\\u%04X", $0.value) }.joined())\": 1\n"
        try Data(design.utf8).write(to: dir.appendingPathComponent("d.yaml"))
        let v = try Self.run(["validate", "d.yaml"], in: dir)
        #expect(v.status == 0, "\(v.stderr)")
        #expect(Self.rawControls(v.stderr).isEmpty && Self.rawControls(v.stdout).isEmpty, "\(Self.rawControls(v.stderr))")
        #expect(v.stderr.contains("warning: evil\\u001B]0;pwned\\u0007\\u001B[2J\\u000D\\u009B31m\\u202E: unknown field, ignored"), "\(v.stderr)")

        let json = #"{"Vpcs": [{"CidrBlock": "172.16.0.0/16", "VpcId": "vpc-0abc", "OwnerId": "1\u001b[8m", "Tags": [{"Key": "Name", "Value": "\u001b]2;owned\u0007red\r\u2066x"}]}]}"#
        try Data(json.utf8).write(to: dir.appendingPathComponent("vpcs.json"))
        let r = try Self.run(["cidr", "import", "vpcs.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.rawControls(r.stdout).isEmpty && Self.rawControls(r.stderr).isEmpty, "\(Self.rawControls(r.stdout))")
        #expect(r.stdout.hasPrefix(#"taken 172.16.0.0/16  vpc-0abc (account 1\u001B[8m)  Name=\u001B]2;owned\u0007red\u000D\u2066x"#), "\(r.stdout)")
        let list = try Self.run(["cidr", "list"], in: dir)
        #expect(list.status == 0 && Self.rawControls(list.stdout).isEmpty && list.stdout.contains(#"\u001B]2;owned"#))
        // The ledger keeps the text exactly, in its own escapes.
        #expect(try CidrCLITests.run(["cidr", "check"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("cidr-ledger.yaml"), encoding: .utf8).contains(#"note: "Name=\u001B]2;owned\u0007red\r\u2066x""#))

        let usage = try Self.run(["plan", "d.yaml", "--format", "\u{1B}[31mred"], in: dir)
        #expect(usage.status == 2 && Self.rawControls(usage.stderr).isEmpty && usage.stderr.contains(#"\u001B[31mred"#), "\(usage.stderr)")
    }

    /// A design that is not text (a NUL byte, bytes that are not UTF-8) is one located error; a
    /// design near the size limit, far past the reader's first buffer, is read whole.
    @Test func designsThatAreNotTextAreRefusedAndLongOnesReadWhole() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Self.seed()
        try (Data(seed.utf8) + Data([0]) + Data("\n".utf8)).write(to: dir.appendingPathComponent("nul.yaml"))
        try (Data(seed.utf8) + Data([0xC3, 0x28])).write(to: dir.appendingPathComponent("latin.yaml"))
        let nul = try Self.run(["validate", "nul.yaml"], in: dir)
        #expect(nul.status == 2 && nul.stderr == "nul.yaml:1:1: error: the file contains NUL bytes: it is not a text file\n", "\(nul.stderr)")
        let latin = try Self.run(["validate", "latin.yaml"], in: dir)
        #expect(latin.status == 2 && latin.stderr == "latin.yaml:1:1: error: the file is not UTF-8 text\n", "\(latin.stderr)")
        // 900 KB of comments after the design: its last line is still read.
        let padding = String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 9_000)
        try Data((seed + padding + "unknownField: 0\n").utf8).write(to: dir.appendingPathComponent("long.yaml"))
        let long = try Self.run(["validate", "long.yaml"], in: dir)
        #expect(long.status == 0 && long.stderr.contains("long.yaml:\(seed.split(separator: "\n", omittingEmptySubsequences: false).count + 9_000):1: warning: unknownField: unknown field"), "\(long.stderr)")
    }

    /// Defect 12: too large or endless inputs are refused at once, with a located error, and
    /// nothing is written; too many options are refused before any planning.
    @Test func inputsPastTheirLimitsAreRefusedAtOnce() throws {
        let dir = try CidrCLITests.ledgerFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A device that never ends is read no further than the limit (it used to be read whole).
        let zero = try BoundedRun.run(["plan", "/dev/zero", "--out", "out"], cwd: dir, timeLimit: 30)
        #expect(zero.status == 2 && zero.stderr == "/dev/zero:1:1: error: the file is more than 1,048,576 bytes; a design file is at most 1,048,576 bytes\n", "\(zero.stderr)")
        #expect(zero.seconds < 5 && zero.peakMemoryMB < 200, "\(zero.seconds) s, \(zero.peakMemoryMB) MB")

        let frontends = (0..<65).map { "  - {kind: alb-controller, id: o\($0)}" }.joined(separator: "\n")
        // The options go first under `frontends:` (whose line carries a comment in the seed).
        let seed = try Self.seed()
        let list = try #require(seed.range(of: "\nfrontends:"))
        let lineEnd = try #require(seed[list.upperBound...].firstIndex(of: "\n"))
        let many = String(seed[...lineEnd]) + frontends + "\n" + String(seed[seed.index(after: lineEnd)...])
        try Data(many.utf8).write(to: dir.appendingPathComponent("many.yaml"))
        let r = try BoundedRun.run(["plan", "many.yaml", "--out", "out"], cwd: dir, timeLimit: 30)
        #expect(r.status == 2 && r.stderr.hasPrefix("many.yaml:15:3: error: frontends: 68 frontend options: a design compares at most 64; split them across designs"), "\(r.stderr)")
        #expect(r.seconds < 5)

        // A price file padded past 1 MB; the ledger's neighbour folder is untouched.
        let prices = dir.appendingPathComponent("prices")
        try FileManager.default.createDirectory(at: prices, withIntermediateDirectories: true)
        var file = try Data(contentsOf: CLITests.root.appendingPathComponent("pricing/aws/us-east-1.json"))
        file += Data(repeating: 0x20, count: (1 << 20) + 1 - file.count)
        try file.write(to: prices.appendingPathComponent("us-east-1.json"))
        try Data(try Self.seed().replacingOccurrences(of: "region: eu-west-1", with: "region: us-east-1").utf8).write(to: dir.appendingPathComponent("d.yaml"))
        let cost = try BoundedRun.run(["cost", "d.yaml", "--pricing", "prices"], cwd: dir, timeLimit: 30)
        #expect(cost.status == 2 && cost.stderr.contains("prices/us-east-1.json:1:1: error: the file is 1,048,577 bytes; a price file is at most 1,048,576 bytes"), "\(cost.stderr)")
        let offer = CLITests.root.appendingPathComponent("Tests/Fixtures/offers/awselb-us-east-1.json").path
        let imported = try BoundedRun.run(["pricing", "import", offer, "--pricing", "prices"], cwd: dir, timeLimit: 30)
        #expect(imported.status == 2 && imported.stderr.contains("prices/us-east-1.json:1:1: error: the file is 1,048,577 bytes"), "\(imported.stderr)")
        #expect(try Data(contentsOf: prices.appendingPathComponent("us-east-1.json")) == file)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
