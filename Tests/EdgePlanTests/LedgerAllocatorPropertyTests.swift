import EdgePlan
import PropertyBased
import Testing

/// Any sequence of allocations and releases, against pools with taken ranges: every block stays
/// inside a pool, aligned, disjoint from the others and from every taken range; a request fails
/// (with a message saying so) exactly when no aligned free block of that size exists, which a
/// brute-force search over every aligned candidate decides independently.
@Suite struct LedgerAllocatorPropertyTests {
    static let space = IPv4Prefix("10.0.0.0/16")!

    /// The lowest aligned block of `length` in the pools that overlaps nothing used, by enumeration.
    static func bruteForce(length: Int, pools: [IPv4Prefix], used: [IPv4Prefix]) -> IPv4Prefix? {
        pools.sorted().lazy
            .flatMap { $0.split(length: length) }
            .first { candidate in !used.contains { $0.overlaps(candidate) } }
    }

    @Test func allocationsAndReleasesKeepEveryBlockInsideAlignedAndDisjoint() async {
        let poolPicks = Gen.int(in: 0...15).array(of: 1...3)
        let takenPicks = Gen.int(in: 0...100_000).array(of: 0...5)
        let operations = Gen.int(in: 0...100_000).array(of: 1...60)
        await propertyCheck(count: 150, input: poolPicks, takenPicks, operations) { poolIndexes, takenSeeds, ops in
            let pools = Set(poolIndexes).sorted().map { Self.space.subnet(length: 20, index: $0)! }
            let taken = takenSeeds.map { seed -> IPv4Prefix in
                let length = 22 + seed % 5
                return Self.space.subnet(length: length, index: (seed / 5) % (1 << (length - 16)))!
            }
            var allocator = LedgerAllocator(Ledger(
                pools: pools.map { Ledger.Pool(cidr: $0) },
                taken: taken.map { Ledger.TakenRange(cidr: $0, source: "t") }))
            for op in ops {
                let env = "env-\(op % 13)"
                if op % 4 == 3 {
                    let before = allocator.allocation(env: env)
                    #expect(allocator.release(env: env) == before)
                    #expect(allocator.allocation(env: env) == nil)
                    continue
                }
                let length = 22 + (op / 13) % 7
                let existing = allocator.allocation(env: env)
                let others = allocator.ledger.allocations.map(\.cidr)
                let expected = Self.bruteForce(length: length, pools: pools, used: taken + others)
                switch allocator.allocate(env: env, size: .exactly(length)) {
                case .success(let outcome):
                    if let existing {
                        #expect(!outcome.isNew && outcome.allocation == existing, "same environment, same block")
                    } else {
                        #expect(outcome.isNew)
                        #expect(outcome.allocation.cidr == expected, "the lowest aligned free block")
                    }
                case .failure(let failure):
                    if let existing {
                        #expect(Int(existing.cidr.length) != length)
                        #expect(failure.message.contains("already has \(existing.cidr)"))
                    } else {
                        #expect(expected == nil, "failed although \(String(describing: expected)) is free")
                        #expect(failure.message.hasPrefix("no aligned /\(length) is free") || failure.message.hasPrefix("no /\(length) is free"))
                    }
                }
                // The invariants, after every step.
                let blocks = allocator.ledger.allocations.map(\.cidr)
                for (i, block) in blocks.enumerated() {
                    #expect(pools.contains { $0.contains(block) }, "\(block) inside a pool")
                    #expect(block.network & ~IPv4Prefix.mask(Int(block.length)) == 0, "aligned")
                    #expect(!taken.contains { $0.overlaps(block) }, "\(block) clear of taken ranges")
                    #expect(!blocks[(i + 1)...].contains { $0.overlaps(block) }, "\(block) disjoint")
                }
                #expect(Set(allocator.ledger.allocations.map(\.env)).count == blocks.count, "one block per environment")
            }
            #expect(LedgerChecker().check(allocator.ledger).isEmpty)
            // What was allocated survives the file.
            let text = LedgerSerializer().serialize(allocator.ledger)
            #expect((try? LedgerParser().parse(text, file: "l.yaml"))?.ledger == allocator.ledger.sorted)
            // Free space accounting is exact: pools = free + allocated + taken inside the pools.
            let takenInPools = AddressSpace.canonicalCover(of: taken).flatMap { t in pools.compactMap { p -> UInt64? in
                p.contains(t) ? t.size : t.contains(p) ? p.size : nil } }.reduce(0, +)
            let allocated = allocator.ledger.allocations.reduce(UInt64(0)) { $0 + $1.cidr.size }
            #expect(allocator.freeAddressCount + allocated + takenInPools == UInt64(pools.count) * (1 << 12))
        }
    }

    @Test func aReleasedBlockIsHandedOutAgainAndTheLedgerIsDeterministic() {
        func run() -> Ledger {
            var allocator = LedgerAllocator(Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)],
                                                   taken: [Ledger.TakenRange(cidr: IPv4Prefix("10.0.0.0/16")!, source: "reserved")]))
            for (i, length) in [16, 20, 18, 24, 16].enumerated() { _ = allocator.allocate(env: "e\(i)", size: .exactly(length)) }
            return allocator.ledger
        }
        #expect(run() == run())
        var allocator = LedgerAllocator(run())
        #expect(allocator.allocation(env: "e0")?.cidr.description == "10.1.0.0/16")
        let released = allocator.release(env: "e0")
        #expect(released?.cidr.description == "10.1.0.0/16")
        guard case .success(let again) = allocator.allocate(env: "new", size: .exactly(16)) else {
            Issue.record("no /16 after a release")
            return
        }
        #expect(again.allocation.cidr.description == "10.1.0.0/16")
    }

    @Test func claimRecordsOnlyAFreeBlock() {
        var allocator = LedgerAllocator(Ledger(pools: [Ledger.Pool(cidr: IPv4Prefix("10.0.0.0/8")!)]))
        guard case .success(let first) = allocator.claim(env: "old", cidr: IPv4Prefix("10.128.0.0/16")!) else {
            Issue.record("a free block could not be claimed")
            return
        }
        #expect(first.isNew)
        if case .success(let again) = allocator.claim(env: "old", cidr: IPv4Prefix("10.128.0.0/16")!) { #expect(!again.isNew) } else { Issue.record("claiming twice failed") }
        #expect(allocator.claim(env: "other", cidr: IPv4Prefix("10.128.0.0/17")!) == .failure(.notFree(IPv4Prefix("10.128.0.0/17")!)))
        #expect(allocator.claim(env: "far", cidr: IPv4Prefix("192.168.0.0/16")!) == .failure(.notFree(IPv4Prefix("192.168.0.0/16")!)))
        guard case .success(let next) = allocator.allocate(env: "new", size: .exactly(9)) else {
            Issue.record("no /9 left")
            return
        }
        #expect(next.allocation.cidr.description == "10.0.0.0/9", "the claimed block is never handed out")
    }
}
