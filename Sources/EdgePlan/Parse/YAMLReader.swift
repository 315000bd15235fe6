import EdgePlanCore
import Foundation
import Yams

/// Reads typed values out of a composed YAML tree, recording where every field sits and
/// collecting a located diagnostic for each field that is missing or of the wrong type.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations: [String: SourceLocation] = [:]
    /// Unknown fields seen so far in the file.
    private var unknownFields = 0

    /// A file with more unknown fields than this is not the kind of file it was given as: past
    /// the limit it is refused, rather than producing one warning (and one spelling search) each.
    static let maxUnknownFields = 32

    /// The file's last line and the column just past its end, when the text is known.
    private var end: (line: Int, column: Int)?

    init(file: String, text: String? = nil) {
        self.file = file
        end = text.map(YAMLReader.end(of:))
    }

    /// Where `node` sits; libyaml places a node at the end of a file that ends without a line
    /// break (`---`, `key:`) on the line after the last, which becomes the end of the last line.
    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        var at = (line: mark?.line ?? 1, column: mark?.column ?? 1)
        if let end, at.line > end.line || (at.line == end.line && at.column > end.column) { at = end }
        return SourceLocation(file: file, line: at.line, column: at.column)
    }

    mutating func error(_ path: String, _ message: String, at node: Node) {
        diagnostics.append(.error(path, message, at: location(node)))
    }

    mutating func warning(_ path: String, _ message: String, at node: Node) {
        diagnostics.append(.warning(path, message, at: location(node)))
    }

    mutating func record(_ path: String, _ node: Node) { locations[path] = location(node) }

    /// What to do with a field name that is not in `known`.
    enum UnknownField {
        /// Warn and ignore it (design files: more fields are fine).
        case warn
        /// Refuse it, saying why (files edgeplan rewrites would lose it).
        case reject(because: String)
    }

    /// The fields of a mapping in file order. `what` names the mapping in the message for a
    /// value that is not a mapping.
    mutating func fields(_ node: Node, path: String, known: [String], unknown: UnknownField = .warn, what: String? = nil) -> Fields? {
        guard case .mapping(let mapping) = node else {
            let expected = what.map { "\($0) (a mapping of \(known.joined(separator: ", ")))" } ?? "a mapping of fields"
            error(path, "expected \(expected), got \(describe(node))", at: node)
            return nil
        }
        var result = Fields()
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(path, "field names must be plain text, got \(describe(key))", at: key)
                continue
            }
            let name = scalar.string
            // YAML 1.1 merge keys (`<<: *base`): libyaml leaves them to the reader, and merging
            // here would have to decide which of two values wins, while a ledger rewrite would drop
            // the anchor; refused, so a merged field can never silently fall back to a default.
            if name == "<<", scalar.style == .plain {
                error(join(path, name), "YAML merge keys (`<<`) are not read: write the fields out in full", at: key)
                continue
            }
            let fieldPath = join(path, name)
            if !known.contains(name) {
                unknownFields += 1
                guard unknownFields <= YAMLReader.maxUnknownFields else {
                    if unknownFields == YAMLReader.maxUnknownFields + 1 {
                        error(path, "more than \(YAMLReader.maxUnknownFields) unknown fields: this is not the file edgeplan expects here (check the path), or its fields are misspelt; edgeplan stops reading it", at: key)
                    }
                    continue
                }
                // No misspelling is that long: a suggestion would only cost time.
                let shown = name.count > 64 ? "\(name.prefix(48))… (\(name.count) characters)" : name
                let hint = name.count > 64 ? "" : Spelling.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
                switch unknown {
                case .warn:
                    warning(join(path, shown), "unknown field, ignored\(hint)", at: key)
                case .reject(let reason):
                    error(join(path, shown), "unknown field: \(what ?? "this mapping") has only \(known.joined(separator: ", "))\(hint) (\(reason))", at: key)
                    continue
                }
            } else {
                locations[fieldPath] = location(value)
            }
            result.entries.append((name, value))
        }
        return result
    }

    /// A required field: a located error naming the field if it is absent.
    mutating func required(_ fields: Fields, _ name: String, path: String, in parent: Node, example: String) -> Node? {
        if let node = fields[name] { return node }
        let fieldPath = join(path, name)
        error(fieldPath, "missing required field '\(name)' (for example `\(name): \(example)`)", at: parent)
        return nil
    }

    mutating func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node, [Yams.Tag.Name.str, .int, .float].contains(resolvedTag(node)) else {
            error(path, "expected text, got \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// A whole number in `range`, written in plain decimal digits (`0`, `30`, `100000`). YAML 1.1
    /// also reads `010` as 8, `1:30` as 90, `0x10`, `0o17`, `0b11`, `+5` and `1_000` as numbers,
    /// and YAML 1.2 reads some of them as text, so a file would mean different things to different
    /// tools: each is a located error saying how to write the number. Quoted numbers are text.
    mutating func int(_ node: Node, path: String, range: ClosedRange<Int>, what: String) -> Int? {
        let expected = "\(what) (a whole number \(rangeText(range)))"
        guard let text = plainNumber(node, path: path, expected: expected, decimal: false) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            error(path, "\(text) is out of range: \(what) must be a whole number \(rangeText(range))", at: node)
            return nil
        }
        return value
    }

    /// `0` or digits without a leading zero: the one spelling of a whole number every YAML reader
    /// takes for the same value.
    static func isPlainInteger(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return first != UInt8(ascii: "0") || bytes.count == 1
    }

    /// A plain whole number, optionally followed by `.` and one or more digits (`2000`, `0.5`).
    static func isPlainDecimal(_ text: some StringProtocol) -> Bool {
        guard let point = text.firstIndex(of: ".") else { return isPlainInteger(text) }
        let fraction = text[text.index(after: point)...]
        return isPlainInteger(text[..<point]) && !fraction.isEmpty
            && fraction.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Why `text`, which a YAML reader may take for a number, is not a plain decimal one, with the
    /// spelling to use instead; nil when it does not look like a number at all.
    static func spellingProblem(_ text: String, decimal: Bool) -> String? {
        let lower = text.lowercased()
        let body = lower.drop { $0 == "+" || $0 == "-" }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        if [".nan", ".inf"].contains(String(body)) { return nil }
        let example = decimal ? "such as 2000 or 0.5" : "such as 30"
        if lower.hasPrefix("-") { return "it is negative: write zero or more, \(example)" }
        if lower.hasPrefix("+") { return "a sign is not part of a plain number: write \(text.dropFirst())" }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            return "YAML reads it as a hexadecimal, octal or binary number: write it in decimal digits, \(example)"
        }
        if body.contains(":") { return "YAML 1.1 reads it as a base-60 number (1:30 is 90): write it in decimal digits, \(example)" }
        if body.contains("_") { return "YAML 1.1 reads '_' as a digit separator and YAML 1.2 as text: write the digits only (\(text.filter { $0 != "_" }))" }
        if body.contains("e") { return "exponents are not read: write every digit, \(example)" }
        if body.hasPrefix(".") { return "write a digit before the point (0\(body))" }
        if body.hasSuffix(".") { return "write a digit after the point, or none (\(body.dropLast()))" }
        if body.count > 1, body.hasPrefix("0"), !body.hasPrefix("0.") {
            return "YAML 1.1 reads a leading zero as octal (010 is 8): write it without leading zeros (\(body.drop { $0 == "0" }.isEmpty ? "0" : String(body.drop { $0 == "0" })))"
        }
        if !decimal, isPlainDecimal(body) { return "it is not a whole number: \(example)" }
        return "write plain decimal digits, \(example)"
    }

    /// The text of a number written in plain decimal digits (with one `.` when `decimal`), or nil
    /// and a located error saying why not.
    private mutating func plainNumber(_ node: Node, path: String, expected: String, decimal: Bool) -> String? {
        let tag = resolvedTag(node)
        guard case .scalar(let scalar) = node, scalar.style == .plain, tag == .int || tag == .float || tag == .str else {
            error(path, "expected \(expected), got \(describe(node))", at: node)
            return nil
        }
        let text = scalar.string
        if tag != .str, decimal ? YAMLReader.isPlainDecimal(text) : YAMLReader.isPlainInteger(text) { return text }
        // A negative whole number is spelt plainly; the range says why it is refused.
        if tag == .int, !decimal, text.hasPrefix("-"), text != "-0", YAMLReader.isPlainInteger(text.dropFirst()) { return text }
        if tag == .float, [".nan", ".inf"].contains(String(text.lowercased().drop { $0 == "+" || $0 == "-" })) {
            error(path, "\(text) is not a finite number: \(expected) must be a plain decimal such as 2000 or 0.5", at: node)
            return nil
        }
        if let problem = YAMLReader.spellingProblem(text, decimal: decimal) {
            error(path, "'\(text)' is not a plain decimal number: \(problem)", at: node)
            return nil
        }
        error(path, "expected \(expected), got \(describe(node))", at: node)
        return nil
    }

    /// A non-negative decimal number in plain digits (`2000`, `0.5`), exact: read from the text by
    /// `Decimal(plainText:)`, never through a Double, and refused when `Decimal` cannot hold it exactly.
    mutating func decimal(_ node: Node, path: String, what: String, max: Decimal? = nil) -> Decimal? {
        guard let text = plainNumber(node, path: path, expected: "\(what) (a number)", decimal: true) else { return nil }
        guard let value = Decimal(plainText: text) else {
            // Too many digits, or too large for any Decimal: say which when a limit explains it.
            let wholeDigits = text.prefix { $0 != "." }.count
            if let max, wholeDigits > max.plainString.count {
                error(path, "\(text) is too large: \(what) must be at most \(groupedDecimal(max))", at: node)
            } else {
                error(path, "\(text) cannot be read exactly (edgeplan keeps at most 38 significant digits): \(what) must be a plain decimal such as 2000 or 0.5", at: node)
            }
            return nil
        }
        if let max, value > max {
            error(path, "\(text) is too large: \(what) must be at most \(groupedDecimal(max))", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML 1.2's spellings, any case the core schema allows). YAML 1.1's `yes`,
    /// `no`, `on` and `off` are refused: YAML 1.2 tools read them as text, so the file would mean
    /// different things to different readers.
    mutating func bool(_ node: Node, path: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, resolvedTag(node) == .bool,
              let value = node.bool
        else {
            error(path, "expected true or false, got \(describe(node))", at: node)
            return nil
        }
        guard ["true", "True", "TRUE", "false", "False", "FALSE"].contains(scalar.string) else {
            error(path, "'\(scalar.string)' is a boolean only in YAML 1.1; YAML 1.2 tools read it as text: write \(value ? "true" : "false")", at: node)
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, path: String, as type: T.Type) -> T?
    where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node, let value = T(rawValue: scalar.string) else {
            let got: String
            if case .scalar(let scalar) = node { got = "'\(scalar.string)'" } else { got = describe(node) }
            let hint = { () -> String in
                guard case .scalar(let s) = node, let near = Spelling.closest(to: s.string, in: options) else { return "" }
                return "; did you mean '\(near)'?"
            }()
            error(path, "\(got) is not one of \(options.joined(separator: ", "))\(hint)", at: node)
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node, path: String, what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(path, "expected \(what), got \(describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A node's tag: a plain scalar without one gets YAML 1.1's implicit tag (`YAML11Tags`; the
    /// trees are composed with Yams' `Resolver.basic`, which resolves nothing, so the tag a scalar
    /// was written with is still there to read).
    func resolvedTag(_ node: Node) -> Yams.Tag.Name {
        if case .scalar(let scalar) = node {
            if scalar.style != .plain { return .str }
            if scalar.tag.rawValue.isEmpty { return YAML11Tags.resolve(scalar.string) }
        }
        return Yams.Tag.Name(rawValue: node.tag.rawValue)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style != .plain { return "the text \"\(scalar.string)\"" }
            switch resolvedTag(node) {
            case .null: return "nothing (null)"
            case .bool: return "the boolean \(scalar.string)"
            case .int, .float: return "the number \(scalar.string)"
            default: return "'\(scalar.string)'"
            }
        }
    }

    private func rangeText(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "from \(range.lowerBound) up" }
        return "from \(range.lowerBound) to \(range.upperBound)"
    }
}

/// A mapping's fields in file order (YAML refuses duplicate keys, so names are unique).
struct Fields {
    var entries: [(name: String, node: Node)] = []

    /// The node of field `name`, found without copying the entries passed over (each holds a
    /// Node, whose copies are a tenth of a small design's parse).
    subscript(name: String) -> Node? {
        for i in entries.indices where entries[i].name == name { return entries[i].node }
        return nil
    }
}

extension YAMLReader {
    /// `text` with every line break YAML knows written as LF: CRLF, a lone CR, and (YAML 1.1, as
    /// libyaml reads) NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR. libyaml reads each as a line
    /// break, so nothing changes for it, while every line count (the ledger's line reader, the
    /// nesting guard, an editor's) now agrees with its locations. Swift takes "\r\n" for one
    /// `Character`, so code that splits lines on "\n" would see none in a CRLF file.
    static func normalizingLineBreaks(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var input = Array(utf8)[...]
        while let byte = input.popFirst() {
            switch byte {
            case UInt8(ascii: "\r"):
                if input.first == UInt8(ascii: "\n") { input.removeFirst() }
                bytes.append(UInt8(ascii: "\n"))
            case 0xC2 where input.first == 0x85:  // NEL
                input.removeFirst()
                bytes.append(UInt8(ascii: "\n"))
            case 0xE2 where input.count >= 2 && input[input.startIndex] == 0x80 && (input[input.startIndex + 1] == 0xA8 || input[input.startIndex + 1] == 0xA9):  // LS, PS
                input.removeFirst(2)
                bytes.append(UInt8(ascii: "\n"))
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension YAMLReader {
    /// `diagnostic` placed inside `text`: libyaml reports a file that ends without a line break in
    /// the middle of a value at the line after the last, which no editor can show; such a place
    /// becomes the end of the last line.
    static func placedInside(_ diagnostic: Diagnostic, text: String) -> Diagnostic {
        guard var at = diagnostic.location else { return diagnostic }
        let end = end(of: text)
        if at.line > end.line || (at.line == end.line && at.column > end.column) { (at.line, at.column) = end }
        var placed = diagnostic
        placed.location = at
        return placed
    }

    /// The last line of `text` (lines end at LF) and the column just past its last character.
    static func end(of text: String) -> (line: Int, column: Int) {
        var lines = 1, lastLineStart = text.utf8.startIndex
        for i in text.utf8.indices where text.utf8[i] == UInt8(ascii: "\n") {
            lines += 1
            lastLineStart = text.utf8.index(after: i)
        }
        return (lines, text[lastLineStart...].unicodeScalars.count + 1)
    }
}

func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
