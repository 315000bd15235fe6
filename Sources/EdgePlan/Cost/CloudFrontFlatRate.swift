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
        // Sentences quote the sum of the rounded lines, as every total is shown (not in sweeps).
        let shown = detail ? covered.reduce(Decimal(0)) { $0 + $1.amount.rounded(2) } : 0

        let use = Use(topology: topology, traffic: traffic, wafOnDistribution: wafOnIt)
        let fit = prices.flatRatePlans.first(where: use.fits)
        // With unpriced lines the priced part is a lower bound of pay-as-you-go: only a plan below it is surely cheaper.
        let chosen = fit.flatMap { $0.usd < payAsYouGo ? $0 : nil }

        var out = lines
        var left = unpriced
        if let plan = chosen {
            let at = lines.firstIndex { covers.contains($0.component) } ?? lines.endIndex
            out = lines.filter { !covers.contains($0.component) }
            left = unpriced.filter { !covers.contains($0.component) }
            let name = plan.flatRatePlan?.name ?? plan.item
            out.insert(MonthlyCost.Line(
                component: cloudFront.id, item: plan.item, quantity: 1, unit: plan.unit, unitPrice: detail ? plan.usd.plainString : "",
                amount: plan.usd, priceRef: detail ? "\(prices.file)#\(plan.item)" : "",
                basis: detail ? "flat-rate plan \(name): replaces the \(wafOnIt ? "CloudFront and WAF" : "CloudFront") lines (\(money(shown)) pay-as-you-go); no overage charges" : nil,
                evidence: plan.evidence, description: detail ? plan.description : nil), at: at)
        }
        guard detail else { return Priced(lines: out, unpriced: left, choice: nil) }
        let missing = Array(Set(unpriced.filter { covers.contains($0.component) }.map(\.item))).sorted()

        let candidates = prices.flatRatePlans.map { plan in
            CloudFrontPlanChoice.Candidate(item: plan.item, name: plan.flatRatePlan?.name ?? plan.item, fee: plan.usd, ruledOutBy: use.reasons(plan))
        }
        var choice = CloudFrontPlanChoice(component: cloudFront.id, covers: covers, payAsYouGo: payAsYouGo, payAsYouGoUnpriced: missing,
                                          candidates: candidates, chosen: chosen?.item, cheapestFit: fit?.item, wafOnDistribution: wafOnIt,
                                          replaced: chosen == nil ? [] : covered)
        if let fit, let terms = fit.flatRatePlan {
            describe(&choice, plan: fit, terms: terms, use: use, catalog: prices)
        }
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

        /// Whether `plan` holds the option: the sweep's question, asked without writing a sentence.
        func fits(_ plan: PriceCatalog.Price) -> Bool {
            guard let terms = plan.flatRatePlan, let requestsAllowed = plan.dimensions[FlatRatePlanTerms.allowanceRequests],
                  let gbAllowed = plan.dimensions[FlatRatePlanTerms.allowanceGB], let rulesAllowed = plan.dimensions[FlatRatePlanTerms.wafRuleLimit]
            else { return false }
            return requests <= requestsAllowed && gb <= gbAllowed && wafRules <= rulesAllowed
                && features.allSatisfy { terms.includes.contains($0) && !terms.excludes.contains($0) }
        }

        /// Why `plan` cannot carry the option, every reason; empty exactly when `fits(plan)`.
        func reasons(_ plan: PriceCatalog.Price) -> [CloudFrontPlanChoice.Reason] {
            var why: [CloudFrontPlanChoice.Reason] = []
            func limit(_ name: String, _ used: Decimal, _ reason: (Decimal, Decimal) -> CloudFrontPlanChoice.Reason) {
                guard let allowed = plan.dimensions[name] else { return why.append(.unstated(name)) }
                if used > allowed { why.append(reason(used, allowed)) }
            }
            limit(FlatRatePlanTerms.allowanceRequests, requests) { .requests(used: $0, allowed: $1) }
            limit(FlatRatePlanTerms.allowanceGB, gb) { .data(used: $0, allowed: $1) }
            limit(FlatRatePlanTerms.wafRuleLimit, wafRules) { .wafRules(used: $0, allowed: $1) }
            guard let terms = plan.flatRatePlan else { return why + [.unstated("flatRatePlan")] }
            for f in features where !terms.includes.contains(f) { why.append(.notIncluded(f)) }
            for f in features where terms.excludes.contains(f) { why.append(.notAllowed(f)) }
            assert(why.isEmpty == fits(plan), "fits and reasons disagree on \(plan.item)")
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
        choice.includes = terms.includes
        // A feature some plan of the file includes and this one does not is not available on it.
        let tiered = catalog.flatRatePlans.flatMap { $0.flatRatePlan?.includes ?? [] }
        choice.unavailable = FlatRateFeature.allCases.filter { tiered.contains($0) && !terms.includes.contains($0) }
        choice.excludes = terms.excludes
        choice.wafRuleLimit = plan.dimensions[FlatRatePlanTerms.wafRuleLimit]
        if !use.wafOnDistribution {
            choice.conditions.append("AWS requires a web ACL on a distribution with a flat-rate plan; the plan includes one at no charge, though this option carries none")
        }
        choice.conditions.append("one distribution with one apex domain per plan; above the allowances AWS charges no overage but may adjust delivery after sustained excess, until the plan is upgraded")
    }
}
