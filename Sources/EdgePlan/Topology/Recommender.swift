import EdgePlanCore
import Foundation

/// Ranks the options: fewest unmet needs first, then fewest critical caveats, then lowest monthly
/// cost (when priced, and only when every option lacks the same prices: totals that leave out
/// different items do not compare), then fewest warnings, then the design's order; and says why
/// the first one wins, in two sentences.
public struct Recommender: Sendable {
    public init() {}

    public func recommend(_ options: [PlannedOption]) -> Recommendation? {
        guard !options.isEmpty else { return nil }
        let byCost = MonthlyCost.comparable(options.map(\.monthlyCost))
        let indexed = Array(options.enumerated())
        let ranked = indexed.sorted { a, b in
            let ka = key(a.element, byCost), kb = key(b.element, byCost)
            if ka.unmet != kb.unmet { return ka.unmet < kb.unmet }
            if ka.critical != kb.critical { return ka.critical < kb.critical }
            if let ca = ka.cost, let cb = kb.cost, ca != cb { return ca < cb }
            if ka.warnings != kb.warnings { return ka.warnings < kb.warnings }
            return a.offset < b.offset
        }.map(\.element)
        let best = ranked[0]
        return Recommendation(option: best.id, why: why(best, ranked, byCost), ranking: ranked.map(\.id))
    }

    private func key(_ o: PlannedOption, _ byCost: Bool) -> (unmet: Int, critical: Int, cost: Decimal?, warnings: Int) {
        (o.unmetNeeds.count, o.caveats(.critical).count, byCost ? o.monthlyCost?.total : nil, o.caveats(.warning).count)
    }

    private func why(_ best: PlannedOption, _ ranked: [PlannedOption], _ byCost: Bool) -> String {
        let needs = best.meets.map(\.need.rawValue)
        var first: String
        if needs.isEmpty {
            first = "\(best.id) is the strongest of the \(ranked.count) options compared"
        } else if best.unmetNeeds.isEmpty {
            first = "\(best.id) meets every stated need (\(needs.joined(separator: ", ")))"
        } else {
            let met = best.meets.filter(\.met).map(\.need.rawValue)
            first = "No option meets every stated need; \(best.id) meets the most (\(met.isEmpty ? "none" : met.joined(separator: ", ")); not \(best.unmetNeeds.map(\.need.rawValue).joined(separator: ", ")))"
        }
        let critical = best.caveats(.critical).map(\.id)
        if critical.isEmpty {
            first += " with no critical caveat."
        } else {
            let clean = ranked.filter { $0.caveats(.critical).isEmpty }
            let others = clean.isEmpty ? "every option here has one" : "the options without one (\(clean.map(\.id).joined(separator: ", "))) meet fewer needs"
            first += " but carries the critical caveat\(critical.count == 1 ? "" : "s") \(critical.joined(separator: ", ")); \(others)."
        }
        guard ranked.count > 1 else { return first }
        return "\(first) \(whyNotNext(best, ranked[1], byCost))"
    }

    /// The second sentence: what sets the runner-up behind. (A function of its own, returning from
    /// each branch: Swift 6.3's release optimizer crashed on the same code with a `var` assigned in
    /// every branch, in CopyPropagation.)
    private func whyNotNext(_ best: PlannedOption, _ runnerUp: PlannedOption, _ byCost: Bool) -> String {
        let kb = key(best, byCost)
        let kr = key(runnerUp, byCost)
        if kr.unmet > kb.unmet {
            return "The next, \(runnerUp.id), falls short on \(runnerUp.unmetNeeds.map(\.need.rawValue).joined(separator: ", "))."
        }
        if kr.critical > kb.critical {
            let c = runnerUp.caveats(.critical).map(\.id)
            return "The next, \(runnerUp.id), has the critical caveat \(c.joined(separator: ", "))."
        }
        if let cb = kb.cost, let cr = kr.cost, cr > cb {
            let more = best.monthlyCost?.unpriced.isEmpty == false ? " before the same unpriced items" : ""
            let plan = best.monthlyCost?.cloudFrontPlan?.chosenPlan.map { " with CloudFront on the \($0.name) flat-rate plan" } ?? ""
            return "It costs \(money(cb)) a month\(more)\(plan), \(money(cr - cb)) less than the next, \(runnerUp.id)."
        }
        if kr.warnings > kb.warnings {
            let extra = Set(runnerUp.caveats(.warning).map(\.id)).subtracting(best.caveats(.warning).map(\.id)).sorted()
            return "The next, \(runnerUp.id), matches it but adds the warning\(extra.count == 1 ? "" : "s") \(extra.joined(separator: ", "))."
        }
        if !byCost, let a = best.monthlyCost, let b = runnerUp.monthlyCost, a.total != b.total {
            func lacks(_ id: String, _ c: MonthlyCost) -> String {
                "\(id) \(c.unpricedItems.isEmpty ? "is fully priced" : "lacks \(c.unpricedItems.joined(separator: ", "))")"
            }
            return "edgeplan cannot rank \(best.id) and the next, \(runnerUp.id), by cost: their totals leave out different unpriced items (\(lacks(best.id, a)); \(lacks(runnerUp.id, b))); it keeps the design's order."
        }
        return "\(runnerUp.id) ties with it; edgeplan keeps the design's order."
    }
}
