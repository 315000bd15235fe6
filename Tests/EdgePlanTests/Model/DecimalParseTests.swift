import EdgePlan
import Foundation
import Testing

/// `Decimal(plainText:)`: the one reader of decimal text in price files, offers and designs. It
/// reads the whole text exactly or refuses it; `Decimal(string:)` reads a prefix and rounds.
@Suite struct DecimalParseTests {
    @Test(arguments: [
        ("0", "0"), ("7", "7"), ("0.0225", "0.0225"), ("0.080", "0.08"), ("000.5", "0.5"), ("100", "100"), ("0.0", "0"),
        ("1048576", "1048576"), ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
    ])
    func plainDecimalsReadExactly(_ text: String, _ written: String) throws {
        let d = try #require(Decimal(plainText: text))
        #expect(d.plainString == written)
    }

    @Test(arguments: [
        "1.2.3", "1½", "١٢", "½", "", ".", ".5", "5.", "-1", "+1", "1e3", "1,000", " 1", "1 ", "1_000", "0x10", "nan", "Inf",
        // 41 and 39 significant digits: Decimal(string:) would round them without a word.
        "0.12345678901234567890123456789012345678901", "340282366920938463463374607431768211456",
        // Past Decimal's exponent range.
        "1" + String(repeating: "0", count: 170), "0." + String(repeating: "0", count: 130) + "1",
    ])
    func anythingElseIsRefused(_ text: String) {
        #expect(Decimal(plainText: text) == nil, "\(text)")
    }
}
