import EdgePlanCore

/// One check of a well-formed ledger's meaning (the parser has checked its shape). Each rule
/// lives in its own file under `Rules/`, named for what it checks, with its messages beside it.
public protocol LedgerRule: Sendable {
    /// Stable kebab-case id, for documentation.
    var id: String { get }
    /// Problems found, with the path of the entry at fault (`allocations[3].cidr`).
    func check(_ ledger: ParsedLedger) -> [Diagnostic]
}

/// Runs every ledger rule: what `edgeplan cidr check` prints, and what `allocate` refuses to
/// work on. Problems are errors, one per line, in file order.
public struct LedgerChecker: Sendable {
    public var rules: [any LedgerRule]

    public init(rules: [any LedgerRule] = LedgerChecker.standardRules) { self.rules = rules }

    public static let standardRules: [any LedgerRule] = [
        PoolOverlapRule(), DuplicateEnvRule(), DuplicateVPCRule(), AllocationOutsidePoolsRule(), AllocationOverlapRule(),
    ]

    /// Located problems of a ledger read from a file.
    public func check(_ parsed: ParsedLedger) -> [Diagnostic] {
        let found = parsed.locate(rules.flatMap { $0.check(parsed) })
        return found.sorted {
            let a = $0.location.map { ($0.line, $0.column) } ?? (0, 0)
            let b = $1.location.map { ($0.line, $0.column) } ?? (0, 0)
            return a != b ? a < b : $0.message < $1.message
        }
    }

    /// Problems of a ledger made in memory (paths, no locations).
    public func check(_ ledger: Ledger) -> [Diagnostic] {
        rules.flatMap { $0.check(ParsedLedger(ledger: ledger, file: "")) }
    }
}

extension ParsedLedger {
    /// How a message refers to another entry: its line when the ledger came from a file, else its path.
    func refer(to path: String) -> String {
        let hasMarks = !(pools.isEmpty && taken.isEmpty && allocations.isEmpty)
        return hasMarks ? "line \(location(of: path).line)" : path
    }
}
