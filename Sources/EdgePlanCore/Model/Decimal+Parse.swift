import Foundation

extension Decimal {
    /// The number a plain decimal text spells, exactly, or nil: ASCII digits with at most one '.'
    /// between digits (`^[0-9]+(\.[0-9]+)?$`; no sign, exponent, grouping or spaces), as price files
    /// write prices, tier bounds and dimensions.
    ///
    /// `Decimal(string:)` reads the longest prefix it understands ("1.2.3" → 1.2, "1½" → 1) and
    /// rounds past 38 significant digits without a word; this reads the whole text or nothing, and
    /// refuses a number `Decimal` cannot hold exactly: the value read, written back with
    /// `plainString`, must be the text itself (leading zeros and trailing fractional zeros aside).
    public init?(plainText text: some StringProtocol) {
        let bytes = Array(text.utf8)
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.count)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.allSatisfy(digit.contains),
              point == nil || !fraction.isEmpty, fraction.allSatisfy(digit.contains)
        else { return nil }
        // The shortest text for the same number: what plainString writes.
        var wholeDigits = whole.drop { $0 == UInt8(ascii: "0") }
        if wholeDigits.isEmpty { wholeDigits = [UInt8(ascii: "0")] }
        let fractionDigits = fraction.reversed().drop { $0 == UInt8(ascii: "0") }.reversed()
        let normalized = String(decoding: wholeDigits, as: UTF8.self)
            + (fractionDigits.isEmpty ? "" : "." + String(decoding: fractionDigits, as: UTF8.self))
        // Longer than any Decimal can be written: refuse before asking Foundation.
        guard normalized.utf8.count <= 200,
              let value = Self.exactly(whole: wholeDigits, fraction: fractionDigits) ?? Decimal(string: normalized, locale: Decimal.posix),
              !value.isNaN, value.plainString == normalized
        else { return nil }
        self = value
    }

    /// The number of up to 38 significant digits, built from its digits (no locale, so no ICU):
    /// the significand without trailing zeros (the compact form `Decimal(string:)` gives), times
    /// a power of ten. Nil for more digits, which `Decimal(string:)` reads (or rounds, and the
    /// caller refuses).
    private static func exactly(whole: some Collection<UInt8>, fraction: some Collection<UInt8>) -> Decimal? {
        var digits = Array(whole) + fraction
        var exponent = -fraction.count
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        // Leading zeros ("0.05" → "005") are no digits of the significand.
        digits = Array(digits.drop { $0 == UInt8(ascii: "0") })
        if digits.isEmpty { return Decimal(0) }
        guard digits.count <= 38, exponent >= -128, exponent <= 127 else { return nil }
        // At most 19 digits in each half: both fit a UInt64, and the sum is exact in a Decimal.
        func number(_ part: ArraySlice<UInt8>) -> UInt64 { part.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) } }
        let split = max(0, digits.count - 19)
        var significand = Decimal(number(digits[split...]))
        if split > 0 { significand += Decimal(number(digits[..<split])) * Decimal(sign: .plus, exponent: 19, significand: 1) }
        return Decimal(sign: .plus, exponent: exponent, significand: significand)
    }
}
