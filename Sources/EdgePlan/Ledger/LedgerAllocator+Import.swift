import EdgePlanCore

extension LedgerAllocator {
    /// What importing ranges in use changed.
    public struct ImportReport: Sendable, Equatable {
        /// Ranges recorded as taken, in address order.
        public var added: [Ledger.TakenRange] = []
        /// Ranges already covered by the ledger (a taken range, or an environment's own block), as notes.
        public var skipped: [Diagnostic] = []
        /// Added ranges that overlap an environment's block: someone uses addresses edgeplan handed
        /// out. `edgeplan cidr check` reports them until they are resolved.
        public var conflicts: [Diagnostic] = []
    }

    /// Records every range of `ranges` not already covered: a range inside a taken range (or one
    /// added earlier in the same import) is skipped, and so is a range inside an environment's
    /// block (that environment's own VPC or subnets). Importing the same output twice changes nothing.
    public mutating func importTaken(_ ranges: [Ledger.TakenRange]) -> ImportReport {
        var report = ImportReport()
        let incoming = ranges.sorted { $0.cidr != $1.cidr ? $0.cidr < $1.cidr : $0.source < $1.source }
        var covered = AddressSpace.canonicalCover(of: ledger.taken.map(\.cidr))
        let allocations = ledger.allocations.sorted { $0.cidr < $1.cidr }
        var addedSinceCover: [IPv4Prefix] = []
        for range in incoming {
            // Incoming ranges come in address order, so a range covered by one added in this run
            // is covered by the last one added.
            if AllocationOutsidePoolsRule.covered(range.cidr, by: covered) || addedSinceCover.last?.contains(range.cidr) == true {
                report.skipped.append(Diagnostic(.note, "", "\(range.cidr) (\(range.source)) is already recorded as taken"))
                continue
            }
            if let owner = LedgerAllocator.containing(range.cidr, in: allocations) {
                report.skipped.append(Diagnostic(.note, "", "\(range.cidr) (\(range.source)) lies in \(owner.cidr), the block of env \(owner.env): taken as that environment's own"))
                continue
            }
            for a in LedgerAllocator.inside(range.cidr, in: allocations) {
                report.conflicts.append(.warning("", "\(range.cidr) (\(range.source)) overlaps \(a.cidr), allocated to env \(a.env): addresses edgeplan handed out are in use elsewhere; resolve it before allocating again"))
            }
            markTaken(range)
            report.added.append(range)
            addedSinceCover.append(range.cidr)
            if addedSinceCover.count > 64 {
                covered = AddressSpace.canonicalCover(of: covered + addedSinceCover)
                addedSinceCover = []
            }
        }
        return report
    }

    /// The allocation that contains `prefix`, in allocations sorted by address and disjoint.
    static func containing(_ prefix: IPv4Prefix, in sorted: [Ledger.Allocation]) -> Ledger.Allocation? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].cidr.network <= prefix.network { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, sorted[lo - 1].cidr.contains(prefix) else { return nil }
        return sorted[lo - 1]
    }

    /// The allocations that lie inside `prefix`, from allocations sorted by address.
    static func inside(_ prefix: IPv4Prefix, in sorted: [Ledger.Allocation]) -> ArraySlice<Ledger.Allocation> {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].cidr.network < prefix.network { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < sorted.count, prefix.contains(sorted[end].cidr) { end += 1 }
        return sorted[lo..<end]
    }
}
