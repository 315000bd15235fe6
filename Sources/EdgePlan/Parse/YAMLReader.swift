import EdgePlanCore
import Foundation
import Yams

/// Reads typed values out of a composed YAML tree, recording where every field sits and
/// collecting a located diagnostic for each field that is missing or of the wrong type.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations: [String: SourceLocation] = [:]

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
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
            let fieldPath = join(path, name)
            locations[fieldPath] = location(value)
            if !known.contains(name) {
                let hint = Spelling.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
                switch unknown {
                case .warn:
                    warning(fieldPath, "unknown field, ignored\(hint)", at: key)
                case .reject(let reason):
                    error(fieldPath, "unknown field: \(what ?? "this mapping") has only \(known.joined(separator: ", "))\(hint) (\(reason))", at: key)
                    continue
                }
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

    /// A whole number in `range`; YAML's `1_000` spelling is accepted, quoted numbers are not.
    mutating func int(_ node: Node, path: String, range: ClosedRange<Int>, what: String) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, resolvedTag(node) == .int,
              let value = node.int
        else {
            error(path, "expected \(what) (a whole number \(rangeText(range))), got \(describe(node))", at: node)
            return nil
        }
        guard range.contains(value) else {
            error(path, "\(value) is out of range: \(what) must be a whole number \(rangeText(range))", at: node)
            return nil
        }
        return value
    }

    /// Digits with an optional sign, point and exponent: YAML's `.nan` and `.inf` are floats too,
    /// but not numbers anything can be priced with.
    static func isDecimalText(_ text: String) -> Bool {
        text.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    /// A YAML number in plain decimal notation, its sign apart: `1_000` → "1000", `2.5e3` → "2500",
    /// `.5` → "0.5", `-1.5e-2` → (negative, "0.015"); nil for anything `isDecimalText` refuses (after
    /// removing `_`) and for exponents beyond what any `Decimal` holds. Exact: digits are moved, never
    /// computed, so `Decimal(plainText:)` can read the result or refuse it.
    static func plainDecimal(_ yaml: String) -> (negative: Bool, text: String)? {
        let text = yaml.replacingOccurrences(of: "_", with: "")
        guard isDecimalText(text) else { return nil }
        var rest = Substring(text)
        let negative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        var exponentText: Substring = "0"
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentText = rest[rest.index(after: e)...]
            rest = rest[..<e]
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        var digits = Array(whole + fraction)
        guard digits.contains(where: { $0 != "0" }) else { return (negative, "0") }
        // Decimal holds at most 38 digits times 10^±128: a larger shift can never be exact.
        guard let exponent = Int(exponentText), abs(exponent) <= 1_000 else { return nil }
        var point = whole.count + exponent
        if point <= 0 {
            digits = Array(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point >= digits.count { return (negative, String(digits) + String(repeating: "0", count: point - digits.count)) }
        return (negative, String(digits[..<point]) + "." + String(digits[point...]))
    }

    /// A non-negative decimal number, exact: read from the text by `Decimal(plainText:)`, never
    /// through a Double, and refused when `Decimal` cannot hold it exactly.
    mutating func decimal(_ node: Node, path: String, what: String, max: Decimal? = nil) -> Decimal? {
        if case .scalar(let scalar) = node, scalar.style == .plain, resolvedTag(node) == .float,
           !YAMLReader.isDecimalText(scalar.string.replacingOccurrences(of: "_", with: "")) {
            error(path, "\(scalar.string) is not a finite number: \(what) must be a plain decimal such as 2000 or 0.5", at: node)
            return nil
        }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              resolvedTag(node) == .int || resolvedTag(node) == .float,
              let (negative, plain) = YAMLReader.plainDecimal(scalar.string)
        else {
            error(path, "expected \(what) (a number), got \(describe(node))", at: node)
            return nil
        }
        guard let value = Decimal(plainText: plain) else {
            // Too many digits, or too large for any Decimal: say which when a limit explains it.
            let wholeDigits = plain.prefix { $0 != "." }.drop { $0 == "0" }.count
            if let max, !negative, wholeDigits > max.plainString.count {
                error(path, "\(scalar.string) is too large: \(what) must be at most \(groupedDecimal(max))", at: node)
            } else {
                error(path, "\(scalar.string) cannot be read exactly (edgeplan keeps at most 38 significant digits): \(what) must be a plain decimal such as 2000 or 0.5", at: node)
            }
            return nil
        }
        guard !negative || value == 0 else {
            error(path, "\(scalar.string) is negative: \(what) must be zero or more", at: node)
            return nil
        }
        if let max, value > max {
            error(path, "\(scalar.string) is too large: \(what) must be at most \(groupedDecimal(max))", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, path: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, resolvedTag(node) == .bool,
              let value = node.bool
        else {
            error(path, "expected true or false, got \(describe(node))", at: node)
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

    func resolvedTag(_ node: Node) -> Yams.Tag.Name {
        if case .scalar(let scalar) = node, scalar.style != .plain { return .str }
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

    subscript(name: String) -> Node? { entries.first { $0.name == name }?.node }
}

func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
