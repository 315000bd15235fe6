import EdgePlanCore
import Foundation

/// How an option's CloudFront is priced (a flat-rate plan or pay-as-you-go), as text: the same
/// sentences in `edgeplan cost`, the plan summary and the report.
enum CloudFrontPlanText {
    /// "Business, $200.00 a month", or "pay-as-you-go".
    static func short(_ c: CloudFrontPlanChoice) -> String {
        c.chosenPlan.map { "CloudFront \($0.name) flat-rate plan, \(money($0.fee)) a month, instead of \(money(c.payAsYouGo)) pay-as-you-go" }
            ?? "CloudFront pay-as-you-go"
    }

    /// "requests: 100,000,000 of 125,000,000 (80%)", one per allowance.
    static func allowances(_ c: CloudFrontPlanChoice) -> [String] {
        c.allowances.map { a in
            let share = a.allowed > 0 ? " (\((a.used * 100 / a.allowed).rounded(0).plainString)%)" : ""
            return "\(a.what): \(groupedDecimal(a.used.rounded(2))) of \(groupedDecimal(a.allowed))\(share)"
        }
    }

    /// "the plan's allowances hold up to 39,321.6 GB out a month (the request allowance runs out first)".
    static func outgrown(_ c: CloudFrontPlanChoice) -> String? {
        guard let at = c.outgrownAboveDataOutGB, let by = c.outgrownBy, let fit = c.cheapestFit,
              let name = c.candidates.first(where: { $0.item == fit })?.name else { return nil }
        return "\(name)'s allowances hold up to \(groupedDecimal(at.rounded(1))) GB out a month (\(by) runs out first); above that edgeplan prices a bigger plan or pay-as-you-go"
    }

    /// The details under the summary: allowances, growth, what the plan includes and does not allow.
    static func details(_ c: CloudFrontPlanChoice) -> [(label: String, text: String)] {
        guard c.cheapestFit != nil else { return [] }
        var out: [(String, String)] = [("allowances", allowances(c).joined(separator: ", "))]
        if let o = outgrown(c) { out.append(("limit", o)) }
        out.append(("includes", c.includesText.joined(separator: "; ")))
        out.append(("does not allow", c.notAllowedText.joined(separator: "; ")))
        if c.chosen != nil, !c.conditions.isEmpty { out.append(("conditions", c.conditions.joined(separator: "; "))) }
        return out
    }
}
