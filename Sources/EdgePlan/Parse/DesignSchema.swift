import EdgePlanCore
import Foundation

/// `edgeplan schema`: design format 1 as a JSON Schema (draft-07, which the YAML language server
/// reads), made from `DesignFormat`, the table the parser reads its fields from. Stricter than the
/// parser in two ways that help an editor: an unknown field (a warning for the parser) fails it,
/// and `region` lists the Regions edgeplan knows.
public struct DesignSchema: Sendable {
    /// Where the schema is committed, relative to the repository root.
    public static let path = "schema/design-v1.json"

    /// The Regions `region` may name.
    public var regions: [String]

    public init(regions: [String]) { self.regions = regions.sorted() }

    public func json() -> JSONValue {
        var top = Self.object(DesignFormat.top, regions: regions)
        guard case .object(var fields) = top else { return top }
        fields.insert(contentsOf: [
            ("$schema", "http://json-schema.org/draft-07/schema#"),
            ("title", "edgeplan design, format version 1"),
            ("description", "A design file for edgeplan: the VPC, its nodes and the front-door options to compare (README, \"The design file\")."),
        ], at: 0)
        top = .object(fields)
        return top
    }

    static func object(_ fields: [DesignFormat.Field], regions: [String] = []) -> JSONValue {
        let properties: [(String, JSONValue)] = fields.map { f in
            var schema = shape(f.shape)
            if f.name == "region", !regions.isEmpty, case .object(var body) = schema {
                body.append(("enum", .array(regions.map(JSONValue.string))))
                schema = .object(body)
            }
            guard case .object(var body) = schema else { return (f.name, schema) }
            body.insert(("description", .string(f.description)), at: 0)
            if let d = f.defaultValue { body.append(("default", d)) }
            if let e = f.example, let value = example(e) { body.append(("examples", [value])) }
            return (f.name, .object(body))
        }
        var body: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { body.append(("required", .array(required.map(JSONValue.string)))) }
        body.append(("additionalProperties", false))
        return .object(body)
    }

    static func shape(_ s: DesignFormat.Shape) -> JSONValue {
        switch s {
        case .text(let pattern):
            return .object([("type", "string")] + (pattern.map { [("pattern", .string($0))] } ?? []))
        case .integer(let r):
            return .object([("type", "integer"), ("minimum", .int(r.lowerBound)), ("maximum", .int(r.upperBound))])
        case .decimal(let max):
            return .object([("type", "number"), ("minimum", 0)] + (max.map { [("maximum", .int(NSDecimalNumber(decimal: $0).intValue))] } ?? []))
        case .boolean:
            return .object([("type", "boolean")])
        case .choice(let options):
            return .object([("type", "string"), ("enum", .array(options.map(JSONValue.string)))])
        case .object(let fields):
            return object(fields)
        case .list(let item, let maxItems):
            return .object([("type", "array"), ("items", shape(item)), ("minItems", 1)] + (maxItems.map { [("maxItems", .int($0))] } ?? []))
        case .either(let shapes):
            return .object([("anyOf", .array(shapes.map(shape)))])
        }
    }

    /// A missing-field example as a JSON value, when it is a plain scalar.
    static func example(_ text: String) -> JSONValue? {
        if let n = Int(text) { return .int(n) }
        if text.hasPrefix("{") || text.hasPrefix("[") { return nil }
        return .string(text)
    }
}
