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

    /// A non-negative decimal number, exact (read from the text, never through a Double).
    mutating func decimal(_ node: Node, path: String, what: String, max: Decimal? = nil) -> Decimal? {
        if case .scalar(let scalar) = node, scalar.style == .plain, resolvedTag(node) == .float,
           !YAMLReader.isDecimalText(scalar.string.replacingOccurrences(of: "_", with: "")) {
            error(path, "\(scalar.string) is not a finite number: \(what) must be a plain decimal such as 2000 or 0.5", at: node)
            return nil
        }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              resolvedTag(node) == .int || resolvedTag(node) == .float,
              YAMLReader.isDecimalText(scalar.string.replacingOccurrences(of: "_", with: "")),
              let value = Decimal(string: scalar.string.replacingOccurrences(of: "_", with: ""),
                                  locale: Locale(identifier: "en_US_POSIX")),
              !value.isNaN
        else {
            error(path, "expected \(what) (a number), got \(describe(node))", at: node)
            return nil
        }
        guard value >= 0 else {
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
