import Foundation

/// 9472 → "9,472".
public func grouped<T: BinaryInteger>(_ n: T) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}

/// A decimal with its whole part grouped by thousands, whatever its size: "1,234,567.891".
public func groupedDecimal(_ d: Decimal) -> String {
    let text = d.plainString
    let negative = text.hasPrefix("-")
    let parts = (negative ? String(text.dropFirst()) : text).split(separator: ".", maxSplits: 1)
    let digits = String(parts.first ?? "0")
    var whole = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { whole.append(",") }
        whole.append(c)
    }
    return (negative ? "-" : "") + whole + (parts.count > 1 ? ".\(parts[1])" : "")
}

/// 6432 of 65536 → "9.8%" (one decimal, rounded half up).
public func percent(_ part: UInt64, of whole: UInt64) -> String {
    guard whole > 0 else { return "0%" }
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)%"
}
