import EdgePlanCore

/// An environment has one allocation: `allocate` for it again must give the same block.
struct DuplicateEnvRule: LedgerRule {
    let id = "duplicate-env"

    func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (i, a) in parsed.ledger.allocations.enumerated() {
            if let j = first[a.env] {
                let other = parsed.ledger.allocations[j]
                found.append(.error("allocations[\(i)].env", "\(a.env) has a second allocation (\(a.cidr)); its first is \(other.cidr) (\(parsed.refer(to: "allocations[\(j)]"))): an environment has one block, so remove one of them"))
            } else {
                first[a.env] = i
            }
        }
        return found
    }
}
