import EdgePlanCore

/// CloudFormation's intrinsic functions and pseudo parameters, in their long JSON form (which is
/// also valid in YAML templates).
enum Fn {
    static func ref(_ name: String) -> JSONValue { ["Ref": .string(name)] }
    static func getAtt(_ resource: String, _ attribute: String) -> JSONValue { ["Fn::GetAtt": [.string(resource), .string(attribute)]] }
    static func sub(_ text: String) -> JSONValue { ["Fn::Sub": .string(text)] }
    static func sub(_ text: String, _ variables: [(String, JSONValue)]) -> JSONValue { ["Fn::Sub": [.string(text), .object(variables)]] }
    static func join(_ separator: String, _ parts: [JSONValue]) -> JSONValue { ["Fn::Join": [.string(separator), .array(parts)]] }
    static func split(_ separator: String, _ value: JSONValue) -> JSONValue { ["Fn::Split": [.string(separator), value]] }
    static func select(_ index: Int, _ list: JSONValue) -> JSONValue { ["Fn::Select": [.int(index), list]] }
    static func importValue(_ name: JSONValue) -> JSONValue { ["Fn::ImportValue": name] }
    static func equals(_ a: JSONValue, _ b: JSONValue) -> JSONValue { ["Fn::Equals": [a, b]] }
    static func not(_ condition: JSONValue) -> JSONValue { ["Fn::Not": [condition]] }
    static func `if`(_ condition: String, _ a: JSONValue, _ b: JSONValue) -> JSONValue { ["Fn::If": [.string(condition), a, b]] }
    static let noValue: JSONValue = ref("AWS::NoValue")
    static let partition = "${AWS::Partition}"

    /// A value another stack exported as `<stack>-<name>`, where the stack's name is parameter `stackParameter`.
    static func imported(_ stackParameter: String, _ name: String) -> JSONValue {
        importValue(sub("${\(stackParameter)}-\(name)"))
    }

    /// A comma-separated export as a list.
    static func importedList(_ stackParameter: String, _ name: String) -> JSONValue {
        split(",", imported(stackParameter, name))
    }

    /// Tags as CloudFormation's list of `Key`/`Value` objects.
    static func tags(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .array(pairs.map { ["Key": .string($0.0), "Value": $0.1] })
    }
}
