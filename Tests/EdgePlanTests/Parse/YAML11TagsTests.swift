@testable import EdgePlan
import Foundation
import HostileInputs
import Testing
import Yams

/// `YAML11Tags` stands in for Yams' `Resolver.default` (regular expressions): it must give the tag
/// Yams gives for every text, the tricky spellings and the random ones alike.
@Suite struct YAML11TagsTests {
    static func yams(_ text: String) -> Yams.Tag.Name {
        Resolver.default.resolveTag(of: Node(text))
    }

    static let spellings = [
        "", "~", "null", "Null", "NULL", "nULL", "<<", "<", "=", "==",
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "n",
        "0", "-0", "+0", "00", "007", "08", "0o17", "0o8", "0o", "0b", "0b101", "0b102", "0b_1", "0x", "0x1F", "0xfg", "0X1F", "-0x1F", "+0b1",
        "1", "12", "1_000", "1__", "_1", "-12", "+12", "1:20", "1:2", "1:60", "1:59:59", "1:", ":20", "1:200", "190:20:30", "0:20",
        "1.", "1.5", ".5", "._", "._1", ".", "-.5", "+.5", "1e5", "1E5", "1e+5", "1e-5", "1e", "1.5e3", ".5e3", ".5e+3", ".5e-3", "1_0.0_1",
        "1:20.5", "1:20.", "1:20", "-1:20.5", "0:30.", "1.2.3", "1..2", "1e5.5",
        ".inf", ".Inf", ".INF", "-.inf", "+.Inf", ".iNf", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan",
        "2001-12-14", "2001-12-1", "2001-1-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10 -5",
        "2001-12-14\t21:59:43", "2001-12-14  21:59:43.10 Z", "2001-12-14 21:59:43 +05:30", "2001-12-14 21:59:43 +05:3", "2001-12-14 21:59:43 ",
        "2001-12-14 21:59:4", "2001-12-14 1:59:43", "2001-12-14T21:59", "2002-1-1T1:00:00", "20011-12-14", "2001-12-144", "2001-123-14",
        "2001-12-14 21:59:43.Z", "2001-12-14 21:59:43 Z ", "2001-12-14 21:59:43+5",
        "10.0.0.0/16", "eu-west-1", "alb-controller", "m6i.large", "1.30", "1.33", "v1", "1 2", " 1", "1 ",
        "12\n", "12\r\n", "12\r", "yes\u{2028}", "12\u{85}", "12\n\n", "\n", "1\u{0B}", "1\u{0C}",
    ]

    @Test(arguments: spellings)
    func givesYamsTagForATrickySpelling(_ text: String) {
        #expect(YAML11Tags.resolve(text) == Self.yams(text), "\(text.debugDescription)")
    }

    /// Random texts over the characters the rules look at, 20,000 of them (a fixed seed).
    @Test func givesYamsTagForRandomTexts() {
        let alphabet = Array("0123456789_.:+-eExXoObB~nNuUlLyYsStTrRfFaA<= \tZz\n".unicodeScalars)
        var random = SplitMix64(seed: 17)
        var differing: [String] = []
        var tags: Set<String> = []
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12)
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            // Numbers and dates are rare among random letters: every third text is built like one.
            if random.next() % 3 == 0 { text = Self.numberLike(&random) }
            let expected = Self.yams(text)
            tags.insert(expected.rawValue)
            if YAML11Tags.resolve(text) != expected { differing.append(text) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map(\.debugDescription))")
        #expect(tags.count == 7, "the texts reach every tag but merge and value: \(tags.sorted())")
    }

    static func numberLike(_ random: inout SplitMix64) -> String {
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(random.next() % 10)) }) }
        let pieces = ["", "-", "+", "0x", "0o", "0b", ".", ":", "e", "e-", "_", "-", " ", "T", "Z", ":00", "."]
        var text = ""
        for _ in 0..<Int(1 + random.next() % 5) {
            text += pieces[Int(random.next() % UInt64(pieces.count))] + digits(Int(random.next() % 5))
        }
        if random.next() % 5 == 0 { text = "\(digits(4))-\(digits(Int(1 + random.next() % 2)))-\(digits(Int(1 + random.next() % 2)))" + text }
        return text
    }
}
