@testable import EdgePlanRender
import Foundation
import HostileInputs
import Testing

/// The report splits caveat texts into sentences in one pass; it must split exactly where the
/// straightforward definition (kept here as the oracle: the sentence so far, re-split for its last
/// word at every character) does, on the texts that matter and on random ones built to hit the
/// edges (abbreviations, brackets, line breaks, combining marks, punctuation at the very end).
@Suite struct SentenceSplitTests {
    static func oracle(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        let abbreviations = ["e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "incl."]
        while i < chars.count {
            current.append(chars[i])
            let word = current.split(separator: " ").last.map(String.init) ?? ""
            if ".!?".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ", !chars[i + 2].isWhitespace,
               !abbreviations.contains(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "("))) {
                out.append(current)
                current = ""
                i += 2
                continue
            }
            i += 1
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @Test func knownTexts() {
        let texts = [
            "", "One.", "One. Two.", "Use e.g. this. Then (i.e. that) works. Done!", "v1.15.1 is out. Really? Yes.",
            "Ends with a space. ", "Two spaces.  Then more.", "Line.\nBreak. Tab.\tEnd", "(Cf. the docs.) Next. ETC. next",
        ]
        for text in texts { #expect(Markdown.sentences(text) == Self.oracle(text), "\(text.debugDescription)") }
        #expect(Markdown.sentences("Use e.g. this. Then that.") == ["Use e.g. this.", "Then that."])
    }

    @Test func randomTextsSplitAsTheOracleDoes() {
        var rng = SplitMix64(seed: 17)
        let pieces = [".", "!", "?", " ", " ", " ", "a", "Word", "e.g.", "E.G.", "(i.e.", "vs.", "etc.", "(", ")", "\n", "\t",
                      "\u{301}", "é", "🇪🇺", "incl.", "approx.", "cf.", "x"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Markdown.sentences(text) == Self.oracle(text), "\(text.debugDescription)")
        }
    }
}
