/// Literals for building documents that read like the JSON they produce. A dictionary literal keeps
/// its keys in the order written, which is the order they are serialised in.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

extension JSONValue {
    /// The object's fields (empty for anything else).
    public var fields: [(String, JSONValue)] {
        if case .object(let f) = self { return f }
        return []
    }

    /// The value of `key` in an object, if there is one.
    public subscript(key: String) -> JSONValue? {
        fields.first { $0.0 == key }?.1
    }
}
