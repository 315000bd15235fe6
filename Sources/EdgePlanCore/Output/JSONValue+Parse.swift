import Foundation

extension JSONValue {
    /// Why a text is not the JSON `JSONValue` can hold, and where (1-based line and column).
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String

        public init(line: Int, column: Int, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The most values one document may hold: about 2.5 times a 32 MB describe-subnets output
    /// (30,000 subnets of about 26 values each). Text made of tiny values (`[1,1,1,…]`) would
    /// otherwise cost about 50 bytes of memory per byte read.
    public static let maxValues = 2_000_000

    /// Parses JSON text keeping the order of object keys, so a file read and written again is
    /// unchanged. Numbers must be integers (edgeplan's data files write decimals as strings).
    public static func parse(_ text: String, maxValues: Int = JSONValue.maxValues) throws(ParseError) -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8), maxValues: maxValues)
        parser.skipSpace()
        let value = try parser.value(depth: 0, path: nil)
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// A parsed document and where each of its values starts, so that a problem found after
    /// parsing (a price that is not a decimal) is reported at its place in the file.
    public struct Located: Sendable {
        public var value: JSONValue
        /// Path (`prices[3].usd`, the form diagnostics use) → byte offset of the value's first character.
        private let starts: [String: Int]
        private let bytes: [UInt8]
        /// Byte offset of the first character of each line.
        private let lineStarts: [Int]

        fileprivate init(value: JSONValue, starts: [String: Int], bytes: [UInt8]) {
            self.value = value
            self.starts = starts
            self.bytes = bytes
            var lines = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lines.append(i + 1) }
            lineStarts = lines
        }

        /// The 1-based line and column where the value at `path` starts; for a path that is not
        /// in the document (a missing field), where its nearest enclosing value starts.
        public func position(of path: String) -> (line: Int, column: Int) {
            var candidate = path
            while starts[candidate] == nil, !candidate.isEmpty {
                let cut = candidate.lastIndex { $0 == "." || $0 == "[" } ?? candidate.startIndex
                candidate = String(candidate[..<cut])
            }
            let offset = starts[candidate] ?? 0
            // The last line that starts at or before the offset.
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            // Columns count characters (Unicode scalars), as `ParseError` does: skip UTF-8 continuation bytes.
            let column = 1 + bytes[lineStarts[lo]..<offset].filter { $0 & 0xC0 != 0x80 }.count
            return (lo + 1, column)
        }
    }

    /// Parses like `parse`, and remembers where every value starts.
    public static func parseLocated(_ text: String, maxValues: Int = JSONValue.maxValues) throws(ParseError) -> Located {
        var parser = Parser(bytes: Array(text.utf8), maxValues: maxValues)
        parser.starts = [:]
        parser.skipSpace()
        let value = try parser.value(depth: 0, path: "")
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return Located(value: value, starts: parser.starts ?? [:], bytes: parser.bytes)
    }

    /// The items of an array (none for other values).
    public var arrayItems: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0
        /// Where each value starts, by path, when asked for (`parseLocated`).
        var starts: [String: Int]?
        /// Values read so far, and the most allowed.
        var values = 0
        let maxValues: Int

        init(bytes: [UInt8], maxValues: Int) {
            self.bytes = bytes
            self.maxValues = maxValues
        }

        func error(_ message: String) -> ParseError {
            var line = 1, column = 1
            for b in bytes[..<min(at, bytes.count)] {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return ParseError(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(ParseError) -> JSONValue {
            let l = Array(literal.utf8)
            guard at + l.count <= bytes.count, Array(bytes[at..<at + l.count]) == l else { throw error("expected \(literal)") }
            at += l.count
            return value
        }

        /// The value at `at`; `path` is its path when positions are recorded, else nil.
        mutating func value(depth: Int, path: String?) throws(ParseError) -> JSONValue {
            guard depth < 64 else { throw error("nested too deeply") }
            guard at < bytes.count else { throw error("unexpected end of the file") }
            values += 1
            guard values <= maxValues else { throw error("more than \(grouped(maxValues)) values: far more than any file edgeplan reads holds") }
            if let path { starts?[path] = at }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var fields: [(String, JSONValue)] = []
                // Keys seen, once an object is large enough that looking through `fields` would
                // make reading it quadratic (an offer's `products` has thousands).
                var keys: Set<String>?
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard at < bytes.count else { throw error("unexpected end of the file in an object") }
                    guard bytes[at] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
                    let keyStart = at
                    let key = try string()
                    if fields.count == 16 { keys = Set(fields.map(\.0)) }
                    let duplicate = keys != nil ? !keys!.insert(key).inserted : fields.contains { $0.0 == key }
                    if duplicate {
                        at = keyStart
                        throw error("duplicate key '\(key)'")
                    }
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw error("expected ':' after '\(key)'") }
                    at += 1
                    skipSpace()
                    fields.append((key, try value(depth: depth + 1, path: path.map { $0.isEmpty ? key : "\($0).\(key)" })))
                    skipSpace()
                    guard at < bytes.count else { throw error("unexpected end of the file in an object") }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(fields) }
                    throw error("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONValue] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1, path: path.map { "\($0)[\(items.count)]" }))
                    skipSpace()
                    guard at < bytes.count else { throw error("unexpected end of the file in an array") }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                    throw error("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = at
                if bytes[at] == UInt8(ascii: "-") { at += 1 }
                let digits = at
                while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
                // JSON writes no leading zeros (`010`), and a minus sign needs a digit after it.
                guard at > digits, bytes[digits] != UInt8(ascii: "0") || at == digits + 1 else {
                    at = start
                    throw error("not a JSON number (digits without leading zeros)")
                }
                if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] | 0x20 == UInt8(ascii: "e") {
                    at = start
                    throw error("a number that is not an integer: write decimals as strings")
                }
                guard let n = Int(String(decoding: bytes[start..<at], as: UTF8.self)) else {
                    at = start
                    throw error("not a number that fits")
                }
                return .int(n)
            default:
                throw error("unexpected character")
            }
        }

        mutating func string() throws(ParseError) -> String {
            at += 1  // opening quote
            // Most strings have no escapes: take them whole.
            var end = at
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                guard let s = String(validating: bytes[at..<end], as: UTF8.self) else { throw error("a string that is not UTF-8") }
                at = end + 1
                return s
            }
            var out: [UInt8] = []
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    at += 1
                    guard let s = String(validating: out, as: UTF8.self) else { throw error("a string that is not UTF-8") }
                    return s
                }
                if b < 0x20 { throw error("a control character in a string") }
                if b == UInt8(ascii: "\\") {
                    at += 1
                    guard at < bytes.count else { break }
                    switch bytes[at] {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        // A character beyond U+FFFF is a UTF-16 surrogate pair, `\\ud83d\\ude00`;
                        // half of one stands for no character.
                        let escape = at - 1
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard at + 2 < bytes.count, bytes[at + 1] == UInt8(ascii: "\\"), bytes[at + 2] == UInt8(ascii: "u") else {
                                at = escape
                                throw error("a lone surrogate \\u\(String(code, radix: 16)) (the first half of a pair with no second half)")
                            }
                            at += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                at = escape
                                throw error("a lone surrogate \\u\(String(code, radix: 16)) (the first half of a pair, followed by \\u\(String(low, radix: 16)))")
                            }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(code) {
                            at = escape
                            throw error("a lone surrogate \\u\(String(code, radix: 16)) (the second half of a pair with no first half)")
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                        out += Array(String(Character(scalar)).utf8)
                    default:
                        throw error("an unknown escape in a string")
                    }
                    at += 1
                    continue
                }
                out.append(b)
                at += 1
            }
            throw error("a string that never ends")
        }

        /// Reads the four hex digits after `\u`, leaving `at` on the last one.
        mutating func hex4() throws(ParseError) -> UInt32 {
            // Exactly four hex digits: `UInt32(_:radix:)` alone would also take "+abc".
            guard at + 4 < bytes.count, bytes[at + 1...at + 4].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
                  let code = UInt32(String(decoding: bytes[at + 1...at + 4], as: UTF8.self), radix: 16)
            else {
                throw error("a \\u escape needs four hex digits")
            }
            at += 4
            return code
        }
    }
}
