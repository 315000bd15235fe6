import EdgePlan
import Foundation
import Testing

/// Numbers as people read them: one grouping rule for whole numbers, decimals and money, and
/// decimals always written exactly ('.', no exponent), whatever the locale.
@Suite struct FormattingTests {
    @Test func wholeNumbersDecimalsAndMoneyGroupAlike() {
        #expect(grouped(0) == "0" && grouped(999) == "999" && grouped(1_000) == "1,000" && grouped(-1_234_567) == "-1,234,567")
        #expect(grouped(UInt64.max) == "18,446,744,073,709,551,615")
        #expect(groupedDecimal(Decimal(string: "1234567.891")!) == "1,234,567.891")
        #expect(groupedDecimal(Decimal(string: "-0.5")!) == "-0.5")
        // Beyond any integer type: grouped all the same.
        #expect(groupedDecimal(Decimal(string: "123456789012345678901234")!) == "123,456,789,012,345,678,901,234")
        #expect(amountText(Decimal(string: "1234.5")!) == "1,234.50")
        #expect(amountText(Decimal(string: "0.005")!) == "0.01", "half away from zero")
        #expect(money(Decimal(string: "-1234.567")!) == "-$1,234.57")
        #expect(money(12) == "$12.00")
    }

    @Test func decimalsAreWrittenExactlyAndRoundedPlainly() {
        #expect(Decimal(string: "0.0225")!.plainString == "0.0225")
        #expect(Decimal(string: "1e20")!.plainString == "100000000000000000000")
        #expect(Decimal(string: "2.5")!.rounded(0) == 3 && Decimal(string: "-2.5")!.rounded(0) == -3)
        #expect(Decimal(string: "123.4")!.fixedString(2) == "123.40" && Decimal(7).fixedString(0) == "7")
        #expect(Decimal(string: "1.0001")!.roundedUp == 2 && Decimal(3).roundedUp == 3)
    }

    /// The byte-wise grouping gives what the Character-wise one before it gave, on the texts it is
    /// given (`plainString` of decimals, integers), signs and long fractions included.
    @Test func groupingMatchesTheCharacterWiseDefinition() {
        func oracle(_ text: String) -> String {
            let negative = text.hasPrefix("-")
            let parts = (negative ? text.dropFirst() : Substring(text)).split(separator: ".", maxSplits: 1)
            let digits = parts.first ?? "0"
            var whole = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { whole.append(",") }
                whole.append(c)
            }
            return (negative ? "-" : "") + whole + (parts.count > 1 ? ".\(parts[1])" : "")
        }
        var state: UInt64 = 42
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = Decimal(Int(truncatingIfNeeded: state >> 20) % 1_000_000_000_000)
            let d = (state & 1 == 0 ? whole : -whole) / Decimal(Int(state >> 50 & 1023) + 1)
            #expect(groupedDecimal(d) == oracle(d.plainString), "\(d)")
            #expect(grouped(Int(truncatingIfNeeded: state)) == oracle(String(Int(truncatingIfNeeded: state))))
        }
    }
}
