import EdgePlan
import Foundation
import Testing

/// Importing `aws ec2 describe-vpcs` / `describe-subnets` output (fixtures in the CLI's exact shape).
@Suite struct LedgerImportTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/aws/\(name)"))
    }

    @Test func describeVpcsGivesPrimaryAndAssociatedSecondaryBlocks() throws {
        let result = try AWSImport().read(try Self.fixture("describe-vpcs.json"), file: "vpcs.json")
        #expect(result.kind == .vpcs)
        #expect(result.ranges.map(\.cidr.description) == ["10.0.0.0/16", "10.1.0.0/16", "172.31.0.0/16", "10.50.0.0/20"])
        #expect(result.ranges[0].source == "vpc-0e9801d129EXAMPLE (account 111122223333)")
        #expect(result.ranges[0].note == "Name=payments-prod")
        #expect(result.ranges[1].note == "secondary block; Name=payments-prod")
        #expect(result.ranges[2].note == nil)
        // The disassociated and the still-associating blocks are left out, with a located note each.
        #expect(result.skipped.map(\.message) == [
            "10.2.0.0/16 of vpc-0e9801d129EXAMPLE is 'disassociated', not associated: not imported",
            "10.51.0.0/24 of vpc-0a60eb65b4EXAMPLE is 'associating', not associated: not imported",
        ])
        #expect(result.skipped.allSatisfy { $0.severity == .note && $0.location?.file == "vpcs.json" && $0.location!.line > 1 })
    }

    @Test func describeSubnetsGivesEveryIPv4SubnetBlock() throws {
        let result = try AWSImport().read(try Self.fixture("describe-subnets.json"), file: "subnets.json")
        #expect(result.kind == .subnets)
        #expect(result.ranges.map(\.cidr.description) == ["10.0.0.0/20", "10.0.16.0/20", "172.31.80.0/20", "10.60.4.0/24"])
        #expect(result.ranges[0].source == "subnet-0bb1c79de3EXAMPLE in vpc-0e9801d129EXAMPLE (account 111122223333)")
        #expect(result.ranges[0].note == "us-east-1a; Name=payments-prod-private-a")
        #expect(result.skipped.count == 1 && result.skipped[0].message.contains("IPv6-only"))
    }

    @Test func importingSkipsWhatIsCoveredAndIsIdempotent() throws {
        let vpcs = try AWSImport().read(try Self.fixture("describe-vpcs.json"), file: "v.json").blocks
        let subnets = try AWSImport().read(try Self.fixture("describe-subnets.json"), file: "s.json").blocks
        var allocator = LedgerAllocator(Ledger(
            pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
            allocations: [Ledger.Allocation(env: "lake", cidr: IPv4Prefix("10.50.0.0/20")!)]))
        let report = allocator.importTaken(vpcs + subnets)
        // Subnets inside imported VPCs are covered; the data lake's VPC is its own allocation, as
        // its edgeplan:env tag says, and the ledger now records it.
        #expect(report.added.map(\.cidr.description) == ["10.0.0.0/16", "10.1.0.0/16", "10.60.4.0/24", "172.31.0.0/16"])
        #expect(report.skipped.count == 4)
        #expect(report.conflicts.isEmpty)
        #expect(report.bound.map(\.env) == ["lake"] && allocator.allocation(env: "lake")?.vpc == "vpc-0a60eb65b4EXAMPLE")
        #expect(LedgerChecker().check(allocator.ledger).isEmpty)
        // Nothing imported is ever handed out.
        guard case .success(let next) = allocator.allocate(env: "new", size: .exactly(16)) else { Issue.record("no /16"); return }
        #expect(next.allocation.cidr.description == "10.2.0.0/16")
        let again = allocator.importTaken(vpcs + subnets)
        #expect(again.added.isEmpty && again.bound.isEmpty && !again.changed)
    }

    @Test func aRangeOverAnAllocationIsRecordedAndReportedAsAConflict() {
        var allocator = LedgerAllocator(Ledger(
            pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
            allocations: [Ledger.Allocation(env: "a", cidr: IPv4Prefix("10.0.0.0/20")!)]))
        let report = allocator.importTaken([AWSImport.Block(range: Ledger.TakenRange(cidr: IPv4Prefix("10.0.0.0/16")!, source: "vpc-x"), vpc: "vpc-x")])
        #expect(report.added.count == 1)
        #expect(report.conflicts.count == 1 && report.conflicts[0].message.contains("allocated to env a"))
        #expect(LedgerChecker().check(allocator.ledger).count == 1)
    }

    @Test func badInputIsLocated() {
        let cases: [(String, String)] = [
            ("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"\n", "j.json:4:1: error: not valid JSON: unexpected end of the file in an object"),
            ("{\"Vpcs\": [{\"VpcId\": \"vpc-1\" \"CidrBlock\": 1}]}", "j.json:1:29: error: not valid JSON: expected ',' or '}'"),
            ("{\"Vpcs\": [{\"VpcId\": \"vpc-1\",\n  \"CidrBlock\": \"10.0.0.0/33\"}]}", "j.json:2:16: error: Vpcs[0].CidrBlock: '10.0.0.0/33' is not a valid IPv4 prefix length"),
            ("{\"Vpcs\": [{\"CidrBlock\": \"10.0.0.0/16\"}]}", "j.json:1:11: error: Vpcs[0].VpcId: missing \"VpcId\""),
            ("{\"Reservations\": []}", "j.json:1:1: error: expected the output of `aws ec2 describe-vpcs` or `aws ec2 describe-subnets`"),
            ("[1, 2]", "j.json:1:1: error: expected the output"),
        ]
        for (json, expected) in cases {
            do {
                _ = try AWSImport().read(Data(json.utf8), file: "j.json")
                Issue.record("accepted \(json)")
            } catch {
                let printed = error.diagnostics.map(\.formatted).joined(separator: "\n")
                #expect(printed.contains(expected), "\(printed)")
            }
        }
    }
}
