import EdgePlanCore

/// Findings as SARIF 2.1.0 (`plan --format sarif`, `validate --format sarif`), for GitHub code
/// scanning: every caveat of every option and every diagnostic about the design is a result with
/// its rule, level, message and a location in the design file. Each caveat rule is a SARIF rule
/// (its title, when it fires, the AWS page it rests on); each result's message carries the
/// option's own detail and mitigation. `partialFingerprints` name the rule, the option and the
/// field, never a line number, so a result keeps its identity when lines move.
public struct SARIFRenderer: Sendable {
    /// The SARIF 2.1.0 schema, as the OASIS specification publishes it.
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// When each caveat rule fires, by id (`CaveatRule.when`), for the rules' help text.
    public var ruleConditions: [String: String]

    public init(ruleConditions: [String: String] = [:]) { self.ruleConditions = ruleConditions }

    /// `file` is the design file as the user named it; `plan` is nil when the design did not plan.
    public func render(file: String, plan: Plan?, diagnostics: [Diagnostic]) -> String {
        var rules: [(id: String, body: JSONValue)] = []
        func ruleIndex(_ id: String, _ make: () -> JSONValue) -> Int {
            if let i = rules.firstIndex(where: { $0.id == id }) { return i }
            rules.append((id, make()))
            return rules.count - 1
        }
        var results: [JSONValue] = []
        for d in diagnostics {
            let id = Self.ruleID(d)
            let index = ruleIndex(id) { Self.designRule(id) }
            results.append(Self.result(id, index, level: Self.level(d.severity), message: d.message, location: d.location, file: file,
                                       fingerprint: "\(id):\(d.path):\(d.message)"))
        }
        for option in plan?.options ?? [] {
            for c in option.caveats {
                let index = ruleIndex(c.id) { Self.caveatRule(c, when: ruleConditions[c.id]) }
                let text = "\(option.id): \(c.title). \(c.detail) Mitigation: \(c.mitigation)"
                results.append(Self.result(c.id, index, level: Self.level(c.severity), message: text, location: option.location, file: file,
                                           fingerprint: "\(c.id):\(option.id)"))
            }
        }
        let driver: JSONValue = .object([
            ("name", "edgeplan"),
            ("rules", .array(rules.map(\.body))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", "unicodeCodePoints"),
            ("results", .array(results)),
        ])
        return JSONValue.object([("$schema", .string(Self.schema)), ("version", "2.1.0"), ("runs", .array([run]))]).serialized()
    }

    static func level(_ s: Caveat.Severity) -> String {
        switch s {
        case .critical: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func level(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A design diagnostic's rule: the field it is about, without list indices
    /// (`design/frontends.router` for `frontends[2].router`).
    static func ruleID(_ d: Diagnostic) -> String {
        let field = d.path.replacing(/\[[0-9]+\]/, with: "")
        return field.isEmpty ? "design" : "design/\(field)"
    }

    static func designRule(_ id: String) -> JSONValue {
        let field = id == "design" ? "the design file" : "the design field \(id.dropFirst("design/".count))"
        return .object([
            ("id", .string(id)),
            ("shortDescription", .object([("text", .string("A problem with \(field)"))])),
            ("help", .object([("text", .string("The message says what is wrong and how to fix it; the README's \"The design file\" section describes every field."))])),
        ])
    }

    static func caveatRule(_ c: Caveat, when: String?) -> JSONValue {
        let help = (when.map { "Fires when \($0). " } ?? "") + "Reference: \(c.reference)."
        return .object([
            ("id", .string(c.id)),
            ("shortDescription", .object([("text", .string(c.title))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(c.severity)))])),
            ("properties", .object([("tags", .array(["edgeplan-caveat", .string(c.severity.rawValue)]))])),
        ])
    }

    static func result(_ id: String, _ index: Int, level: String, message: String, location: SourceLocation?, file: String, fingerprint: String) -> JSONValue {
        let at = location ?? SourceLocation(file: file, line: 1, column: 1)
        return .object([
            ("ruleId", .string(id)),
            ("ruleIndex", .int(index)),
            ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(at.file))])),
                ("region", .object([("startLine", .int(at.line)), ("startColumn", .int(at.column))])),
            ]))])])),
            ("partialFingerprints", .object([("edgeplan/v1", .string(fingerprint))])),
        ])
    }
}
