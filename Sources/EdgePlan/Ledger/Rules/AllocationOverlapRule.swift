import EdgePlanCore

/// No two allocations share an address, and no allocation shares one with a taken range (taken
/// ranges may overlap each other: a VPC and its subnets are both imported).
///
/// Two CIDR blocks overlap exactly when one contains the other, so one pass over the entries in
/// address order with a stack of the blocks that contain the current one finds every conflict
/// in O(n log n): each entry is reported once against the nearest allocation and the nearest
/// taken range that contain it.
struct AllocationOverlapRule: LedgerRule {
    let id = "allocation-overlap"

    private struct Entry {
        var cidr: IPv4Prefix
        var isAllocation: Bool
        var index: Int
    }

    private struct Open {
        var cidr: IPv4Prefix
        var nearestAllocation: Int?
        var nearestTaken: Int?
    }

    func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        let ledger = parsed.ledger
        var entries: [Entry] = []
        entries.reserveCapacity(ledger.allocations.count + ledger.taken.count)
        for (i, a) in ledger.allocations.enumerated() { entries.append(Entry(cidr: a.cidr, isAllocation: true, index: i)) }
        for (i, t) in ledger.taken.enumerated() { entries.append(Entry(cidr: t.cidr, isAllocation: false, index: i)) }
        entries.sort {
            if $0.cidr != $1.cidr { return $0.cidr < $1.cidr }
            if $0.isAllocation != $1.isAllocation { return $0.isAllocation }
            return $0.index < $1.index
        }
        var found: [Diagnostic] = []
        var stack: [Open] = []
        for entry in entries {
            while let top = stack.last, !top.cidr.contains(entry.cidr) { stack.removeLast() }
            let outerAllocation = stack.last?.nearestAllocation
            let outerTaken = stack.last?.nearestTaken
            if entry.isAllocation {
                let a = ledger.allocations[entry.index]
                let path = "allocations[\(entry.index)].cidr"
                if let o = outerAllocation {
                    let other = ledger.allocations[o]
                    found.append(.error(path, "\(a.cidr) (env \(a.env)) overlaps \(other.cidr), allocated to env \(other.env) (\(parsed.refer(to: "allocations[\(o)]"))): two environments must never share addresses; release \(a.env) and allocate it again"))
                }
                if let o = outerTaken {
                    let other = ledger.taken[o]
                    found.append(.error(path, "\(a.cidr) (env \(a.env)) overlaps \(other.cidr), taken by \(other.source) (\(parsed.refer(to: "taken[\(o)]"))): release \(a.env) and allocate it again"))
                }
            } else if let o = outerAllocation {
                let t = ledger.taken[entry.index]
                let other = ledger.allocations[o]
                found.append(.error("taken[\(entry.index)].cidr", "\(t.cidr) (taken by \(t.source)) lies inside \(other.cidr), allocated to env \(other.env) (\(parsed.refer(to: "allocations[\(o)]"))): if \(t.source) is not part of \(other.env), release \(other.env) and allocate it again; if it is, remove this taken range and record \(other.env)'s VPC (`edgeplan cidr allocate --env \(other.env) --cidr \(other.cidr) --vpc VPC-ID`)"))
            }
            stack.append(Open(
                cidr: entry.cidr,
                nearestAllocation: entry.isAllocation ? entry.index : outerAllocation,
                nearestTaken: entry.isAllocation ? outerTaken : entry.index))
        }
        return found
    }
}
