import EdgePlan
import Foundation

/// Writing to the terminal: results to stdout, diagnostics to stderr the way compilers print them.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(diagnostics.map(\.formatted).joined(separator: "\n") + "\n")
    }
}
