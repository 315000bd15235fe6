import EdgePlanCore
import Testing

/// The byte-wise escape gives what escaping scalar by scalar gives, on texts that mix every
/// character it escapes with their UTF-8 neighbours (`C2 A0`, `E2 80 94`, `E2 81 A0`…).
@Suite struct TerminalTextTests {
    static func oracle(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.actsOnTerminal {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesWhatTheScalarDefinitionEscapes() {
        let pieces = ["a", " ", "\n", "\t", "\r", "\u{1B}[31m", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{BF}", "é", "—", "→", "×", "\u{2027}", "\u{2028}",
                      "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2060}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "🇪🇺", "\u{0}", "\\u"]
        var state: UInt64 = 7
        for _ in 0..<5000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var s = state
            for _ in 0..<Int(s % 12) {
                s = s &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(s >> 33) % pieces.count]
            }
            #expect(text.escapingTerminalControls() == Self.oracle(text), "\(text.debugDescription)")
        }
        #expect("plain → text".escapingTerminalControls() == "plain → text")
        #expect("\u{1B}]2;x\u{7}".escapingTerminalControls() == "\\u001B]2;x\\u0007")
    }
}
