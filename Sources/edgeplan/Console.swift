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

    /// `text` with every character that would act on a terminal instead of showing written as
    /// `\u` and four hex digits: C0 controls but line feed and tab (escape sequences that recolour,
    /// retitle or clear the screen; a carriage return that overwrites a line), DEL, C1 controls,
    /// the line and paragraph separators, and the bidirectional embeddings, overrides and isolates
    /// (which reorder what a line seems to say). The escape is JSON's, so `plan --format json`
    /// stays valid JSON meaning the same.
    static func printable(_ text: String) -> String {
        // Most output has none of these: only a byte that can start one makes the slow path worth it.
        var text = text
        let suspect = text.withUTF8 { bytes in
            bytes.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
        }
        guard suspect else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
