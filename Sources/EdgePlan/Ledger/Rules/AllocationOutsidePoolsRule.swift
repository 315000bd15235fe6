import EdgePlanCore

/// Every allocation lies inside the pools (a block may span two adjacent pools only where they
/// join into one aligned range). A block outside them was never handed out by edgeplan, or its
/// pool was removed since.
struct AllocationOutsidePoolsRule: LedgerRule {
    let id = "allocation-outside-pools"

    func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        let roots = AddressSpace.canonicalCover(of: parsed.ledger.pools.map(\.cidr))
        let poolText = parsed.ledger.pools.prefix(4).map(\.cidr.description).joined(separator: ", ")
            + (parsed.ledger.pools.count > 4 ? ", …" : "")
        var found: [Diagnostic] = []
        for (i, a) in parsed.ledger.allocations.enumerated() where !AllocationOutsidePoolsRule.covered(a.cidr, by: roots) {
            found.append(.error("allocations[\(i)].cidr", "\(a.cidr) (env \(a.env)) is outside every pool (\(poolText)): add a pool that holds it, or release \(a.env) and allocate it again"))
        }
        return found
    }

    /// Whether `prefix` lies inside one of `roots` (sorted, disjoint, maximal aligned blocks: an
    /// aligned block inside their union lies inside one of them).
    static func covered(_ prefix: IPv4Prefix, by roots: [IPv4Prefix]) -> Bool {
        var lo = 0, hi = roots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if roots[mid].network <= prefix.network { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && roots[lo - 1].contains(prefix)
    }
}
