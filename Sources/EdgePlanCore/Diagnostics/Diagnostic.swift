/// Where something sits in a source file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A problem found in a design, printed the way compilers print them:
/// `design.yaml:12:9: error: network.vpcCidr: '10.0.0.0/33' is not a valid IPv4 prefix length (0–32)`.
public struct Diagnostic: Error, Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// The field the problem is about, as a path into the design (`network.nodes.max`, `frontends[1].kind`).
    public var path: String
    /// What is wrong and what would be right, in one sentence.
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ path: String, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.location = location
    }

    public static func error(_ path: String, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, path, message, at: location)
    }

    public static func warning(_ path: String, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, path, message, at: location)
    }

    /// `file:line:column: severity: path: message`, or without the location part if there is none.
    public var formatted: String {
        let place = location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        let field = path.isEmpty ? "" : "\(path): "
        return "\(place)\(severity.rawValue): \(field)\(message)"
    }
}

/// One or more diagnostics, at least one an error: the reason a stage could not go on.
public struct DiagnosticError: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
