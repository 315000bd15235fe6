import EdgePlanCore
import Foundation

/// CloudFront flat-rate pricing plans: one monthly fee per distribution, with request and data
/// allowances and no overage charges, covering the distribution and the AWS WAF web ACL on it (its
/// rules and requests) among other things (Amazon CloudFront Developer Guide, "CloudFront flat-rate
/// pricing plans"). The plans, their fees, allowances, WAF rule limits and features are the price
/// file's `cloudfront.flat-rate.*` entries; none is a constant here.
///
/// An option with one CloudFront distribution is priced both ways: pay-as-you-go (the lines of the
/// distribution, its VPC origin and a web ACL on it) and the cheapest plan that holds the option,
/// and the cheaper wins (a tie stays pay-as-you-go). A plan holds it when:
/// - the month's requests are at most its request allowance;
/// - the month's data out **and** data to the origin are at most its data allowance (AWS does not
///   say which directions count, so edgeplan counts both: a plan is then chosen less often, never
///   wrongly for that reason);
/// - the design's `wafRules`, when the web ACL is on the distribution, are at most its rule limit;
/// - it includes every feature the option uses that plans differ on: VPC origins for
///   `cloudfront-vpc-origin`, and WAF request logs for a web ACL, since edgeplan's web ACL stacks
///   log every request to CloudWatch Logs (`WebACL` in EdgePlanRender);
/// - it excludes none of them.
/// The load balancers behind the distribution keep their own lines. Traffic above every allowance
/// is priced pay-as-you-go (AWS would not bill overage, but a plan is sized for the baseline, and
/// sustained excess may see AWS adjust delivery): the sweep prices each traffic level afresh, so a
/// plan stops applying where its allowance ends. When the pay-as-you-go lines lack a price, a plan
/// wins only if it costs less than the part that is priced.
struct CloudFrontFlatRate: Sendable {
    struct Priced {
        var lines: [MonthlyCost.Line]
        var unpriced: [MonthlyCost.Unpriced]
        var choice: CloudFrontPlanChoice?
    }

    /// `lines` and `unpriced` priced pay-as-you-go, replaced by a plan's one line when that is
    /// cheaper. `detail: false` (sweeps) skips every sentence and returns no choice, only the lines.
    func price(_ topology: Topology, traffic: TrafficProfile, prices: PriceCatalog, lines: [MonthlyCost.Line], unpriced: [MonthlyCost.Unpriced],
               detail: Bool) -> Priced {
        let unchanged = Priced(lines: lines, unpriced: unpriced, choice: nil)
        let distributions = topology.components(of: .cloudFront)
        // A plan covers one distribution; how traffic would split over several is not known.
        guard !prices.flatRatePlans.isEmpty, distributions.count == 1, let cloudFront = distributions.first else { return unchanged }
        let wafOnIt = topology.wafOn == cloudFront.id
        var covers = [cloudFront.id] + topology.components(of: .cloudFrontVPCOrigin).map(\.id)
        if wafOnIt { covers += topology.components(of: .wafWebACL).map(\.id) }
        let covered = lines.filter { covers.contains($0.component) }
        let payAsYouGo = covered.reduce(Decimal(0)) { $0 + $1.amount }
        // Sentences quote the sum of the rounded lines, as every total is shown.
        let shown = covered.reduce(Decimal(0)) { $0 + $1.amount.rounded(2) }
        let missing = Array(Set(unpriced.filter { covers.contains($0.component) }.map(\.item))).sorted()

        let use = Use(topology: topology, traffic: traffic, wafOnDistribution: wafOnIt)
        let candidates = prices.flatRatePlans.map { plan in
            CloudFrontPlanChoice.Candidate(item: plan.item, name: plan.flatRatePlan?.name ?? plan.item, fee: plan.usd,
                                           ruledOutBy: use.ruledOut(by: plan, detail: detail))
        }
        let fit = candidates.first { $0.fits }
        // With unpriced lines the priced part is a lower bound of pay-as-you-go: only a plan below it is surely cheaper.
        let chosen = fit.flatMap { $0.fee < payAsYouGo ? $0 : nil }

        var out = lines
        var left = unpriced
        if let chosen, let plan = prices.prices[chosen.item] {
            let at = lines.firstIndex { covers.contains($0.component) } ?? lines.endIndex
            out = lines.filter { !covers.contains($0.component) }
            left = unpriced.filter { !covers.contains($0.component) }
            out.insert(MonthlyCost.Line(
                component: cloudFront.id, item: plan.item, quantity: 1, unit: plan.unit, unitPrice: detail ? plan.usd.plainString : "",
                amount: plan.usd, priceRef: "\(prices.file)#\(plan.item)",
                basis: detail ? "flat-rate plan \(chosen.name): replaces the \(wafOnIt ? "CloudFront and WAF" : "CloudFront") lines (\(money(shown)) pay-as-you-go); no overage charges" : nil,
                evidence: plan.evidence), at: at)
        }
        guard detail else { return Priced(lines: out, unpriced: left, choice: nil) }

        var choice = CloudFrontPlanChoice(component: cloudFront.id, covers: covers, payAsYouGo: payAsYouGo, payAsYouGoUnpriced: missing,
                                          candidates: candidates, chosen: chosen?.item, cheapestFit: fit?.item,
                                          replaced: chosen == nil ? [] : covered)
        if let fit, let plan = prices.prices[fit.item], let terms = plan.flatRatePlan {
            describe(&choice, plan: plan, terms: terms, use: use, catalog: prices)
        }
        choice.summary = summary(choice, payAsYouGo: shown, wafOnIt: wafOnIt)
        return Priced(lines: out, unpriced: left, choice: choice)
    }

    /// What the option asks of a plan.
    private struct Use {
        var requests: Decimal
        var dataOutGB: Decimal
        /// Data out to viewers and to the origin: both count against the data allowance.
        var gb: Decimal
        var wafRules: Decimal
        var features: [FlatRateFeature]
        var wafOnDistribution: Bool

        init(topology: Topology, traffic: TrafficProfile, wafOnDistribution: Bool) {
            requests = traffic.requests
            dataOutGB = traffic.dataOutGB
            gb = traffic.dataOutGB + traffic.dataInGB
            wafRules = wafOnDistribution ? traffic.wafRules : 0
            self.wafOnDistribution = wafOnDistribution
            features = []
            if topology.has(.cloudFrontVPCOrigin) { features.append(.vpcOrigins) }
            if wafOnDistribution { features.append(.wafRequestLogs) }
        }

        /// Why `plan` cannot carry the option (empty when it can); without `detail`, only whether.
        func ruledOut(by plan: PriceCatalog.Price, detail: Bool) -> [String] {
            guard let terms = plan.flatRatePlan else { return ["it has no plan terms"] }
            var why: [String] = []
            func limit(_ name: String, _ used: Decimal, _ text: (Decimal) -> String) -> Bool {
                guard let allowed = plan.dimensions[name] else {
                    why.append("the price file gives it no '\(name)'")
                    return !detail
                }
                guard used > allowed else { return false }
                why.append(detail ? text(allowed) : "")
                return !detail
            }
            if limit(FlatRatePlanTerms.allowanceRequests, requests, { "\(groupedDecimal(requests.rounded(0))) requests a month are more than its \(groupedDecimal($0)) allowance" }) { return why }
            if limit(FlatRatePlanTerms.allowanceGB, gb, { "\(groupedDecimal(gb.rounded(2))) GB a month (data out and to the origin) are more than its \(groupedDecimal($0)) GB allowance" }) { return why }
            if limit(FlatRatePlanTerms.wafRuleLimit, wafRules, { "\(groupedDecimal(wafRules)) WAF rules are more than the \(groupedDecimal($0)) it allows" }) { return why }
            for f in features where !terms.includes.contains(f) {
                why.append(detail ? "it does not include \(f.phrase)" : "")
                if !detail { return why }
            }
            for f in features where terms.excludes.contains(f) {
                why.append(detail ? "it does not allow \(f.phrase)" : "")
                if !detail { return why }
            }
            return why
        }
    }

    /// The allowances, where the traffic outgrows them, what the plan includes and does not allow.
    private func describe(_ choice: inout CloudFrontPlanChoice, plan: PriceCatalog.Price, terms: FlatRatePlanTerms, use: Use, catalog: PriceCatalog) {
        let requests = plan.dimensions[FlatRatePlanTerms.allowanceRequests] ?? 0
        let gb = plan.dimensions[FlatRatePlanTerms.allowanceGB] ?? 0
        let rules = plan.dimensions[FlatRatePlanTerms.wafRuleLimit] ?? 0
        choice.allowances = [
            .init(what: "requests", used: use.requests, allowed: requests),
            .init(what: "GB of data transfer (out and to the origin)", used: use.gb, allowed: gb),
            .init(what: "WAF rules", used: use.wafRules, allowed: rules),
        ]
        // The sweep scales requests and data with data out; the rule count stays.
        var limits: [(at: Decimal, by: String)] = []
        if use.dataOutGB > 0 {
            if use.requests > 0 { limits.append((requests * use.dataOutGB / use.requests, "the request allowance")) }
            if use.gb > 0 { limits.append((gb * use.dataOutGB / use.gb, "the data allowance")) }
        }
        if let first = limits.min(by: { $0.at < $1.at }) {
            choice.outgrownAboveDataOutGB = first.at.rounded(2)
            choice.outgrownBy = first.by
        }
        choice.includes = ["the distribution's data transfer out, data transfer to the origin and requests"] + terms.includes.map(\.phrase)
        // A feature some plan of the file includes and this one does not is not available on it.
        let tiered = catalog.flatRatePlans.flatMap { $0.flatRatePlan?.includes ?? [] }
        var missing: [FlatRateFeature] = []
        for f in FlatRateFeature.allCases where tiered.contains(f) && !terms.includes.contains(f) { missing.append(f) }
        choice.notAllowed = ["more than \(groupedDecimal(rules)) WAF rules (custom rules and AWS Managed Rules)"]
            + missing.map { "\($0.phrase) (not on this plan)" } + terms.excludes.map(\.phrase)
        if !use.wafOnDistribution {
            choice.conditions.append("AWS requires a web ACL on a distribution with a flat-rate plan; the plan includes one at no charge, though this option carries none")
        }
        choice.conditions.append("one distribution with one apex domain per plan; above the allowances AWS charges no overage but may adjust delivery after sustained excess, until the plan is upgraded")
    }

    private func summary(_ c: CloudFrontPlanChoice, payAsYouGo: Decimal, wafOnIt: Bool) -> String {
        let lines = wafOnIt ? "the CloudFront and WAF lines" : "the CloudFront lines"
        func reasons(_ list: [CloudFrontPlanChoice.Candidate]) -> String {
            list.map { "\($0.name): \($0.ruledOutBy.joined(separator: "; "))" }.joined(separator: "; ")
        }
        if let chosen = c.chosenPlan {
            let cheaper = c.candidates.prefix { $0.item != chosen.item }.filter { !$0.fits }
            return "Priced on the CloudFront \(chosen.name) flat-rate plan (\(money(chosen.fee)) a month) instead of pay-as-you-go (\(money(payAsYouGo)) for \(lines)"
                + (c.payAsYouGoUnpriced.isEmpty ? "" : " before \(c.payAsYouGoUnpriced.joined(separator: ", ")), which has no price") + "): "
                + "the cheapest plan that holds the traffic and the option" + (cheaper.isEmpty ? "." : " (\(reasons(cheaper))).")
        }
        if let fit = c.cheapestFit, let plan = c.candidates.first(where: { $0.item == fit }) {
            if !c.payAsYouGoUnpriced.isEmpty {
                return "Priced pay-as-you-go: the cheapest plan that holds the traffic, \(plan.name) (\(money(plan.fee)) a month), costs more than the priced part of \(lines) (\(money(payAsYouGo))), and \(c.payAsYouGoUnpriced.joined(separator: ", ")) has no price, so edgeplan cannot tell which is cheaper."
            }
            return "Priced pay-as-you-go (\(money(payAsYouGo)) for \(lines)): the cheapest plan that holds the traffic, \(plan.name), costs \(money(plan.fee)) a month."
        }
        return "Priced pay-as-you-go (\(money(payAsYouGo)) for \(lines)): no flat-rate plan holds the option (\(reasons(c.candidates)))."
    }
}
