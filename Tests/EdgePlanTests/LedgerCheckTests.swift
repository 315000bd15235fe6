import EdgePlan
import Foundation
import Testing

/// `edgeplan cidr check`'s rules: each planted problem is found, located, on its own line, and a
/// sound ledger has none.
@Suite struct LedgerCheckTests {
    static let text = """
        edgeplan-ledger: 1
        pools:
          - cidr: 10.0.0.0/8
          - cidr: 10.64.0.0/16
        taken:
          - cidr: 10.0.0.0/16
            source: reserved
          - cidr: 10.0.4.0/24
            source: subnet-1
        allocations:
          - cidr: 10.1.0.0/16
            env: a
          - cidr: 10.1.128.0/17
            env: b
          - cidr: 10.0.8.0/24
            env: c
          - cidr: 192.168.0.0/24
            env: d
          - cidr: 10.2.0.0/16
            env: a
          - cidr: 10.3.0.0/16
            env: e
        # end of ledger

        """

    @Test func everyPlantedProblemIsFoundAtItsLine() throws {
        let parsed = try LedgerParser().parse(Self.text, file: "l.yaml")
        let problems = LedgerChecker().check(parsed).map(\.formatted)
        #expect(problems == [
            "l.yaml:4:11: error: pools[1].cidr: 10.64.0.0/16 overlaps the pool 10.0.0.0/8 (line 3): list each range once",
            "l.yaml:13:11: error: allocations[1].cidr: 10.1.128.0/17 (env b) overlaps 10.1.0.0/16, allocated to env a (line 11): two environments must never share addresses; release b and allocate it again",
            "l.yaml:15:11: error: allocations[2].cidr: 10.0.8.0/24 (env c) overlaps 10.0.0.0/16, taken by reserved (line 6): release c and allocate it again",
            "l.yaml:17:11: error: allocations[3].cidr: 192.168.0.0/24 (env d) is outside every pool (10.0.0.0/8, 10.64.0.0/16): add a pool that holds it, or release d and allocate it again",
            "l.yaml:20:10: error: allocations[4].env: a has a second allocation (10.2.0.0/16); its first is 10.1.0.0/16 (line 11): an environment has one block, so remove one of them",
        ], "\(problems.joined(separator: "\n"))")
        // The overlapping taken ranges (a VPC and its subnet) are not a problem.
        #expect(!problems.contains { $0.contains("subnet-1") })
    }

    @Test func aTakenRangeInsideAnAllocationIsAProblem() throws {
        let ledger = Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
                            taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.1.2.0/24")!, source: "vpc-9")],
                            allocations: [Ledger.Allocation(env: "a", cidr: IPv4Prefix("10.1.0.0/16")!)])
        let problems = LedgerChecker().check(ledger)
        #expect(problems.count == 1)
        #expect(problems.first?.path == "taken[0].cidr")
        #expect(problems.first?.message.contains("lies inside 10.1.0.0/16, allocated to env a (allocations[0])") == true)
    }

    @Test func overlapsAreFoundWhateverTheOrder() {
        // Nested allocations in every order: each contained block is reported once.
        let blocks = ["10.0.0.0/16", "10.0.0.0/20", "10.0.0.0/24", "10.0.1.0/24", "10.5.0.0/16"]
        for rotation in 0..<blocks.count {
            let order = Array(blocks[rotation...] + blocks[..<rotation])
            let ledger = Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
                                allocations: order.enumerated().map { Ledger.Allocation(env: "e\($0.offset)", cidr: IPv4Prefix($0.element)!) })
            let flagged = Set(LedgerChecker().check(ledger).map { ledger.allocations[Int($0.path.dropFirst(12).prefix { $0 != "]" })!].cidr.description })
            #expect(flagged == ["10.0.0.0/20", "10.0.0.0/24", "10.0.1.0/24"], "order \(order)")
        }
    }
}
