import EdgePlan
import Foundation

/// Writing to the terminal: results to stdout, diagnostics to stderr the way compilers print them.
///
/// Every byte edgeplan prints goes through here, so this is where text from inputs is made safe
/// for a terminal: a design's quoted key in a warning, AWS tags in `cidr import` output, a note in
/// `cidr list`, an argument echoed in a usage error. Messages are built in many places (every
/// reader and rule) and some also go to files that must keep the exact text; printing happens here
/// only.
enum Console {
    static func out(_ text: String) { write(printable(text), to: STDOUT_FILENO) }

    static func err(_ text: String) { write(printable(text), to: STDERR_FILENO) }

    /// All of `text`'s bytes, straight from the string (a closed pipe or a full disk is not
    /// reported: there is nowhere left to report it).
    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                let n = Foundation.write(fd, rest.baseAddress, rest.count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            }
        }
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(text(of: diagnostics))
    }

    /// The lines `report` prints for `diagnostics` (nothing for none).
    static func text(of diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "" : diagnostics.map(\.formatted).joined(separator: "\n") + "\n"
    }

    /// `text` safe to print: every character that would act on a terminal written as `\u` and
    /// four hex digits (`String.escapingTerminalControls`).
    static func printable(_ text: String) -> String { text.escapingTerminalControls() }
}
