import EdgePlan
import Foundation

/// Reads a design file as UTF-8 text; every way it can fail is a located error.
enum DesignInput {
    static func read(_ path: String) throws(DiagnosticError) -> String {
        let top = SourceLocation(file: path, line: 1, column: 1)
        let data = try InputFile.read(path, limit: DesignParser.maxBytes, what: "a design file", missing: "no such file: check the path of the design file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([.error("", "the file is not UTF-8 text", at: top)])
        }
        // In UTF-8 text a zero byte is the NUL character and nothing else.
        if data.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) {
            throw DiagnosticError([.error("", "the file contains NUL bytes: it is not a text file", at: top)])
        }
        return text
    }
}
