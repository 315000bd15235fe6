import EdgePlan
import Foundation
import Testing

/// Issue 10, defect 8: importing a VPC whose block is exactly an environment's allocation said
/// "already recorded" and `cidr check` stayed clean, whoever the VPC belonged to; importing
/// `0.0.0.0/0` as taken blocked every later allocation. A VPC is now an environment's only by
/// identity (the VPC id its allocation records, or the `edgeplan:env` tag, which records it);
/// any other VPC or subnet on an allocated block is recorded and reported as an overlap; a block
/// that holds a whole pool is refused unless forced.
@Suite struct VPCIdentityTests {
    static let pool = Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)
    static let prod = Ledger.Allocation(env: "shop-prod", cidr: IPv4Prefix("10.1.0.0/16")!)

    static func vpc(_ id: String, _ cidr: String, env: String? = nil) -> AWSImport.Block {
        AWSImport.Block(range: Ledger.TakenRange(cidr: IPv4Prefix(cidr)!, source: "\(id) (account 111122223333)"), vpc: id, envTag: env,
                        path: "Vpcs[0].CidrBlock", location: SourceLocation(file: "v.json", line: 4, column: 26))
    }

    static func subnet(_ id: String, _ cidr: String, vpc: String?) -> AWSImport.Block {
        AWSImport.Block(range: Ledger.TakenRange(cidr: IPv4Prefix(cidr)!, source: id + (vpc.map { " in \($0)" } ?? "")), vpc: vpc, path: "Subnets[0].CidrBlock")
    }

    /// The reproducer: someone else's VPC on exactly shop-prod's block.
    @Test func aStrangersVPCOnAnAllocatedBlockIsAnOverlap() {
        var allocator = LedgerAllocator(Ledger(pools: [Self.pool], allocations: [Self.prod]))
        let report = allocator.importTaken([Self.vpc("vpc-0f00", "10.1.0.0/16")])
        #expect(report.added.map(\.cidr) == [Self.prod.cidr])
        #expect(report.bound.isEmpty)
        #expect(report.conflicts.map(\.formatted) == [
            "v.json:4:26: warning: Vpcs[0].CidrBlock: 10.1.0.0/16 (vpc-0f00 (account 111122223333)) lies in 10.1.0.0/16, the block of env shop-prod, but is not shop-prod's VPC: the ledger records no VPC for shop-prod, and vpc-0f00 has no edgeplan:env tag. Recorded as taken, so `edgeplan cidr check` reports the overlap until it is resolved; if it is shop-prod's, remove that taken range and record the VPC with `edgeplan cidr allocate --env shop-prod --cidr 10.1.0.0/16 --vpc VPC-ID` (or tag it edgeplan:env=shop-prod and import again)",
        ])
        let problems = LedgerChecker().check(allocator.ledger)
        #expect(problems.count == 1 && problems[0].path == "taken[0].cidr" && problems[0].message.contains("lies inside 10.1.0.0/16, allocated to env shop-prod"))
        // A VPC tagged for another environment is no better.
        var other = LedgerAllocator(Ledger(pools: [Self.pool], allocations: [Self.prod]))
        let tagged = other.importTaken([Self.vpc("vpc-0f00", "10.1.0.0/20", env: "shop-dev")])
        #expect(tagged.conflicts.first?.message.contains("and vpc-0f00 is tagged edgeplan:env=shop-dev.") == true)
    }

    @Test func theTagBindsTheVPCOnceAndOnlyItsBlocksAreOwn() {
        var allocator = LedgerAllocator(Ledger(pools: [Self.pool], allocations: [Self.prod]))
        let first = allocator.importTaken([
            Self.vpc("vpc-0a11", "10.1.0.0/16", env: "shop-prod"),
            Self.subnet("subnet-1", "10.1.0.0/24", vpc: "vpc-0a11"),
            Self.vpc("vpc-0b22", "10.1.128.0/20", env: "shop-prod"),
            Self.subnet("subnet-2", "10.1.64.0/24", vpc: "vpc-0b22"),
            Self.subnet("subnet-3", "10.1.65.0/24", vpc: nil),
        ])
        #expect(first.bound.map(\.vpc) == ["vpc-0a11"])
        #expect(allocator.allocation(env: "shop-prod")?.vpc == "vpc-0a11")
        // The first VPC in address order is bound; the second claims the same environment and is not it.
        #expect(first.added.map(\.cidr.description) == ["10.1.64.0/24", "10.1.65.0/24", "10.1.128.0/20"])
        #expect(first.conflicts.count == 3)
        #expect(first.conflicts.allSatisfy { $0.message.contains("is not shop-prod's VPC") })
        #expect(first.conflicts[0].message.contains("the ledger records vpc-0a11 as shop-prod's VPC, not vpc-0b22"))
        #expect(first.conflicts[1].message.contains("it names no VPC"))
        #expect(LedgerChecker().check(allocator.ledger).count == 3)
        // Importing the bound VPC again changes nothing.
        let again = allocator.importTaken([Self.vpc("vpc-0a11", "10.1.0.0/16", env: "shop-prod"), Self.subnet("subnet-1", "10.1.0.0/24", vpc: "vpc-0a11")])
        #expect(!again.changed && again.conflicts.isEmpty && again.skipped.count == 2)
    }

    @Test func aBlockThatHoldsAWholePoolIsRefused() {
        let allocator = LedgerAllocator(Ledger(pools: [Self.pool, Ledger.Pool(cidr: IPv4Prefix("172.16.0.0/16")!)]))
        let found = allocator.blocksCoveringAPool([
            Self.vpc("vpc-0a", "0.0.0.0/0"), Self.vpc("vpc-0b", "172.16.0.0/16"), Self.vpc("vpc-0c", "10.2.0.0/16"),
        ])
        #expect(found.map(\.formatted) == [
            "v.json:4:26: error: Vpcs[0].CidrBlock: 0.0.0.0/0 (vpc-0a (account 111122223333)) holds the whole pool 10.0.0.0/8: recorded as taken, it would leave nothing in that pool to allocate. No VPC or subnet block is larger than a /16, so this is not one; check the file. Pass --force to record it anyway",
            "v.json:4:26: error: Vpcs[0].CidrBlock: 172.16.0.0/16 (vpc-0b (account 111122223333)) holds the whole pool 172.16.0.0/16: recorded as taken, it would leave nothing in that pool to allocate. Pass --force to record it anyway",
        ])
    }

    @Test func claimRecordsTheVPCAndKeepsIt() {
        var allocator = LedgerAllocator(Ledger(pools: [Self.pool], allocations: [Self.prod]))
        guard case .success(let bound) = allocator.claim(env: "shop-prod", cidr: Self.prod.cidr, vpc: "vpc-0a11") else { Issue.record("not bound"); return }
        #expect(bound.isNew && bound.allocation.vpc == "vpc-0a11")
        guard case .success(let again) = allocator.claim(env: "shop-prod", cidr: Self.prod.cidr, vpc: "vpc-0a11") else { Issue.record("not idempotent"); return }
        #expect(!again.isNew)
        #expect(allocator.claim(env: "shop-prod", cidr: Self.prod.cidr, vpc: "vpc-0b22") == .failure(.otherVPC(env: "shop-prod", recorded: "vpc-0a11", asked: "vpc-0b22")))
        guard case .success(let new) = allocator.claim(env: "old", cidr: IPv4Prefix("10.9.0.0/16")!, vpc: "vpc-0c33") else { Issue.record("no claim"); return }
        #expect(new.allocation.vpc == "vpc-0c33")
    }

    /// The ledger format stays version 1: `vpc` is an optional field of an allocation.
    @Test func theVPCIsAnOptionalFieldOfTheLedger() throws {
        let ledger = Ledger(pools: [Self.pool], allocations: [
            Ledger.Allocation(env: "a", cidr: IPv4Prefix("10.1.0.0/16")!, vpc: "vpc-0e9801d129EXAMPLE", note: "web team"),
            Ledger.Allocation(env: "b", cidr: IPv4Prefix("10.2.0.0/16")!, vpc: "vpc-0abc"),
            Ledger.Allocation(env: "c", cidr: IPv4Prefix("10.3.0.0/16")!),
        ])
        let text = LedgerSerializer().serialize(ledger)
        #expect(text.contains("  - cidr: 10.1.0.0/16\n    env: a\n    purpose: vpc\n    vpc: \"vpc-0e9801d129EXAMPLE\"\n    note: \"web team\"\n"))
        #expect(text.contains("  - cidr: 10.2.0.0/16\n    env: b\n    purpose: vpc\n    vpc: vpc-0abc\n  - cidr: 10.3.0.0/16\n"))
        #expect(try LedgerParser().parse(text, file: "l.yaml").ledger == ledger)
        // By hand, in flow style (the YAML path), and an id that is not one.
        let hand = "edgeplan-ledger: 1\npools: [{cidr: 10.0.0.0/8}]\nallocations:\n  - {cidr: 10.1.0.0/16, env: a, vpc: vpc-0abc}\n  - {cidr: 10.2.0.0/16, env: b, vpc: subnet-1}\n# end of ledger\n"
        do {
            _ = try LedgerParser().parse(hand, file: "l.yaml")
            Issue.record("subnet-1 accepted as a VPC id")
        } catch {
            #expect(error.diagnostics.map(\.formatted) == ["l.yaml:5:38: error: allocations[1].vpc: 'subnet-1' is not a VPC id: write the VpcId that `aws ec2 describe-vpcs` prints, such as vpc-0abc12345def67890"])
        }
        let fixed = try LedgerParser().parse(hand.replacingOccurrences(of: "subnet-1", with: "vpc-0def"), file: "l.yaml")
        #expect(fixed.ledger.allocations.map(\.vpc) == ["vpc-0abc", "vpc-0def"])
    }

    @Test func oneVPCRecordedForTwoEnvironmentsIsAProblem() {
        let ledger = Ledger(pools: [Self.pool], allocations: [
            Ledger.Allocation(env: "a", cidr: IPv4Prefix("10.1.0.0/16")!, vpc: "vpc-0abc"),
            Ledger.Allocation(env: "b", cidr: IPv4Prefix("10.2.0.0/16")!, vpc: "vpc-0abc"),
        ])
        #expect(LedgerChecker().check(ledger).map(\.path) == ["allocations[1].vpc"])
    }
}
