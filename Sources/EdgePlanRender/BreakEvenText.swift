import EdgePlanCore
import Foundation

/// The break-even points as text, for the plan summary and `edgeplan cost`.
enum BreakEvenText {
    static func render(_ points: [BreakEven]) -> String {
        var out = "Break-even (monthly data out, 1 GB to 5 PB; requests and connections scale with it):\n"
        guard !points.isEmpty else { return out + "  none: no two options change places\n" }
        for b in points {
            out += "  at \(gigabytes(b.dataOutGB)): \(b.cheaperBelow) is cheaper below, \(b.cheaperAbove) above\n"
        }
        return out
    }

    /// "4,567 GB", "478.2 GB", "0.15 GB", "1,234,000 GB": the break-even as found (four significant
    /// digits), the same in the text output, the Markdown report and the cost chart.
    static func gigabytes(_ d: Decimal) -> String { "\(groupedDecimal(d)) GB" }
}
