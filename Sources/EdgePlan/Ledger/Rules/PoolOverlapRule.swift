import EdgePlanCore

/// Pools do not overlap: each range is listed once, so the pools say plainly what may be handed out.
struct PoolOverlapRule: LedgerRule {
    let id = "pool-overlap"

    func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        let order = parsed.ledger.pools.indices.sorted {
            let a = parsed.ledger.pools[$0].cidr, b = parsed.ledger.pools[$1].cidr
            return a != b ? a < b : $0 < $1
        }
        var found: [Diagnostic] = []
        var container: Int?
        for i in order {
            let pool = parsed.ledger.pools[i].cidr
            if let c = container, parsed.ledger.pools[c].cidr.contains(pool) {
                found.append(.error("pools[\(i)].cidr", "\(pool) overlaps the pool \(parsed.ledger.pools[c].cidr) (\(parsed.refer(to: "pools[\(c)]"))): list each range once"))
            } else {
                container = i
            }
        }
        return found
    }
}
