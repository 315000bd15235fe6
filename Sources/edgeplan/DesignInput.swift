import EdgePlan
import Foundation

/// Reads a design file as UTF-8 text; every way it can fail is a located error.
enum DesignInput {
    static func read(_ path: String) throws(DiagnosticError) -> String {
        let top = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticError([.error("", "no such file: check the path of the design file", at: top)])
        }
        guard !isDirectory.boolValue else {
            throw DiagnosticError([.error("", "is a folder, not a design file", at: top)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([.error("", "cannot be read (check its permissions)", at: top)])
        }
        guard data.count <= DesignParser.maxBytes else {
            throw DiagnosticError([.error("", "the file is \(data.count) bytes; a design file is at most \(DesignParser.maxBytes) bytes", at: top)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([.error("", "the file is not UTF-8 text", at: top)])
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw DiagnosticError([.error("", "the file contains NUL bytes: it is not a text file", at: top)])
        }
        return text
    }
}
