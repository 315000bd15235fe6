import EdgePlanCore
import Foundation
import Yams

/// A ledger as read from its file, with where each entry sits, for located diagnostics.
public struct ParsedLedger: Sendable, Equatable {
    /// Where one entry and its most-cited fields sit.
    struct EntryMarks: Sendable, Equatable {
        var entry: SourceLocation
        var cidr: SourceLocation?
        var env: SourceLocation?
    }

    public var ledger: Ledger
    public var file: String
    var pools: [EntryMarks] = []
    var taken: [EntryMarks] = []
    var allocations: [EntryMarks] = []

    init(ledger: Ledger, file: String) {
        self.ledger = ledger
        self.file = file
    }

    /// The location of a path such as `allocations[3].cidr`, of its entry, or the top of the file.
    public func location(of path: String) -> SourceLocation {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close,
              let index = Int(path[path.index(after: open)..<close])
        else { return top }
        let marks: [EntryMarks]
        switch path[..<open] {
        case "pools": marks = pools
        case "taken": marks = taken
        case "allocations": marks = allocations
        default: return top
        }
        guard marks.indices.contains(index) else { return top }
        let field = path[close...].dropFirst().drop { $0 == "." }
        switch field {
        case "cidr": return marks[index].cidr ?? marks[index].entry
        case "env": return marks[index].env ?? marks[index].entry
        default: return marks[index].entry
        }
    }

    /// Gives every diagnostic without a location the location of its path.
    public func locate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { d in
            var d = d
            if d.location == nil { d.location = location(of: d.path) }
            return d
        }
    }
}

/// `cidr-ledger.yaml` text → `Ledger`. Strict, because edgeplan rewrites the file: an unknown
/// field would be lost, so it is an error rather than a warning; a file that does not end with
/// the end marker is refused as truncated.
public struct LedgerParser: Sendable {
    /// The last line of every ledger. A file cut short at an entry boundary is still valid YAML;
    /// this line is how a truncated ledger is told from a short one.
    public static let endMarker = "# end of ledger"
    /// Twice the 100,000 entries of the benchmark (about 8 MB): far above any organisation's
    /// ledger, and a hand-edited one this large still reads through the YAML path in seconds.
    public static let maxBytes = 16 << 20

    public init() {}

    public func parse(_ text: String, file: String) throws(DiagnosticError) -> ParsedLedger {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= LedgerParser.maxBytes else {
            throw DiagnosticError([.error("", "the file is \(grouped(text.utf8.count)) bytes; a ledger is at most \(grouped(LedgerParser.maxBytes)) bytes", at: top)])
        }
        // A ledger checked out with CRLF line ends reads as its LF form (and is written back in LF).
        let text = YAMLReader.normalizingLineBreaks(text)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DiagnosticError([.error("", "the ledger is empty: create one with `edgeplan cidr init --ledger \(file) --pool 10.0.0.0/8`", at: top)])
        }
        if let parsed = parseCanonical(text, file: file) { return parsed }
        if let deep = DesignParser.tooDeep(text, file: file) {
            throw DiagnosticError([.error("", "the file nests far deeper than a ledger does (pools, taken and allocations are lists of flat entries)", at: deep.location)])
        }
        let truncated = LedgerParser.truncation(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)  // tags: YAMLReader.resolvedTag; the encoding named (its default reads the environment on every call)
        } catch let error as YamlError {
            throw DiagnosticError([YAMLReader.placedInside(DesignParser.diagnostic(for: error, file: file), text: text)] + [truncated].compactMap { $0 })
        } catch {
            throw DiagnosticError([.error("", "the file is not valid YAML", at: top)])
        }
        guard let root else {
            throw DiagnosticError([.error("", "the ledger has no entries: it needs at least `edgeplan-ledger: 1` and `pools`", at: top)])
        }
        var reader = YAMLReader(file: file, text: text)
        var parsed = ParsedLedger(ledger: Ledger(pools: []), file: file)
        read(root, into: &parsed, &reader)
        var diagnostics = reader.diagnostics
        if let truncated { diagnostics.append(truncated) }
        guard !diagnostics.hasErrors else { throw DiagnosticError(diagnostics) }
        return parsed
    }

    /// An error when the last non-blank line is not the end marker.
    static func truncation(_ text: String, file: String) -> Diagnostic? {
        var lineNumber = 0
        var last: (line: Int, text: Substring)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.contains(where: { !$0.isWhitespace }) { last = (lineNumber, line) }
        }
        guard let last else { return nil }
        if last.text.trimmingCharacters(in: .whitespaces).hasPrefix(endMarker) { return nil }
        return .error("", "the ledger does not end with the line '\(endMarker)': it was probably cut short (an interrupted write or a bad merge); restore it from version control, or add the line back if it was removed by hand", at: SourceLocation(file: file, line: last.line, column: 1))
    }

    // MARK: - Sections

    private static let topFields = ["edgeplan-ledger", "pools", "taken", "allocations"]

    private func read(_ root: Node, into parsed: inout ParsedLedger, _ r: inout YAMLReader) {
        guard let top = fields(root, path: "", known: LedgerParser.topFields, what: "a ledger", &r) else { return }
        guard let versionNode = top["edgeplan-ledger"] else {
            r.error("edgeplan-ledger", "missing required field 'edgeplan-ledger' (the format version, `edgeplan-ledger: 1`): is this a CIDR ledger?", at: root)
            return
        }
        guard let version = r.int(versionNode, path: "edgeplan-ledger", range: 0...Int.max, what: "the ledger format version") else { return }
        guard version == Ledger.formatVersion else {
            r.error("edgeplan-ledger", "unknown ledger format version \(version): this edgeplan reads version \(Ledger.formatVersion)", at: versionNode)
            return
        }
        if let node = top["pools"] {
            for (i, item) in list(node, path: "pools", &r).enumerated() {
                if let (pool, marks) = readPool(item, path: "pools[\(i)]", &r) {
                    parsed.ledger.pools.append(pool)
                    parsed.pools.append(marks)
                }
            }
            if parsed.ledger.pools.isEmpty && !r.diagnostics.hasErrors {
                r.error("pools", "the ledger has no pools: add at least one, e.g. `- cidr: 10.0.0.0/8`", at: node)
            }
        } else {
            r.error("pools", "missing required field 'pools' (the ranges environments get blocks from, e.g. `pools: [{cidr: 10.0.0.0/8}]`)", at: root)
        }
        if let node = top["taken"] {
            for (i, item) in list(node, path: "taken", &r).enumerated() {
                if let (range, marks) = readTaken(item, path: "taken[\(i)]", &r) {
                    parsed.ledger.taken.append(range)
                    parsed.taken.append(marks)
                }
            }
        }
        if let node = top["allocations"] {
            for (i, item) in list(node, path: "allocations", &r).enumerated() {
                if let (allocation, marks) = readAllocation(item, path: "allocations[\(i)]", &r) {
                    parsed.ledger.allocations.append(allocation)
                    parsed.allocations.append(marks)
                }
            }
        }
    }

    private func readPool(_ node: Node, path: String, _ r: inout YAMLReader) -> (Ledger.Pool, ParsedLedger.EntryMarks)? {
        guard let f = fields(node, path: path, known: ["cidr", "note"], what: "a pool", &r) else { return nil }
        let cidr = required(f, "cidr", path: path, in: node, example: "10.0.0.0/8", &r).flatMap { prefix($0, path: "\(path).cidr", &r) }
        let note = f["note"].flatMap { text($0, path: "\(path).note", &r) }
        guard let cidr else { return nil }
        return (Ledger.Pool(cidr: cidr.value, note: note), .init(entry: r.location(node), cidr: cidr.at))
    }

    private func readTaken(_ node: Node, path: String, _ r: inout YAMLReader) -> (Ledger.TakenRange, ParsedLedger.EntryMarks)? {
        guard let f = fields(node, path: path, known: ["cidr", "source", "note"], what: "a taken range", &r) else { return nil }
        let cidr = required(f, "cidr", path: path, in: node, example: "10.255.0.0/16", &r).flatMap { prefix($0, path: "\(path).cidr", &r) }
        let source = required(f, "source", path: path, in: node, example: "reserved", &r).flatMap { text($0, path: "\(path).source", nonEmpty: true, &r) }
        let note = f["note"].flatMap { text($0, path: "\(path).note", &r) }
        guard let cidr, let source else { return nil }
        return (Ledger.TakenRange(cidr: cidr.value, source: source, note: note), .init(entry: r.location(node), cidr: cidr.at))
    }

    private func readAllocation(_ node: Node, path: String, _ r: inout YAMLReader) -> (Ledger.Allocation, ParsedLedger.EntryMarks)? {
        guard let f = fields(node, path: path, known: ["cidr", "env", "purpose", "vpc", "note"], what: "an allocation", &r) else { return nil }
        let cidr = required(f, "cidr", path: path, in: node, example: "10.0.0.0/16", &r).flatMap { prefix($0, path: "\(path).cidr", &r) }
        var envAt: SourceLocation?
        let env = required(f, "env", path: path, in: node, example: "shop-prod", &r).flatMap { n -> String? in
            envAt = r.location(n)
            guard let name = text(n, path: "\(path).env", nonEmpty: true, &r) else { return nil }
            guard Ledger.isValidEnvName(name) else {
                r.error("\(path).env", "'\(name)' is not an environment name: use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. shop-prod)", at: n)
                return nil
            }
            return name
        }
        let purpose = f["purpose"].map { text($0, path: "\(path).purpose", nonEmpty: true, &r) } ?? Ledger.Allocation.defaultPurpose
        var vpc: String?? = .some(nil)
        if let n = f["vpc"] {
            vpc = text(n, path: "\(path).vpc", &r).flatMap { id -> String?? in
                guard Ledger.isValidVPCId(id) else {
                    r.error("\(path).vpc", "'\(id)' is not a VPC id: write the VpcId that `aws ec2 describe-vpcs` prints, such as vpc-0abc12345def67890", at: n)
                    return nil
                }
                return .some(id)
            }
        }
        let note = f["note"].flatMap { text($0, path: "\(path).note", &r) }
        guard let cidr, let env, let purpose, let vpc else { return nil }
        return (Ledger.Allocation(env: env, cidr: cidr.value, purpose: purpose, vpc: vpc, note: note), .init(entry: r.location(node), cidr: cidr.at, env: envAt))
    }

    // MARK: - Values

    /// The fields of a mapping; every unknown field is an error, since a rewrite would drop it.
    private func fields(_ node: Node, path: String, known: [String], what: String, _ r: inout YAMLReader) -> Fields? {
        r.fields(node, path: path, known: known,
                 unknown: .reject(because: "edgeplan rewrites the ledger and would drop it; put remarks in `note`"), what: what)
    }

    private func required(_ fields: Fields, _ name: String, path: String, in parent: Node, example: String, _ r: inout YAMLReader) -> Node? {
        r.required(fields, name, path: path, in: parent, example: example)
    }

    /// A list of entries; `~` or nothing is an empty list.
    private func list(_ node: Node, path: String, _ r: inout YAMLReader) -> [Node] {
        if case .scalar(let scalar) = node, scalar.style == .plain, r.resolvedTag(node) == .null { return [] }
        return r.sequence(node, path: path, what: "a list of entries (`- cidr: …`), or [] for none") ?? []
    }

    private func text(_ node: Node, path: String, nonEmpty: Bool = false, _ r: inout YAMLReader) -> String? {
        guard let value = r.string(node, path: path) else { return nil }
        if nonEmpty && value.trimmingCharacters(in: .whitespaces).isEmpty {
            r.error(path, "must not be empty", at: node)
            return nil
        }
        return value
    }

    private func prefix(_ node: Node, path: String, _ r: inout YAMLReader) -> (value: IPv4Prefix, at: SourceLocation)? {
        guard let text = r.string(node, path: path) else { return nil }
        switch IPv4Prefix.parse(text) {
        case .success(let p): return (p, r.location(node))
        case .failure(let e):
            r.error(path, e.description, at: node)
            return nil
        }
    }
}
