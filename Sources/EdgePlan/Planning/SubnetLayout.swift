import EdgePlanCore

/// Places subnets of given sizes in an address block, one per role per AZ.
///
/// Preferred layout ("role blocks"): every role gets one aligned block with a slot per AZ, the
/// slot count rounded up to a power of two; the blocks are placed largest first, so alignment
/// wastes nothing. AZ i of a role is always slot i, so adding an AZ up to the slot count moves no
/// subnet, and a role's subnets summarise to one CIDR (handy for security groups and routes).
/// When the block cannot hold the empty slots, subnets are packed largest first instead ("compact").
/// `omit` names AZs (by index) where a role gets no subnet: in role blocks its slot stays free.
struct SubnetLayout {
    struct Placement: Equatable {
        var role: SubnetRole
        var azIndex: Int
        var cidr: IPv4Prefix
    }

    struct Result: Equatable {
        var kind: Layout.Kind
        var azSlots: Int
        var placements: [Placement]
        var roleBlocks: [Layout.RoleBlock]
        var free: [IPv4Prefix]
    }

    /// log2 of the AZ slots a role block keeps: the AZ count rounded up to a power of two.
    static func slotBits(azCount: Int) -> Int {
        azCount <= 1 ? 0 : Int.bitWidth - (azCount - 1).leadingZeroBitCount
    }

    /// Addresses the subnets take when packed with no empty slots.
    static func packedSize(lengths: [(role: SubnetRole, length: Int)], azCount: Int) -> UInt64 {
        lengths.reduce(0) { $0 + IPv4Prefix.size(ofLength: $1.length) * UInt64(azCount) }
    }

    /// Nil when the subnets do not fit even packed.
    static func place(in block: IPv4Prefix, lengths: [(role: SubnetRole, length: Int)], azCount: Int,
                      omit: [SubnetRole: Set<Int>] = [:]) -> Result? {
        let slotBits = Self.slotBits(azCount: azCount)
        let slots = 1 << slotBits
        let ordered = lengths.sorted { $0.length != $1.length ? $0.length < $1.length : $0.role < $1.role }

        // Role blocks.
        var space = AddressSpace(pools: [block])
        var placements: [Placement] = []
        var blocks: [Layout.RoleBlock] = []
        var fits = true
        for (role, length) in ordered {
            let blockLength = length - slotBits
            guard blockLength >= Int(block.length), let region = space.allocate(length: blockLength) else {
                fits = false
                break
            }
            blocks.append(Layout.RoleBlock(role: role, cidr: region))
            for az in 0..<azCount where omit[role]?.contains(az) != true {
                placements.append(Placement(role: role, azIndex: az, cidr: region.subnet(length: length, index: az)!))
            }
        }
        if fits {
            // Empty slots stay free: give them back as free space.
            var free = AddressSpace(pools: [block])
            for p in placements { _ = free.take(p.cidr) }
            return Result(kind: .roleBlocks, azSlots: slots, placements: placements,
                          roleBlocks: blocks.sorted { $0.cidr < $1.cidr }, free: free.freeBlocks)
        }

        // Compact.
        space = AddressSpace(pools: [block])
        placements = []
        for (role, length) in ordered {
            for az in 0..<azCount where omit[role]?.contains(az) != true {
                guard length >= Int(block.length), let cidr = space.allocate(length: length) else { return nil }
                placements.append(Placement(role: role, azIndex: az, cidr: cidr))
            }
        }
        return Result(kind: .compact, azSlots: azCount, placements: placements, roleBlocks: [], free: space.freeBlocks)
    }
}
