import EdgePlanCore

/// A VPC uses one environment's block: two allocations that record the same VPC id cannot both
/// be right, and `cidr import` would take that VPC's blocks for the first one's only.
struct DuplicateVPCRule: LedgerRule {
    let id = "duplicate-vpc"

    func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (i, a) in parsed.ledger.allocations.enumerated() {
            guard let vpc = a.vpc else { continue }
            if let j = first[vpc] {
                let other = parsed.ledger.allocations[j]
                found.append(.error("allocations[\(i)].vpc", "\(vpc) is recorded for env \(a.env) and for env \(other.env) (\(parsed.refer(to: "allocations[\(j)]"))): a VPC uses one environment's block, so remove the wrong one"))
            } else {
                first[vpc] = i
            }
        }
        return found
    }
}
