import EdgePlanCore
import Testing

@Suite struct AddressSpaceTests {
    @Test func allocatesLowestAlignedBlockAroundHoles() throws {
        var space = AddressSpace(pools: [IPv4Prefix("10.0.0.0/16")!])
        let r1 = space.remove(IPv4Prefix("10.0.0.0/24")!)
        #expect(r1 == 256)
        // A /24 hole at the start: the first /17 is still partly free, so a /17 comes from the upper half.
        let r2 = space.allocate(length: 17)
        #expect(r2?.description == "10.0.128.0/17")
        let r3 = space.allocate(length: 24)
        #expect(r3?.description == "10.0.1.0/24")
        let r4 = space.allocate(length: 23)
        #expect(r4?.description == "10.0.2.0/23")
        let r5 = space.allocate(length: 28)
        #expect(r5?.description == "10.0.4.0/28")
    }

    @Test func takeAndReleaseRestoreTheFreeSet() throws {
        let pool = IPv4Prefix("10.0.0.0/8")!
        var space = AddressSpace(pools: [pool])
        let block = IPv4Prefix("10.77.16.0/20")!
        let r6 = space.take(block)
        #expect(r6)
        let r7 = space.take(block)
        #expect(!r7, "a block cannot be taken twice")
        #expect(!space.isFree(IPv4Prefix("10.77.16.0/24")!))
        #expect(space.freeAddressCount == pool.size - block.size)
        let r8 = space.release(block)
        #expect(r8)
        #expect(space.freeBlocks == [pool], "buddies merge back into the pool")
        let r9 = space.release(IPv4Prefix("11.0.0.0/24")!)
        #expect(!r9, "outside every pool")
    }

    @Test func adjacentPoolsMergeIntoOneBlock() {
        let space = AddressSpace(pools: [IPv4Prefix("10.0.0.0/9")!, IPv4Prefix("10.128.0.0/9")!])
        #expect(space.freeBlocks.map(\.description) == ["10.0.0.0/8"])
    }

    @Test func exhaustionIsNilNotACrash() {
        var space = AddressSpace(pools: [IPv4Prefix("192.168.0.0/30")!])
        let r10 = space.allocate(length: 29)
        #expect(r10 == nil)
        let r11 = space.allocate(length: 33)
        #expect(r11 == nil)
        let r12 = space.allocate(length: -1)
        #expect(r12 == nil)
        let r13 = space.allocate(length: 31)
        #expect(r13 != nil)
        let r14 = space.allocate(length: 31)
        #expect(r14 != nil)
        let r15 = space.allocate(length: 32)
        #expect(r15 == nil)
        #expect(space.largestFreeLength == nil)
    }

    @Test func removingAPartlyFreeBlockTakesOnlyWhatIsFree() {
        var space = AddressSpace(pools: [IPv4Prefix("10.0.0.0/24")!])
        let r16 = space.take(IPv4Prefix("10.0.0.0/26")!)
        #expect(r16)
        // The /25 holding it is half taken: remove() takes the free half only.
        let r17 = space.remove(IPv4Prefix("10.0.0.0/25")!)
        #expect(r17 == 64)
        #expect(space.freeBlocks.map(\.description) == ["10.0.0.128/25"])
    }
}
