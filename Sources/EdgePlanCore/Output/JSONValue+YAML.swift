extension JSONValue {
    /// The same document as block-style YAML: two-space indents, keys in their given order,
    /// multi-line strings as literal blocks, and every string that YAML 1.1 or 1.2 could read as
    /// anything else (`yes`, `on`, `80`, `1.31`, `null`, `~`, a leading `*`, …) in double quotes.
    /// Deterministic: the same value always gives the same bytes, ending in one newline.
    public func yamlSerialized() -> String {
        var out = ""
        switch self {
        case .object(let fields) where !fields.isEmpty:
            YAMLWriter.writeFields(fields, indent: 0, to: &out)
        case .array(let items) where !items.isEmpty:
            YAMLWriter.writeItems(items, indent: 0, to: &out)
        default:
            out.append(YAMLWriter.scalar(self, indent: 0))
            out.append("\n")
        }
        return out
    }
}

/// The small YAML writer behind `JSONValue.yamlSerialized()`.
enum YAMLWriter {
    static func writeFields(_ fields: [(String, JSONValue)], indent: Int, to out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in fields {
            out.append(pad + plainOrQuoted(key) + ":")
            writeValue(value, indent: indent, to: &out)
        }
    }

    static func writeItems(_ items: [JSONValue], indent: Int, to out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .object(let fields) where !fields.isEmpty:
                // The first key shares the line with the dash; the rest line up under it.
                var nested = ""
                writeFields(fields, indent: indent + 2, to: &nested)
                out.append(pad + "- " + nested.dropFirst(indent + 2))
            case .array(let inner) where !inner.isEmpty:
                var nested = ""
                writeItems(inner, indent: indent + 2, to: &nested)
                out.append(pad + "- " + nested.dropFirst(indent + 2))
            default:
                out.append(pad + "-")
                writeValue(item, indent: indent, to: &out)
            }
        }
    }

    /// Writes what follows `key:` or `-`: a nested block on the next lines, or ` scalar` and a newline.
    private static func writeValue(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .object(let fields) where !fields.isEmpty:
            out.append("\n")
            writeFields(fields, indent: indent + 2, to: &out)
        case .array(let items) where !items.isEmpty:
            out.append("\n")
            writeItems(items, indent: indent + 2, to: &out)
        default:
            out.append(" " + scalar(value, indent: indent) + "\n")
        }
    }

    static func scalar(_ value: JSONValue, indent: Int) -> String {
        switch value {
        case .object: return "{}"
        case .array: return "[]"
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .string(let s):
            if let block = literalBlock(s, indent: indent + 2) { return block }
            return plainOrQuoted(s)
        }
    }

    /// `|`, `|-` or `|+` with the text indented, for multi-line text that a literal block keeps exactly.
    private static func literalBlock(_ s: String, indent: Int) -> String? {
        guard s.contains("\n") else { return nil }
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        // A block cannot start with an indented or blank line without an indentation indicator,
        // and cannot hold tabs, carriage returns or other control characters faithfully: quote those.
        guard let first = lines.first, !first.isEmpty, first.first != " ",
              !s.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F })
        else { return nil }
        let pad = String(repeating: " ", count: indent)
        var body = lines
        var chomp = "-"
        if s.hasSuffix("\n") {
            body.removeLast()
            chomp = ""
            if s.hasSuffix("\n\n") { chomp = "+" }
        }
        let text = body.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        return "|" + chomp + "\n" + text
    }

    /// Words YAML 1.1 reads as booleans or null, in any case.
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    /// A plain scalar when it can only be read back as this string; else a JSON-style double-quoted string.
    static func plainOrQuoted(_ s: String) -> String {
        if isSafePlain(s) { return s }
        var out = ""
        JSONValue.writeString(s, to: &out)
        return out
    }

    private static func isSafePlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !reserved.contains(s.lowercased()) else { return false }
        // Start with a letter, '/' or '$' (never a digit, sign, dot or indicator), so nothing reads as a number or a tag.
        guard ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "/" || first == "$" else { return false }
        for c in s.unicodeScalars {
            let ok = ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                || "-_./:@$+{}()".unicodeScalars.contains(c)
            if !ok { return false }
        }
        // `key: ` is the only colon form YAML treats specially; `a:b` and `Fn::GetAtt` stay plain. A trailing ':' does not.
        return !s.hasSuffix(":")
    }
}
