import EdgePlanCore
import PropertyBased
import Testing

/// Properties of the address arithmetic over random inputs: they must hold for every input, so a
/// failure prints the input and the seed to reproduce it.
@Suite struct AddressPropertyTests {
    static let prefixes = zip(Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...32))
        .map { value, length in IPv4Prefix(network: value & IPv4Prefix.mask(length), length: length)! }

    @Test func formatThenParseIsIdentity() async {
        await propertyCheck(count: 2000, input: Self.prefixes) { prefix in
            #expect(IPv4Prefix(prefix.description) == prefix)
        }
    }

    @Test func addressFormatThenParseIsIdentity() async {
        await propertyCheck(count: 2000, input: Gen.uint32(in: 0...UInt32.max)) { value in
            #expect(IPv4Address(IPv4Address(value).description)?.value == value)
        }
    }

    @Test func hostBitsAreAlwaysRejected() async {
        await propertyCheck(count: 1000, input: Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...31)) { value, length in
            let text = "\(IPv4Address(value))/\(length)"
            let aligned = value & IPv4Prefix.mask(length) == value
            #expect((IPv4Prefix(text) != nil) == aligned)
        }
    }

    @Test func splitPiecesAreInsideDisjointAndCoverTheParent() async {
        await propertyCheck(count: 300, input: Self.prefixes, Gen.int(in: 0...6)) { prefix, extra in
            let length = min(32, Int(prefix.length) + extra)
            let pieces = prefix.split(length: length)
            #expect(pieces.count == 1 << (length - Int(prefix.length)))
            #expect(pieces.allSatisfy { prefix.contains($0) && $0.supernet(length: Int(prefix.length)) == prefix })
            #expect(pieces.reduce(UInt64(0)) { $0 + $1.size } == prefix.size)
            #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.end == UInt64($1.network) })
        }
    }

    /// Allocating random sizes out of a pool with random holes: every block inside the pool,
    /// aligned, disjoint from the others and from the holes; failures only when nothing fits.
    @Test func allocationsAreInsideAlignedAndDisjoint() async {
        let requests = Gen.int(in: 16...28).array(of: 1...60)
        let holes = Gen.int(in: 0...255).array(of: 0...6)
        await propertyCheck(count: 200, input: requests, holes) { lengths, holeIndexes in
            let pool = IPv4Prefix("10.0.0.0/12")!
            var space = AddressSpace(pools: [pool])
            let holeBlocks = Set(holeIndexes).map { pool.subnet(length: 20, index: $0)! }
            for hole in holeBlocks { space.remove(hole) }
            var taken: [IPv4Prefix] = []
            for length in lengths {
                let freeBefore = space.freeBlocks
                if let block = space.allocate(length: length) {
                    #expect(Int(block.length) == length)
                    #expect(pool.contains(block))
                    #expect(block.network & ~IPv4Prefix.mask(length) == 0, "aligned")
                    #expect(!holeBlocks.contains { $0.overlaps(block) })
                    #expect(!taken.contains { $0.overlaps(block) })
                    // Lowest aligned: no free block of that size started lower.
                    #expect(!freeBefore.contains { Int($0.length) <= length && $0.network < block.network })
                    taken.append(block)
                } else {
                    #expect(!freeBefore.contains { Int($0.length) <= length }, "fails only when nothing fits")
                }
            }
            let used = taken.reduce(UInt64(0)) { $0 + $1.size }
            let holesSize = holeBlocks.reduce(UInt64(0)) { $0 + $1.size }
            #expect(used + holesSize + space.freeAddressCount == pool.size)
        }
    }

    @Test func releasingEverythingRestoresThePool() async {
        await propertyCheck(count: 200, input: Gen.int(in: 20...30).array(of: 1...80)) { lengths in
            let pool = IPv4Prefix("172.16.0.0/16")!
            var space = AddressSpace(pools: [pool])
            let taken = lengths.compactMap { space.allocate(length: $0) }
            for block in taken.shuffled() {
                let released = space.release(block)
                #expect(released)
            }
            #expect(space.freeBlocks == [pool])
        }
    }
}
