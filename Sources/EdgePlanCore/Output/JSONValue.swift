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
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// On one line with no spaces, for JSON carried inside a string (an add-on's configuration).
    public func compact() -> String {
        var out: [UInt8] = []
        writeCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // Written as UTF-8 bytes: appending to a String cost ten times as much per byte.

    private func writeCompact(to out: inout [UInt8]) {
        switch self {
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string, .int, .bool, .null: write(to: &out, indent: 0)
        }
    }

    private func write(to out: inout [UInt8], indent: Int) {
        func spaces(_ n: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) }
        switch self {
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in fields.enumerated() {
                spaces(indent + 2)
                JSONValue.writeString(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(to: &out, indent: indent + 2)
                out.append(contentsOf: (i == fields.count - 1 ? "\n" : ",\n").utf8)
            }
            spaces(indent)
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if items.count <= 8 && items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    item.write(to: &out, indent: indent)
                    if i < items.count - 1 { out.append(contentsOf: ", ".utf8) }
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                spaces(indent + 2)
                item.write(to: &out, indent: indent + 2)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
            }
            spaces(indent)
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// `s` as a JSON string: quoted, with `"`, `\\` and the C0 controls escaped.
    static func writeString(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var copied = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[copied..<i])
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = String(b, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                copied = i + 1
            }
            out.append(contentsOf: bytes[copied...])
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// Decimal as an exact string ("123.45"), never through a binary float.
    public static func decimal(_ d: Decimal) -> JSONValue { .string(d.plainString) }

    /// Money as an exact string with two decimals ("123.40"), rounded half away from zero.
    public static func money(_ d: Decimal) -> JSONValue { .string(d.fixedString(2)) }
}
