import Foundation

/// 9472 → "9,472".
public func grouped<T: BinaryInteger>(_ n: T) -> String {
    groupedNumberText(String(n))
}

/// A decimal with its whole part grouped by thousands, whatever its size: "1,234,567.891".
public func groupedDecimal(_ d: Decimal) -> String {
    groupedNumberText(d.plainString)
}

/// A number's plain text ("-1234567.891", "9472") with its whole part grouped by thousands: the
/// one grouping loop behind `grouped`, `groupedDecimal` and `amountText`.
func groupedNumberText(_ text: String) -> String {
    // In bytes: a number's text is ASCII (Character counting made this quadratic in the digits).
    let bytes = Array(text.utf8)
    let negative = bytes.first == UInt8(ascii: "-")
    let body = negative ? bytes[1...] : bytes[...]
    let point = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
    var digits = body[..<point]
    if digits.isEmpty { digits = [UInt8(ascii: "0")][...] }
    var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    out.reserveCapacity(bytes.count + digits.count / 3 + 2)
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
        out.append(d)
    }
    out += body[point...]
    return String(decoding: out, as: UTF8.self)
}

/// 6432 of 65536 → "9.8%" (one decimal, rounded half up).
public func percent(_ part: UInt64, of whole: UInt64) -> String {
    guard whole > 0 else { return "0%" }
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)%"
}

extension Decimal {
    /// The decimal in plain notation with '.' (no exponent, no grouping), whatever the locale:
    /// every digit of the significand, as `NSDecimalString` writes it ("1.50" stays "1.50").
    /// `description` writes the same digits without a locale: building one loads ICU's data, a
    /// tenth of a whole `plan --out` (`DecimalTextTests` holds the two to the same text).
    public var plainString: String { description }

    /// The POSIX locale, for the few texts read with `Decimal(string:locale:)`.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Rounded to `places` decimals and written with exactly that many ("123.40", "-0.50").
    public func fixedString(_ places: Int) -> String {
        let text = rounded(places).plainString
        guard places > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction.prefix(places))\(String(repeating: "0", count: max(0, places - fraction.count)))"
    }

    /// Rounded half away from zero ("plain") to `scale` decimal places.
    public func rounded(_ scale: Int) -> Decimal {
        rounded(scale, .plain)
    }

    /// Rounded up to a whole number: metering steps, traffic levels.
    public var roundedUp: Decimal {
        rounded(0, .up)
    }

    private func rounded(_ scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, mode)
        return result
    }
}
