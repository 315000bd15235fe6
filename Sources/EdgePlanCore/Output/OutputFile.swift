/// A file a renderer or emitter produced, in memory; only the CLI writes it to disk.
public struct OutputFile: Sendable, Equatable {
    /// Relative path inside the output folder, with '/' separators.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Turns a plan into files. Renderers depend on the planned model only.
public protocol PlanRenderer: Sendable {
    func render(_ plan: Plan) throws -> [OutputFile]
}
