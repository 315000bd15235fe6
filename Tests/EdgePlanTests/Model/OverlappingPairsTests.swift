import EdgePlanCore
import Testing

/// `IPv4Prefix.overlappingPairs` (what `plan --fleet` reports) finds exactly the pairs a
/// comparison of every block with every other finds.
@Suite struct OverlappingPairsTests {
    /// A small linear congruential generator: the same blocks on every run.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func sameAsEveryPairCompared(_ seed: UInt64) {
        var n = Numbers(state: seed)
        // Blocks crowded into 10.0.0.0/12 so that many of them overlap, duplicates included.
        let blocks = (0..<200).map { _ -> IPv4Prefix in
            let length = 12 + n.next(13)
            let network = (UInt32(10) << 24 | UInt32(n.next(1 << 20)) << 4) & IPv4Prefix.mask(length)
            return IPv4Prefix(network: network, length: length)!
        }
        var expected: [[Int]] = []
        for i in blocks.indices { for j in blocks.indices where i < j && blocks[i].overlaps(blocks[j]) { expected.append([i, j]) } }
        let found = IPv4Prefix.overlappingPairs(blocks).map { [$0.0, $0.1] }
        #expect(found.count == expected.count)
        #expect(Set(found) == Set(expected))
        #expect(!expected.isEmpty)
    }
}
