import EdgePlanCore
import Foundation
import HostileInputs
import Testing

/// `plainString` and `Decimal(plainText:)` work without a locale (a locale loads ICU's data); they
/// must give what the locale-based calls they replace give: `NSDecimalString` with the POSIX
/// locale, and `Decimal(string:locale:)` followed by the round-trip check.
@Suite struct DecimalTextTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    static func written(_ d: Decimal) -> String {
        var copy = d
        return NSDecimalString(&copy, posix)
    }

    /// The parse as it was: Foundation reads the normalized text, and only an exact round trip counts.
    static func oracle(_ text: String) -> Decimal? {
        guard text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 }), text.utf8.filter({ $0 == 46 }).count <= 1,
              let first = text.utf8.first, first != 46, text.utf8.last != 46 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = parts[0].drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        let fraction = parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        let normalized = whole + (fraction.isEmpty ? "" : "." + fraction)
        guard normalized.utf8.count <= 200, let v = Decimal(string: String(normalized), locale: posix), !v.isNaN, written(v) == normalized else { return nil }
        return v
    }

    static func digits(_ n: Int, _ random: inout SplitMix64) -> String {
        String((0..<n).map { _ in Character(String(random.next() % 10)) })
    }

    @Test func plainStringWritesWhatNSDecimalStringWrites() {
        var random = SplitMix64(seed: 38)
        var values: [Decimal] = [0, 1, -1, .nan, Decimal(sign: .plus, exponent: -2, significand: 150), Decimal(sign: .minus, exponent: 3, significand: 12),
                                 Decimal(string: "0.0000001")!, Decimal(string: "99999999999999999999999999999999999999")!]
        for _ in 0..<3000 {
            let a = Decimal(string: Self.digits(Int(random.next() % 20) + 1, &random) + "." + Self.digits(Int(random.next() % 12), &random))!
            let b = Decimal(Int(random.next() % 100_000) + 1) / Decimal(Int(random.next() % 997) + 1)
            let e = Int(random.next() % 60) - 30
            values += [a, b, a * b, a - b, b - a, a / b, Decimal(sign: .plus, exponent: e, significand: a), a.rounded(2), (a / 3).rounded(Int(random.next() % 8))]
        }
        for v in values { #expect(v.plainString == Self.written(v), "\(Self.written(v))") }
    }

    @Test func plainTextReadsWhatFoundationReads() {
        var random = SplitMix64(seed: 39)
        var texts = ["0", "00", "0.0", "0.05", "1", "10", "1.50", "000123.4500", String(repeating: "9", count: 38), String(repeating: "9", count: 39),
                     "1" + String(repeating: "0", count: 60), "0." + String(repeating: "0", count: 120) + "1", "12345678901234567890.123456789012345678"]
        for _ in 0..<4000 {
            let whole = Self.digits(Int(random.next() % 42) + 1, &random)
            let fraction = Self.digits(Int(random.next() % 24), &random)
            texts.append(fraction.isEmpty || random.next() % 4 == 0 ? whole : whole + "." + fraction)
            texts.append("0." + String(repeating: "0", count: Int(random.next() % 130)) + Self.digits(Int(random.next() % 5) + 1, &random))
        }
        for text in texts {
            let ours = Decimal(plainText: text), theirs = Self.oracle(text)
            #expect(ours == theirs, "\(text)")
            if let ours, let theirs { #expect(ours.plainString == Self.written(theirs), "\(text)") }
        }
    }
}
