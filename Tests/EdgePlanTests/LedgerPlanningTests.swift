import EdgePlan
import Foundation
import Testing

/// `vpcCidr: allocate`: the size a design needs, and planning against a ledger.
@Suite struct LedgerPlanningTests {
    static func design(_ name: String, nodes: Int = 30, pods: Int = 110, azs: Int = 3, vpc: String = "allocate") -> String {
        Fixtures.design(vpc: vpc, azs: String(azs), nodes: nodes, pods: pods).replacingOccurrences(of: "name: test-env", with: "name: \(name)")
            .replacingOccurrences(of: "eu-west-1", with: "us-east-1")
    }

    /// The required length is the smallest block that keeps the role-blocks layout: one bit
    /// smaller loses it (or does not fit at all).
    @Test func requiredLengthIsTheSmallestBlockThatKeepsTheAZSlots() throws {
        let planner = Fixtures.pipeline.planner
        for (nodes, pods, azs) in [(30, 110, 3), (3, 10, 2), (200, 30, 3), (6, 17, 4), (1, 1, 2), (60, 110, 6), (400, 40, 5)] {
            let yaml = Self.design("x", nodes: nodes, pods: pods, azs: azs)
            let parsed = try DesignParser().parse(yaml, file: "d.yaml")
            let length = try planner.requiredLength(for: parsed.design)
            let fits = try Fixtures.plan(yaml.replacingOccurrences(of: "vpcCidr: allocate", with: "vpcCidr: 10.0.0.0/\(length)"))
            SubnetPlannerTests.checkInvariants(fits)
            let smaller = length < 28
                ? Fixtures.pipeline.run(yaml.replacingOccurrences(of: "vpcCidr: allocate", with: "vpcCidr: 10.0.0.0/\(length + 1)"), file: "d.yaml").plan
                : nil
            if fits.layout.kind == .roleBlocks {
                #expect(smaller == nil || smaller?.layout.kind == .compact, "\(nodes)×\(pods): /\(length + 1) still keeps the slots")
            } else {
                // Packed only when even the largest VPC block cannot keep the slots.
                let largest = try Fixtures.plan(yaml.replacingOccurrences(of: "vpcCidr: allocate", with: "vpcCidr: 10.0.0.0/16"))
                #expect(largest.layout.kind == .compact, "\(nodes)×\(pods) packed although a /16 keeps the slots")
                #expect(smaller == nil, "\(nodes)×\(pods): /\(length + 1) holds it too")
            }
        }
        // The seed design: 15 nodes per AZ × 150 addresses (m6i.4xlarge, 5 ENIs × 30) → /20 node
        // subnets; four AZ slots of them are a /18 block, with the small roles beside it → /17.
        let seed = try DesignParser().parse(try Fixtures.text("examples/seed-environment.yaml"), file: "s.yaml")
        #expect(try planner.requiredLength(for: seed.design) == 17)
    }

    @Test func aDesignTooLargeForAnyVPCSaysSo() throws {
        let parsed = try DesignParser().parse(Self.design("big", nodes: 1000, pods: 110, azs: 3), file: "d.yaml")
        #expect(throws: DiagnosticError.self) { try Fixtures.pipeline.planner.requiredLength(for: parsed.design) }
    }

    @Test func allocateGetsANewBlockThenTheSameOne() throws {
        var allocator = LedgerAllocator(Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
                                               taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.0.0.0/16")!, source: "reserved")]))
        let first = Fixtures.pipeline.run(Self.design("shop"), file: "d.yaml", allocator: &allocator)
        let plan = try #require(first.outcome.plan, "\(first.outcome.diagnostics.map(\.formatted))")
        #expect(first.allocation?.isNew == true)
        #expect(plan.vpc.cidr.description == "10.1.0.0/17")
        #expect(allocator.allocation(env: "shop")?.cidr == plan.vpc.cidr)
        let second = Fixtures.pipeline.run(Self.design("shop"), file: "d.yaml", allocator: &allocator)
        #expect(second.allocation?.isNew == false)
        #expect(second.outcome.plan?.vpc.cidr == plan.vpc.cidr)
        #expect(allocator.ledger.allocations.count == 1)
    }

    @Test func aFailedDesignLeavesTheLedgerAsItWas() {
        let ledger = Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/20")!)])
        var allocator = LedgerAllocator(ledger)
        // Needs a /17; the pool is a /20.
        let full = Fixtures.pipeline.run(Self.design("shop"), file: "d.yaml", allocator: &allocator)
        #expect(full.outcome.plan == nil)
        let error = full.outcome.diagnostics.first { $0.severity == .error }
        #expect(error?.formatted.hasPrefix("d.yaml:6:12: error: network.vpcCidr: 'allocate' needs a /17 from the ledger: no aligned /17 is free in the pools (10.0.0.0/20): 4,096 addresses are free but the largest free block is 10.0.0.0/20") == true, "\(String(describing: error?.formatted))")
        #expect(allocator.ledger == ledger)
        let invalid = Fixtures.pipeline.run(Self.design("Bad_Name"), file: "d.yaml", allocator: &allocator)
        #expect(invalid.outcome.plan == nil)
        #expect(allocator.ledger == ledger)
    }

    @Test func aFixedVPCThatOverlapsTheLedgerIsWarnedAbout() {
        var allocator = LedgerAllocator(Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
                                               allocations: [Ledger.Allocation(env: "other", cidr: IPv4Prefix("10.0.0.0/17")!)]))
        let overlap = Fixtures.pipeline.run(Self.design("shop", vpc: "10.0.0.0/16"), file: "d.yaml", allocator: &allocator)
        #expect(overlap.outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("overlaps 10.0.0.0/17, the ledger's block for env other") })
        let unrecorded = Fixtures.pipeline.run(Self.design("shop", vpc: "10.9.0.0/16"), file: "d.yaml", allocator: &allocator)
        #expect(unrecorded.outcome.diagnostics.contains { $0.message.contains("not recorded there") })
        let outside = Fixtures.pipeline.run(Self.design("shop", vpc: "172.16.0.0/16"), file: "d.yaml", allocator: &allocator)
        // The only warning left is the one at network.azs: zone names, in us-east-1 (use1-az3).
        #expect(!outside.outcome.diagnostics.contains { $0.severity == .warning && $0.path != "network.azs" })
    }
}
