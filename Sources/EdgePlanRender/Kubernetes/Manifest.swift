import EdgePlanCore

/// One Kubernetes object, written as one YAML file.
struct Manifest: Sendable {
    var file: String
    var object: JSONValue

    static func metadata(_ name: String, namespace: String? = nil, labels: [(String, JSONValue)] = [], annotations: [(String, JSONValue)] = []) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(name))]
        if let namespace { fields.append(("namespace", .string(namespace))) }
        if !labels.isEmpty { fields.append(("labels", .object(labels))) }
        if !annotations.isEmpty { fields.append(("annotations", .object(annotations))) }
        return .object(fields)
    }
}

/// A value the manifests take from a stack output, written `${NAME}` so `envsubst` (or any
/// templating step of a deploy pipeline) can fill it.
struct Placeholder: Sendable, Equatable {
    var name: String
    var stack: String
    var output: String

    var token: JSONValue { .string("${\(name)}") }
}
