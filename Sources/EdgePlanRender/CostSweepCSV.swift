import EdgePlanCore
import Foundation

/// The traffic sweep as CSV for charts (`edgeplan cost --sweep`): one row per point, monthly data
/// out in GB then each option's monthly total in the plan's currency, rounded to the cent.
public struct CostSweepCSV: Sendable {
    public init() {}

    public func render(_ sweep: CostSweep) -> String {
        guard let first = sweep.points.first else { return "" }
        var out = (["dataOutGB"] + first.totals.map { field($0.option) }).joined(separator: ",") + "\n"
        for p in sweep.points {
            out += ([p.dataOutGB.plainString] + p.totals.map { $0.total.fixedString(2) }).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Option ids are kebab-case, but quote anything CSV would misread.
    private func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
