import Foundation

/// A JSON document with ordered object keys, so output is byte-for-byte deterministic and reads
/// in a sensible order. Money and other exact decimals are written as strings.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// Pretty-printed with two-space indents and a final newline.
    public func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// On one line with no spaces, for JSON carried inside a string (an add-on's configuration).
    public func compact() -> String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    private func writeCompact(to out: inout String) {
        switch self {
        case .object(let fields):
            out.append("{")
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out.append(",") }
                JSONValue.writeString(key, to: &out)
                out.append(":")
                value.writeCompact(to: &out)
            }
            out.append("}")
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                item.writeCompact(to: &out)
            }
            out.append("]")
        case .string, .int, .bool, .null: write(to: &out, indent: 0)
        }
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in fields.enumerated() {
                out.append(inner)
                JSONValue.writeString(key, to: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 2)
                out.append(i == fields.count - 1 ? "\n" : ",\n")
            }
            out.append(pad + "}")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            if items.allSatisfy(\.isScalar) && items.count <= 8 {
                out.append("[")
                for (i, item) in items.enumerated() {
                    item.write(to: &out, indent: indent)
                    if i < items.count - 1 { out.append(", ") }
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(inner)
                item.write(to: &out, indent: indent + 2)
                out.append(i == items.count - 1 ? "\n" : ",\n")
            }
            out.append(pad + "]")
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .int(let n): out.append(String(n))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out.append("\"")
        // Most strings need no escaping: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(s)
            out.append("\"")
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 {
                    out.append("\\u")
                    let hex = String(scalar.value, radix: 16)
                    out.append(String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}

extension JSONValue {
    /// Decimal as an exact string ("123.45"), never through a binary float.
    public static func decimal(_ d: Decimal) -> JSONValue { .string(d.plainString) }

    /// Money as an exact string with two decimals ("123.40"), rounded half away from zero.
    public static func money(_ d: Decimal) -> JSONValue { .string(d.fixedString(2)) }
}
