import EdgePlanCore
import Foundation

/// Ranks the options: fewest unmet needs first, then fewest critical caveats, then lowest monthly
/// cost (when priced), then fewest warnings, then the design's order; and says why the first one wins, in two sentences.
public struct Recommender: Sendable {
    public init() {}

    public func recommend(_ options: [PlannedOption]) -> Recommendation? {
        guard !options.isEmpty else { return nil }
        let indexed = Array(options.enumerated())
        let ranked = indexed.sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            if ka.unmet != kb.unmet { return ka.unmet < kb.unmet }
            if ka.critical != kb.critical { return ka.critical < kb.critical }
            if let ca = ka.cost, let cb = kb.cost, ca != cb { return ca < cb }
            if ka.warnings != kb.warnings { return ka.warnings < kb.warnings }
            return a.offset < b.offset
        }.map(\.element)
        let best = ranked[0]
        return Recommendation(option: best.id, why: why(best, ranked), ranking: ranked.map(\.id))
    }

    private func key(_ o: PlannedOption) -> (unmet: Int, critical: Int, cost: Decimal?, warnings: Int) {
        (o.unmetNeeds.count, o.caveats(.critical).count, o.monthlyCost?.total, o.caveats(.warning).count)
    }

    private func why(_ best: PlannedOption, _ ranked: [PlannedOption]) -> String {
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
        return "\(first) \(whyNotNext(best, ranked[1]))"
    }

    /// The second sentence: what sets the runner-up behind. (A function of its own, returning from
    /// each branch: Swift 6.3's release optimizer crashed on the same code with a `var` assigned in
    /// every branch, in CopyPropagation.)
    private func whyNotNext(_ best: PlannedOption, _ runnerUp: PlannedOption) -> String {
        let kb = key(best)
        let kr = key(runnerUp)
        if kr.unmet > kb.unmet {
            return "The next, \(runnerUp.id), falls short on \(runnerUp.unmetNeeds.map(\.need.rawValue).joined(separator: ", "))."
        }
        if kr.critical > kb.critical {
            let c = runnerUp.caveats(.critical).map(\.id)
            return "The next, \(runnerUp.id), has the critical caveat \(c.joined(separator: ", "))."
        }
        if let cb = kb.cost, let cr = kr.cost, cr > cb {
            return "It costs \(money(cb)) a month, \(money(cr - cb)) less than the next, \(runnerUp.id)."
        }
        if kr.warnings > kb.warnings {
            let extra = Set(runnerUp.caveats(.warning).map(\.id)).subtracting(best.caveats(.warning).map(\.id)).sorted()
            return "The next, \(runnerUp.id), matches it but adds the warning\(extra.count == 1 ? "" : "s") \(extra.joined(separator: ", "))."
        }
        return "\(runnerUp.id) ties with it; edgeplan keeps the design's order."
    }
}
