import EdgePlanCore

/// A CloudFormation template being built: its sections in CloudFormation's order, each keyed in the
/// order things were added, so the same plan always gives the same bytes.
struct CloudFormationTemplate: Sendable {
    var description: String
    var metadata: [(String, JSONValue)] = []
    var parameters: [(String, JSONValue)] = []
    var conditions: [(String, JSONValue)] = []
    var resources: [(String, JSONValue)] = []
    var outputs: [(String, JSONValue)] = []

    init(description: String) { self.description = description }

    mutating func parameter(
        _ name: String, type: String = "String", description: String, default value: JSONValue? = nil,
        allowedPattern: String? = nil, noEcho: Bool = false, minLength: Int? = nil
    ) {
        var fields: [(String, JSONValue)] = [("Type", .string(type)), ("Description", .string(description))]
        if let value { fields.append(("Default", value)) }
        if let allowedPattern { fields.append(("AllowedPattern", .string(allowedPattern))) }
        if let minLength { fields.append(("MinLength", .int(minLength))) }
        if noEcho { fields.append(("NoEcho", true)) }
        parameters.append((name, .object(fields)))
    }

    mutating func condition(_ name: String, _ value: JSONValue) {
        conditions.append((name, value))
    }

    /// Adds a resource; `suppress` lists the checks it is knowingly exempt from, each with its reason.
    mutating func resource(
        _ id: String, _ type: String, _ properties: JSONValue, condition: String? = nil, dependsOn: [String] = [],
        suppress: [Suppression] = [], deletionPolicy: String? = nil
    ) {
        var fields: [(String, JSONValue)] = [("Type", .string(type))]
        if let condition { fields.append(("Condition", .string(condition))) }
        if !dependsOn.isEmpty { fields.append(("DependsOn", .array(dependsOn.map(JSONValue.string)))) }
        if let deletionPolicy {
            fields.append(("DeletionPolicy", .string(deletionPolicy)))
            fields.append(("UpdateReplacePolicy", .string(deletionPolicy)))
        }
        if let metadata = Suppression.metadata(suppress) { fields.append(("Metadata", metadata)) }
        if case .object(let p) = properties, !p.isEmpty { fields.append(("Properties", properties)) }
        resources.append((id, .object(fields)))
    }

    mutating func output(_ name: String, _ value: JSONValue, description: String, export: Bool = false, condition: String? = nil) {
        var fields: [(String, JSONValue)] = [("Description", .string(description))]
        if let condition { fields.append(("Condition", .string(condition))) }
        fields.append(("Value", value))
        if export { fields.append(("Export", ["Name": Fn.sub("${AWS::StackName}-\(name)")])) }
        outputs.append((name, .object(fields)))
    }

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("AWSTemplateFormatVersion", "2010-09-09"),
            ("Description", .string(description)),
        ]
        if !metadata.isEmpty { fields.append(("Metadata", .object(metadata))) }
        if !parameters.isEmpty { fields.append(("Parameters", .object(parameters))) }
        if !conditions.isEmpty { fields.append(("Conditions", .object(conditions))) }
        fields.append(("Resources", .object(resources)))
        if !outputs.isEmpty { fields.append(("Outputs", .object(outputs))) }
        return .object(fields)
    }

    /// Drops parameters nothing refers to (a style or protection that leaves one unused).
    mutating func removeUnusedParameters() {
        let body = JSONValue.object(conditions + resources + outputs).serialized()
        parameters.removeAll { name, _ in
            !body.contains("\"Ref\": \"\(name)\"") && !body.contains("${\(name)}")
        }
    }

    /// The resource's type, to read back in tests and the deploy guide.
    func resourceType(_ id: String) -> String? {
        resources.first { $0.0 == id }?.1["Type"].flatMap { if case .string(let s) = $0 { s } else { nil } }
    }
}

/// A check a resource is knowingly exempt from, with the reason written next to it in the template.
struct Suppression: Sendable {
    enum Tool: Sendable { case checkov, cfnLint }
    var tool: Tool
    var id: String
    var reason: String

    static func checkov(_ id: String, _ reason: String) -> Suppression { Suppression(tool: .checkov, id: id, reason: reason) }
    static func cfnLint(_ id: String, _ reason: String) -> Suppression { Suppression(tool: .cfnLint, id: id, reason: reason) }

    /// `Metadata` with `checkov.skip` (id and comment, checkov's own form) and `cfn-lint.config.ignore_checks`
    /// (whose reasons go under `Comments`, since cfn-lint's config has no place for one).
    static func metadata(_ list: [Suppression]) -> JSONValue? {
        guard !list.isEmpty else { return nil }
        var fields: [(String, JSONValue)] = []
        let lint = list.filter { $0.tool == .cfnLint }
        if !lint.isEmpty {
            fields.append(("cfn-lint", ["config": ["ignore_checks": .array(lint.map { .string($0.id) })]]))
        }
        let checkov = list.filter { $0.tool == .checkov }
        if !checkov.isEmpty {
            fields.append(("checkov", ["skip": .array(checkov.map { ["id": .string($0.id), "comment": .string($0.reason)] })]))
        }
        if !lint.isEmpty {
            fields.append(("Comments", .object(lint.map { ($0.id, .string($0.reason)) })))
        }
        return .object(fields)
    }
}
