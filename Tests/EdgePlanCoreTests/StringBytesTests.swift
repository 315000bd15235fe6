import EdgePlanCore
import Foundation
import Testing

/// The renderers' native search and replace finds and replaces what Foundation's calls did, on the
/// kinds of text they handle: markup, code, non-ASCII text around ASCII patterns.
struct StringBytesTests {
    static let texts = [
        "", "a", "aaa", "<br>", "<br><br>", "x<br>y<br>", "<p><img src=\"d.svg\" alt=\"é\" /></p>",
        "${var.x} and %{ if } ${", "naïve | café | 東京 | 🇮🇪 |", "line\nnext\n", "$${x}", "a|b\\|c",
    ]
    static let patterns = ["<br>", "aa", "a", "|", "${", "%{", "\n", "/>", "é", "zzz"]

    @Test func replacingBytesReplacesWhatReplacingOccurrencesDid() {
        for text in Self.texts {
            for pattern in Self.patterns {
                #expect(text.replacingBytes(pattern, with: "[\(pattern)]") == text.replacingOccurrences(of: pattern, with: "[\(pattern)]"), "\(text) / \(pattern)")
            }
        }
    }

    @Test func splitBytesSplitsAsComponentsSeparatedByDid() {
        for text in Self.texts {
            for pattern in Self.patterns {
                #expect(text.splitBytes(by: pattern).map(String.init) == text.components(separatedBy: pattern), "\(text) / \(pattern)")
            }
        }
    }

    @Test func firstByteRangeFindsWhatRangeOfFound() {
        for text in Self.texts {
            for pattern in Self.patterns {
                #expect(text.firstByteRange(of: pattern) == text.range(of: pattern), "\(text) / \(pattern)")
            }
        }
        let html = "<a alt=\"1\"/><b alt=\"2\"/>"
        let second = html.firstByteRange(of: "<b")!
        #expect(html.firstByteRange(of: "alt=\"", from: second.lowerBound).map { html[$0.upperBound...].prefix(1) } == "2")
        #expect(html.firstByteRange(of: "alt=\"", from: html.startIndex, before: html.index(html.startIndex, offsetBy: 6)) == nil)
        #expect(html.firstByteRange(of: "") == nil)
    }

    /// Every scalar Foundation's sets hold or might, at either end, around text that keeps inner
    /// white space: the native trims give what `trimmingCharacters(in:)` gives.
    @Test func trimsAsFoundationDoes() {
        let ends: [String] = ["", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
                              "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{180E}", "x", "é", "e\u{301}", "<p>"]
        for a in ends {
            for b in ends {
                for middle in ["", "a b", "\u{A0}mid\t", "<p>x</p>"] {
                    let text = a + b + middle + b + a
                    #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
                    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
                }
            }
        }
    }
}
