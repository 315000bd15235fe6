import EdgePlanCore
import Foundation

/// The report's first screen as a decision record: which option, why (what it wins on and by how
/// much, what it trades away), the risks it accepts and the assumptions the numbers rest on. Read
/// from the plan only; each sentence is plain text (the caller escapes it) or Markdown built
/// from escaped parts, as its name says.
struct DecisionRecord {
    let plan: Plan
    let ranked: [PlannedOption]
    let byCost: Bool

    init?(_ plan: Plan) {
        guard let r = plan.recommendation else { return nil }
        self.plan = plan
        ranked = r.ranking.compactMap { id in plan.options.first { $0.id == id } }
        guard !ranked.isEmpty else { return nil }
        byCost = MonthlyCost.comparable(plan.options.map(\.monthlyCost)) && plan.options.allSatisfy { $0.monthlyCost != nil }
    }

    var best: PlannedOption { ranked[0] }
    var runnerUp: PlannedOption? { ranked.count > 1 ? ranked[1] : nil }

    // MARK: - Why

    /// Sentences, Markdown: needs, critical caveats, what decides against the next option, the
    /// margin's sensitivity, and what the choice trades away.
    var why: [String] {
        var out = [needsSentence]
        out.append(criticalSentence)
        if let next = runnerUp { out += against(next) }
        out += tradeOffs
        return out
    }

    private var stated: [Need] { best.meets.map(\.need) }

    private var needsSentence: String {
        let names = stated.map(needName)
        guard !names.isEmpty else {
            return "The design states no needs, so the options rank by critical caveats, then cost, then warnings."
        }
        let short = ranked.dropFirst().filter { !$0.unmetNeeds.isEmpty }
        let others = short.isEmpty ? (ranked.count > 1 ? "; so does every other option" : "")
            : "; " + short.map { "\(esc($0.id)) lacks \(list($0.unmetNeeds.map { needName($0.need) }))" }.joined(separator: ", ")
        if best.unmetNeeds.isEmpty {
            return "It meets \(names.count == 1 ? "the stated need" : names.count == 2 ? "both stated needs" : "all \(names.count) stated needs") (\(list(names)))\(others)."
        }
        let met = best.meets.filter(\.met).map { needName($0.need) }
        return "No option meets every stated need; it meets the most (\(met.isEmpty ? "none" : list(met))) and lacks \(list(best.unmetNeeds.map { needName($0.need) }))\(others)."
    }

    private var criticalSentence: String {
        let critical = best.caveats(.critical)
        if critical.isEmpty { return "It carries no critical caveat." }
        let ids = list(critical.map { "`\($0.id)`" })
        let clean = ranked.filter { $0.caveats(.critical).count < critical.count }
        let others = clean.isEmpty ? (ranked.count > 1 ? ", as every option here does" : "")
            : "; the options with fewer (\(clean.map { esc($0.id) }.joined(separator: ", "))) meet fewer needs"
        return "It carries the critical caveat\(critical.count == 1 ? "" : "s") \(ids)\(others)."
    }

    /// What sets `next` behind, with the costs side by side and how much they differ.
    private func against(_ next: PlannedOption) -> [String] {
        let n = esc(next.id)
        let a = best.monthlyCost?.total, b = next.monthlyCost?.total
        let costs: String? = byCost ? a.flatMap { a in b.map { b in compare(a, b, next: n) } } : nil
        if next.unmetNeeds.count > best.unmetNeeds.count {
            return ["The next, \(n), lacks \(list(next.unmetNeeds.map { needName($0.need) }))" + (costs.map { "; \($0)" } ?? "") + "."]
        }
        if next.caveats(.critical).count > best.caveats(.critical).count {
            return ["The next, \(n), carries the critical caveat\(next.caveats(.critical).count == 1 ? "" : "s") \(list(next.caveats(.critical).map { "`\($0.id)`" }))" + (costs.map { "; \($0)" } ?? "") + "."]
        }
        if byCost, let a, let b, a < b {
            var out = ["It wins on cost: \(money(a)) a month, \(money(b - a)) (\(share(b - a, of: b))) less than the next, \(n) (\(money(b)))."]
            if (b - a) * 20 < b { out.append(sensitivity(next, margin: b - a, of: b)) }
            return out
        }
        if next.caveats(.warning).count > best.caveats(.warning).count {
            let extra = Set(next.caveats(.warning).map(\.id)).subtracting(best.caveats(.warning).map(\.id)).sorted()
            return ["It ties with the next, \(n), on needs, critical caveats\(byCost ? " and cost (\(money(a ?? 0)))" : ""), and wins on warnings: \(best.caveats(.warning).count) against \(next.caveats(.warning).count)"
                + (extra.isEmpty ? "." : " (\(n) adds \(list(extra.map { "`\($0)`" }))).")]
        }
        return tie(next)
    }

    /// "it costs $X a month, $D (P%) more than next's $Y" or "less".
    private func compare(_ a: Decimal, _ b: Decimal, next: String) -> String {
        if a == b { return "both cost \(money(a)) a month" }
        let d = a > b ? a - b : b - a
        return "it costs \(money(a)) a month, \(money(d)) (\(share(d, of: b))) \(a > b ? "more" : "less") than \(next)'s \(money(b))"
    }

    /// A margin under 5%: how near the nearest break-even between the two lies.
    private func sensitivity(_ next: PlannedOption, margin: Decimal, of whole: Decimal) -> String {
        let pair: Set<String> = [best.id, next.id]
        let traffic = plan.pricing?.traffic?.dataOutGB
        let crossings = plan.breakEven.filter { Set([$0.cheaperBelow, $0.cheaperAbove]) == pair }
        let near = traffic.flatMap { t in crossings.min { abs($0.dataOutGB - t) < abs($1.dataOutGB - t) } }
        let lead = "The margin is small (under 5%): a change in a price can reverse it"
        guard plan.costSweep != nil else { return lead + "." }
        guard let near, let t = traffic else { return lead + ", though no traffic level edgeplan compares (1 GB to 5 PB of data out a month) does." }
        return lead + "; and at \(BreakEvenText.gigabytes(near.dataOutGB)) of data out a month (the design states \(BreakEvenText.gigabytes(t))) their costs cross: \(esc(next.id)) is the cheaper \(near.dataOutGB < t ? "below" : "above") it."
    }

    /// The options tie on every measure: say so, and what would break the tie.
    private func tie(_ next: PlannedOption) -> [String] {
        let n = esc(next.id)
        let cost = byCost ? ", cost (\(money(best.monthlyCost?.total ?? 0)) a month)" : ""
        var out = ["It ties with the next, \(n), on needs, critical caveats\(cost) and warnings: it comes first only because the design lists it first."]
        var breakers: [String] = []
        let mine = Set(best.caveats.map(\.id)), theirs = Set(next.caveats.map(\.id))
        let onlyMine = mine.subtracting(theirs).sorted(), onlyTheirs = theirs.subtracting(mine).sorted()
        if !onlyMine.isEmpty || !onlyTheirs.isEmpty {
            var parts: [String] = []
            if !onlyMine.isEmpty { parts.append("only it has \(list(onlyMine.map { "`\($0)`" }))") }
            if !onlyTheirs.isEmpty { parts.append("only \(n) has \(list(onlyTheirs.map { "`\($0)`" }))") }
            breakers.append("their different caveats (\(parts.joined(separator: "; ")))")
        }
        if !byCost, best.monthlyCost != nil || next.monthlyCost != nil {
            breakers.append("sourced prices for the items their totals lack, so that the totals compare")
        }
        let pair: Set<String> = [best.id, next.id]
        if let crossing = plan.breakEven.first(where: { Set([$0.cheaperBelow, $0.cheaperAbove]) == pair }) {
            breakers.append("the expected traffic: at \(BreakEvenText.gigabytes(crossing.dataOutGB)) of data out a month their costs cross")
        }
        if breakers.isEmpty { breakers.append("a need the design does not state yet, or the team's familiarity with either") }
        out.append("What would break the tie: \(breakers.joined(separator: "; ")).")
        return out
    }

    /// What the choice gives up: cheaper options and options with fewer warnings, and why they lose.
    private var tradeOffs: [String] {
        var out: [String] = []
        if byCost, let mine = best.monthlyCost?.total,
           let cheapest = ranked.dropFirst().compactMap({ o in o.monthlyCost.map { (o, $0.total) } }).min(by: { $0.1 < $1.1 }), cheapest.1 < mine {
            let (o, total) = cheapest
            out.append("It trades away cost: \(esc(o.id)) would save \(money(mine - total)) a month (\(share(mine - total, of: mine)) of \(money(mine))) but \(loses(o)).")
        }
        let warnings = best.caveats(.warning).count
        if let fewer = ranked.dropFirst().filter({ $0.caveats(.warning).count < warnings }).min(by: { $0.caveats(.warning).count < $1.caveats(.warning).count }) {
            out.append("It accepts more warnings than \(esc(fewer.id)) (\(warnings) against \(fewer.caveats(.warning).count)), which \(loses(fewer)).")
        }
        if out.isEmpty, ranked.count > 1 {
            out.append("It trades nothing away on these measures: no other option is cheaper or has fewer warnings.")
        }
        return out
    }

    /// Why an option ranked below the best loses to it, in a clause.
    private func loses(_ o: PlannedOption) -> String {
        if o.unmetNeeds.count > best.unmetNeeds.count { return "lacks \(list(o.unmetNeeds.map { needName($0.need) }))" }
        if o.caveats(.critical).count > best.caveats(.critical).count {
            return "carries the critical caveat\(o.caveats(.critical).count == 1 ? "" : "s") \(list(o.caveats(.critical).map { "`\($0.id)`" }))"
        }
        if byCost, let a = best.monthlyCost?.total, let b = o.monthlyCost?.total, b > a { return "costs \(money(b - a)) more a month" }
        return "ranks below it"
    }

    // MARK: - Risks accepted

    /// The best option's critical and warning caveats, one line each (Markdown, with a link to the
    /// caveat's text in the appendix), and its refusals.
    var risks: [String] {
        var out = best.refusals.map { "**not emitted as designed:** \(esc($0.message))" }
        out += best.caveats.filter { $0.severity != .info }.map { c in
            "**\(c.severity.rawValue)** [\(code(c.id))](#\(MarkdownReport.slug(c.id))): \(esc(c.title))."
        }
        return out
    }

    // MARK: - Assumptions

    /// Traffic, hours, cache hits, prices (date and evidence) and what the totals leave out: list
    /// items, Markdown.
    var assumptions: [String] {
        var out: [String] = []
        if let t = plan.pricing?.traffic {
            let defaulted = t.defaulted.isEmpty ? "" : " \(list(t.defaulted.map { "`\($0)`" })) take\(t.defaulted.count == 1 ? "s" : "") the README's default\(t.defaulted.count == 1 ? "" : "s")."
            out.append("**Traffic:** \(groupedDecimal(t.dataOutGB.rounded(2))) GB out, \(groupedDecimal(t.dataInGB.rounded(2))) GB in and \(groupedDecimal(t.requests.rounded(0))) requests a month, spread evenly over \(t.hoursPerMonth.plainString) hours a month (traffic with peaks costs more, never less).\(defaulted)")
        }
        let cloudFront = plan.options.contains { !$0.topology.components(of: .cloudFront).isEmpty }
        if plan.design.requirements.caching == true {
            out.append("**Cache hit ratio:** priced at 0% although the design needs caching: every request and byte is priced as reaching the origin, so the load balancer and origin lines behind CloudFront are upper bounds.")
        } else if cloudFront {
            out.append("**Cache hit ratio:** 0%: every request behind CloudFront is priced as reaching the origin.")
        }
        if let p = plan.pricing {
            let reads = p.sources.compactMap(\.source.read).sorted()
            let when = reads.first.map { first in first == reads.last ? " read \(first)" : " read \(first) to \(reads.last ?? first)" } ?? ""
            var kinds: [String: Int] = [:]
            for s in p.sources { kinds[s.source.kind ?? "", default: 0] += 1 }
            let words = ["price-list": "from the AWS Price List", "aws-page": "from AWS pages", "secondary": "secondary (third-party quotes)"]
            let evidence = ["price-list", "aws-page", "secondary"].compactMap { k in kinds[k].map { "\($0) \(words[k] ?? k)" } }
                + kinds.keys.filter { words[$0] == nil }.sorted().map { "\(kinds[$0] ?? 0) of kind \($0.isEmpty ? "unstated" : code($0))" }
            let evidenceText = list(evidence)
            let secondary = best.monthlyCost.map { $0.secondaryItems } ?? []
            let weak = secondary.isEmpty ? "" : "; \(esc(best.id))'s total rests in part on \(secondary.count) secondary price\(secondary.count == 1 ? "" : "s"), marked in its cost table"
            out.append("**Prices:** \(code(p.file)), USD on-demand list prices\(when), \(p.freeTier ? "less the account's free allowances (`--free-tier`)" : "no free tiers"); of the \(p.sources.count) prices used, \(evidenceText) ([Price sources](#price-sources))\(weak).")
        } else {
            out.append("**Prices:** none; the options are not compared by cost (see [Cost by traffic](#cost-by-traffic)).")
        }
        var excluded: [String] = []
        if let shared = best.monthlyCost?.shared, !shared.isEmpty {
            let total = shared.reduce(Decimal(0)) { $0 + $1.amount }
            excluded.append("the EKS control plane (\(money(total)) a month, the same for every option)")
        } else {
            excluded.append("the EKS control plane")
        }
        excluded.append("the cluster's nodes (up to \(grouped(plan.capacity.requestedNodes)) \(esc(plan.nodes.instanceType.name)))")
        if plan.vpc.natGateways != .none { excluded.append("NAT gateways") }
        if let unpriced = best.monthlyCost?.unpricedItems, !unpriced.isEmpty {
            excluded.append("items without a sourced price (\(unpriced.map { code($0) }.joined(separator: ", ")))")
        }
        out.append("**Not in the totals:** \(list(excluded)).")
        return out
    }

    // MARK: - Helpers

    private func esc(_ s: String) -> String { Markdown.text(s) }
    private func code(_ s: String) -> String { Markdown.code(s) }
}

/// "a", "a and b", "a, b and c".
func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

/// "17.2%": `part` as a share of `whole`, one decimal.
func share(_ part: Decimal, of whole: Decimal) -> String {
    guard whole != 0 else { return "–" }
    return (part / whole * 100).fixedString(1) + "%"
}

func needName(_ need: Need) -> String {
    switch need {
    case .waf: return "WAF"
    case .apiKeys: return "API keys"
    case .caching: return "caching"
    case .privateOrigin: return "private origin"
    case .staticIps: return "static IPs"
    }
}
