/// An XML element as a value: a name, attributes in the order given, children and text.
/// Built by the diagram layouts, serialised by libxml2 (`XMLWriter`), so output is always
/// well-formed and escaped.
public struct XMLNode: Sendable, Equatable {
    public var name: String
    public var attributes: [(String, String)]
    public var children: [XMLNode]
    /// Text content, placed before the children.
    public var text: String?

    public init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    public static func == (a: XMLNode, b: XMLNode) -> Bool {
        a.name == b.name && a.text == b.text && a.children == b.children
            && a.attributes.count == b.attributes.count
            && zip(a.attributes, b.attributes).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
