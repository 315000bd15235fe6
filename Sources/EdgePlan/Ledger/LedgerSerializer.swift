import EdgePlanCore

/// `Ledger` → `cidr-ledger.yaml` text: sorted, one field per line, the same bytes for the same
/// ledger, so every change is a small diff a reviewer can read.
///
/// Order: pools, taken ranges and allocations, each by address (then by name). Address order makes
/// the file read like a map of the pool: neighbours in the space are neighbours in the file.
public struct LedgerSerializer: Sendable {
    public init() {}

    public static let header = """
        # CIDR ledger: the address ranges handed out to environments, kept by `edgeplan cidr`.
        # Review changes like code. Entries are sorted by address; keep remarks in `note`
        # (other comments are not kept when edgeplan rewrites the file).
        """

    public func serialize(_ ledger: Ledger) -> String {
        let ledger = ledger.sorted
        var out = LedgerSerializer.header + "\n"
        out += "edgeplan-ledger: \(Ledger.formatVersion)\n"
        out += section("pools", ledger.pools.map { [("cidr", $0.cidr.description), ("note", $0.note.map(scalar))] })
        out += section("taken", ledger.taken.map { [("cidr", $0.cidr.description), ("source", scalar($0.source)), ("note", $0.note.map(scalar))] })
        out += section("allocations", ledger.allocations.map {
            [("cidr", $0.cidr.description), ("env", scalar($0.env)), ("purpose", scalar($0.purpose)), ("vpc", $0.vpc.map(scalar)), ("note", $0.note.map(scalar))]
        })
        out += LedgerParser.endMarker + "\n"
        return out
    }

    private func section(_ name: String, _ entries: [[(String, String?)]]) -> String {
        guard !entries.isEmpty else { return "\(name): []\n" }
        var out = "\(name):\n"
        for entry in entries {
            var first = true
            for (key, value) in entry {
                guard let value else { continue }
                out += first ? "  - " : "    "
                out += "\(key): \(value)\n"
                first = false
            }
        }
        return out
    }

    /// Text as a YAML scalar that reads back as the same string: plain when it is a simple word
    /// YAML 1.1 cannot take for anything else, double-quoted with escapes otherwise.
    func scalar(_ text: String) -> String {
        if LedgerSerializer.isPlainSafe(text) { return text }
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // Controls, and the bidirectional controls that would make a reviewed diff read
                // other than it is (U+202A–U+202E, U+2066–U+2069).
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF
                    || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static let yamlWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// Lower-case words and dashes starting with a letter (env names, `vpc`, `reserved`).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
              text.utf8.last != UInt8(ascii: "-"), !yamlWords.contains(text)
        else { return false }
        return text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
        }
    }
}
