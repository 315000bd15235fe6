import EdgePlan
import EdgePlanRender
import Foundation
import Testing

/// CloudFront flat-rate plans on the pinned us-east-1 prices (Tests/Fixtures/pricing), worked out
/// by hand. The 30 TB design of examples/cloudfront-flat-rate.yaml (614.4 M requests, 30,720 GB out,
/// 1,536 GB in, 10 WAF rules), pay-as-you-go:
/// - WAF: $5 + 10 × $1 + 614.4 × $0.60 = $383.64
/// - CloudFront: data out 10,240 × $0.085 + 20,480 × $0.080 = $2,508.80, HTTPS 61,440 × $0.01 = $614.40,
///   to the origin 1,536 × $0.02 = $30.72: with the WAF, $3,537.56
/// - internal ALB: 730 h × $0.0225 = $16.43, 32,256 GB / 730 h = 44.1863 LCU × 730 h × $0.008 = $258.05
/// - alb-controller: WAF $383.64 + ALB $16.43 + $258.05 + IPv4 $10.95 + data out 10,240 × $0.09 +
///   20,480 × $0.085 = $2,662.40: $3,331.47
/// Plans: 614.4 M requests are more than Free (1 M), Pro (10 M), Business (125 M) and Premium (500 M)
/// allow; Premium at 75 TB (750 M requests, 76,800 GB, 75 rules, $1,450) holds them.
@Suite struct CloudFrontFlatRateTests {
    static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    static func design(_ frontends: String, traffic: String, waf: Bool = true) -> String {
        """
        edgeplan: 1
        name: flat-rate-test
        region: us-east-1
        cluster: flat-eks
        network:
          vpcCidr: 10.40.0.0/16
          azs: [use1-az1, use1-az2, use1-az4]
          nodes: {max: 12, podsPerNode: 29}
        frontends: \(frontends)
        requirements: {waf: \(waf)}
        traffic: \(traffic)
        """
    }

    static func example() throws -> String { try Fixtures.text("examples/cloudfront-flat-rate.yaml") }

    static func option(_ plan: Plan, _ id: String) throws -> PlannedOption { try #require(plan.options.first { $0.id == id }) }

    static func choice(_ frontend: String, _ traffic: String, waf: Bool = true) throws -> (MonthlyCost, CloudFrontPlanChoice) {
        let plan = try Fixtures.pricedPlan(design("[\(frontend)]", traffic: traffic, waf: waf))
        let cost = try #require(plan.options[0].monthlyCost)
        return (cost, try #require(cost.cloudFrontPlan))
    }

    @Test func theThirtyTerabyteVPCOriginIsPricedOnThePlanThatFitsAndRecommended() throws {
        let plan = try Fixtures.pricedPlan(try Self.example(), file: "examples/cloudfront-flat-rate.yaml")
        let vpc = try #require(try Self.option(plan, "cloudfront-vpc-origin").monthlyCost)
        let choice = try #require(vpc.cloudFrontPlan)
        #expect(choice.chosen == "cloudfront.flat-rate.premium-l2")
        #expect(choice.chosenPlan?.name == "Premium (75 TB, 750 M requests)")
        #expect(choice.payAsYouGo == Self.d("3537.56"))
        #expect(vpc.lines.map(\.item) == ["cloudfront.flat-rate.premium-l2", "alb.hour", "alb.lcu-hour"])
        #expect(vpc.lines[0].amount == 1450 && vpc.lines[0].component == "cloudfront" && vpc.lines[0].evidence == .awsPage)
        #expect(vpc.total == Self.d("1724.48"))
        // The plan replaced the CloudFront, VPC origin and WAF lines, kept for the reader.
        #expect(Set(choice.replaced.map(\.component)) == ["waf", "cloudfront", "vpc-origin"])
        #expect(choice.covers == ["cloudfront", "vpc-origin", "waf"])
        // Why not the cheaper plans: each is named with what rules it out.
        let byItem = Dictionary(uniqueKeysWithValues: choice.candidates.map { ($0.item, $0) })
        #expect(byItem["cloudfront.flat-rate.business"]?.ruledOutBy.map(\.sentence) == ["614,400,000 requests a month are more than its 125,000,000 allowance"])
        #expect(byItem["cloudfront.flat-rate.premium"]?.ruledOutBy.map(\.sentence) == ["614,400,000 requests a month are more than its 500,000,000 allowance"])
        #expect(byItem["cloudfront.flat-rate.pro"]?.ruledOutBy.map(\.sentence).contains("it does not include VPC origins (private origins within a VPC)") == true)
        #expect(choice.candidates.map(\.fee) == choice.candidates.map(\.fee).sorted(), "cheapest first")
        #expect(choice.allowances.map(\.allowed) == [750_000_000, 76_800, 75])
        #expect(choice.outgrownAboveDataOutGB == 37_500, "750 M requests at 20,000 a GB")
        #expect(choice.outgrownBy == "the request allowance")
        #expect(choice.summary.hasPrefix("Priced on the CloudFront Premium (75 TB, 750 M requests) flat-rate plan ($1,450.00 a month) instead of pay-as-you-go ($3,537.56 for the CloudFront and WAF lines)"))
        #expect(choice.notAllowedText.first == "more than 75 WAF rules (custom rules and AWS Managed Rules)")
        #expect(choice.notAllowedText.contains("real-time access logs"))
        // The ALB alone has no CloudFront and no plan.
        let alb = try #require(try Self.option(plan, "alb-controller").monthlyCost)
        #expect(alb.cloudFrontPlan == nil && alb.total == Self.d("3331.47"))
        // Ranked on the plan: the VPC origin is recommended, $1,606.99 below the ALB.
        #expect(plan.recommendation?.option == "cloudfront-vpc-origin")
        #expect(plan.recommendation?.why.contains("It costs $1,724.48 a month with CloudFront on the Premium (75 TB, 750 M requests) flat-rate plan, $1,606.99 less than the next, alb-controller.") == true)
    }

    @Test func payAsYouGoAloneRanksTheOtherWay() throws {
        let plan = try Fixtures.payAsYouGoPlan(try Self.example(), file: "examples/cloudfront-flat-rate.yaml")
        let vpc = try #require(try Self.option(plan, "cloudfront-vpc-origin").monthlyCost)
        #expect(vpc.cloudFrontPlan == nil && vpc.total == Self.d("3812.04"))
        #expect(plan.recommendation?.option == "alb-controller")
    }

    @Test func theReportAndPlanJSONSayWhichPlanAndWhy() throws {
        let plan = try Fixtures.pricedPlan(try Self.example(), file: "examples/cloudfront-flat-rate.yaml")
        let md = MarkdownReport().render(plan)
        #expect(md.contains("**CloudFront pricing:** Priced on the CloudFront Premium (75 TB, 750 M requests) flat-rate plan ($1,450.00 a month)"))
        #expect(md.contains("- **cloudfront-vpc-origin**: CloudFront Premium (75 TB, 750 M requests) flat-rate plan, $1,450.00 a month, instead of $3,537.56 pay-as-you-go; Premium (75 TB, 750 M requests)'s allowances hold up to 37,500 GB out a month (the request allowance runs out first)"))
        #expect(md.contains("- **Does not allow:** more than 75 WAF rules"))
        let json = PlanJSONRenderer().json(plan).serialized()
        #expect(json.contains("\"chosen\": \"cloudfront.flat-rate.premium-l2\""))
        #expect(json.contains("\"payAsYouGo\": \"3537.56\""))
        #expect(json.contains("\"item\": \"cloudfront.flat-rate.premium-l2\""), "the plan's price is a source")
        let summary = PlanSummaryRenderer().render(plan)
        #expect(summary.contains("CloudFront on the Premium (75 TB, 750 M requests) flat-rate plan ($1,450.00 a month; pay-as-you-go $3,537.56)"))
    }

    /// The sweep prices every traffic level afresh: on a plan while one holds the traffic, and
    /// pay-as-you-go above the largest (6 B requests), exactly as the cost model prices it there.
    @Test func theSweepReconsidersThePlanAtEveryTrafficLevel() throws {
        let plan = try Fixtures.pricedPlan(try Self.example(), file: "examples/cloudfront-flat-rate.yaml")
        let sweep = try #require(plan.costSweep)
        func total(_ gb: Decimal) throws -> Decimal {
            let point = try #require(sweep.points.first { $0.dataOutGB == gb })
            return try #require(point.totals.first { $0.option == "cloudfront-vpc-origin" }?.total)
        }
        // 33,000 GB: 660 M requests, 34,650 GB: Premium at 75 TB, $1,450 + ALB $16.425 + 34,650 LCU-h × $0.008 = $277.20
        // (the LCU-hours come out a hair under 34,650: 34,650 GB / 730 h is not exact in Decimal, so $1,743.62).
        #expect(try total(33_000) == Self.d("1743.62"))
        let option = try Self.option(plan, "cloudfront-vpc-origin")
        let traffic = try #require(plan.pricing?.traffic)
        let payAsYouGo = try #require(Fixtures.payAsYouGoPricing("us-east-1").catalog)
        let model = OptionCostModel()
        // 1,000,000 GB: 20 B requests, more than any plan holds: pay-as-you-go.
        let big = traffic.scaled(toDataOutGB: 1_000_000)
        #expect(try total(1_000_000) == (try model.total(option.topology, traffic: big, azCount: 3, prices: payAsYouGo)).rounded(2))
        let detail = try model.cost(option.topology, traffic: big, azCount: 3, prices: try Fixtures.catalog("us-east-1"))
        #expect(detail.cloudFrontPlan?.chosen == nil)
        #expect(detail.cloudFrontPlan?.summary.hasPrefix("Priced pay-as-you-go (") == true)
        #expect(detail.cloudFrontPlan?.summary.contains("no flat-rate plan holds the option") == true)
        #expect(detail.lines.contains { $0.item == "cloudfront.data-out" })
        // Just above Premium at 75 TB (37,500 GB out: 750 M requests), the next level, 125 TB, takes over.
        let above = try model.cost(option.topology, traffic: traffic.scaled(toDataOutGB: 37_501), azCount: 3, prices: try Fixtures.catalog("us-east-1"))
        #expect(above.cloudFrontPlan?.chosen == "cloudfront.flat-rate.premium-l3")
        let at = try model.cost(option.topology, traffic: traffic.scaled(toDataOutGB: 37_500), azCount: 3, prices: try Fixtures.catalog("us-east-1"))
        #expect(at.cloudFrontPlan?.chosen == "cloudfront.flat-rate.premium-l2")
    }

    /// Business holds exactly 125,000,000 requests and 51,200 GB (50 TB: data out and to the origin);
    /// one request more, or half a GB, and a larger plan is needed.
    @Test func theAllowanceHoldsTrafficExactlyAtIt() throws {
        let frontend = "{kind: cloudfront-vpc-origin}"
        let (_, at) = try Self.choice(frontend, "{requests: 125000000, dataOutGB: 50000, dataInGB: 1200, wafRules: 10}")
        #expect(at.chosen == "cloudfront.flat-rate.business")
        #expect(at.allowances.map(\.used) == [125_000_000, 51_200, 10])
        let (_, oneMore) = try Self.choice(frontend, "{requests: 125000001, dataOutGB: 50000, dataInGB: 1200, wafRules: 10}")
        #expect(oneMore.chosen == "cloudfront.flat-rate.premium")
        #expect(oneMore.candidates.first { $0.name == "Business" }?.ruledOutBy.map(\.sentence) == ["125,000,001 requests a month are more than its 125,000,000 allowance"])
        // Premium's default level has the same 50 TB: more data needs the 75 TB level.
        let (_, moreData) = try Self.choice(frontend, "{requests: 125000000, dataOutGB: 50000, dataInGB: 1200.5, wafRules: 10}")
        #expect(moreData.chosen == "cloudfront.flat-rate.premium-l2")
        #expect(moreData.candidates.first { $0.name == "Business" }?.ruledOutBy.map(\.sentence) == ["51,200.5 GB a month (data out and to the origin) are more than its 51,200 GB allowance"])
    }

    /// The design's WAF rules count against the plan's rule limit (Business 50, Premium 75).
    @Test func moreWAFRulesThanAPlanAllowsRuleItOut() throws {
        let frontend = "{kind: cloudfront-vpc-origin}"
        let (_, fifty) = try Self.choice(frontend, "{requests: 100000000, dataOutGB: 30720, dataInGB: 1536, wafRules: 50}")
        #expect(fifty.chosen == "cloudfront.flat-rate.business")
        let (_, more) = try Self.choice(frontend, "{requests: 100000000, dataOutGB: 30720, dataInGB: 1536, wafRules: 51}")
        #expect(more.candidates.first { $0.name == "Business" }?.ruledOutBy.map(\.sentence) == ["51 WAF rules are more than the 50 it allows"])
        #expect(more.chosen == "cloudfront.flat-rate.premium")
        let (cost, tooMany) = try Self.choice(frontend, "{requests: 100000000, dataOutGB: 30720, dataInGB: 1536, wafRules: 76}")
        #expect(tooMany.chosen == nil && tooMany.cheapestFit == nil)
        #expect(tooMany.candidates.allSatisfy { !$0.fits })
        #expect(cost.lines.contains { $0.item == "waf.rule-month" && $0.quantity == 76 })
        // Rules on a web ACL that is not on the distribution do not count: without a WAF, none do.
        let (_, noWAF) = try Self.choice("{kind: cloudfront-vpc-origin, waf: false}", "{requests: 100000000, dataOutGB: 30720, dataInGB: 1536, wafRules: 76}", waf: false)
        #expect(noWAF.chosen == "cloudfront.flat-rate.business")
        #expect(noWAF.conditions.contains { $0.hasPrefix("AWS requires a web ACL on a distribution with a flat-rate plan") })
        #expect(noWAF.summary.contains("for the CloudFront lines"))
    }

    /// Features by tier: Pro has no VPC origins, so a VPC origin at Pro's traffic needs Business,
    /// which costs more than pay-as-you-go there; a public origin takes Pro.
    @Test func aPlanWithoutAFeatureTheOptionUsesIsRuledOutAndACheaperPayAsYouGoWins() throws {
        let traffic = "{requests: 5000000, dataOutGB: 1000, dataInGB: 50, wafRules: 10}"
        // WAF 5 + 10 + 3 = 18; CloudFront 1,000 × 0.085 = 85 + 500 × 0.01 = 5 + 50 × 0.02 = 1: $109.00.
        let (vpcCost, vpc) = try Self.choice("{kind: cloudfront-vpc-origin}", traffic)
        #expect(vpc.candidates.first { $0.name == "Pro" }?.ruledOutBy.map(\.sentence) == ["it does not include VPC origins (private origins within a VPC)"])
        #expect(vpc.chosen == nil && vpc.cheapestFit == "cloudfront.flat-rate.business")
        #expect(vpc.payAsYouGo == 109)
        #expect(vpc.summary == "Priced pay-as-you-go ($109.00 for the CloudFront and WAF lines): the cheapest plan that holds the traffic, Business, costs $200.00 a month.")
        #expect(vpcCost.lines.contains { $0.item == "cloudfront.data-out" } && vpc.replaced.isEmpty)
        let (nlbCost, nlb) = try Self.choice("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg-and-secret-header}", traffic)
        #expect(nlb.chosen == "cloudfront.flat-rate.pro")
        #expect(nlbCost.lines.first?.item == "cloudfront.flat-rate.pro" && nlbCost.lines.first?.amount == 15)
        // Free allows 5 WAF rules and does not include WAF request logs, which edgeplan's web ACL writes.
        #expect(nlb.candidates.first { $0.name == "Free" }?.ruledOutBy.map(\.sentence).contains("it does not include CloudWatch Logs ingestion of AWS WAF request logs") == true)
    }

    @Test func aDistributionWithoutAWebACLCanTakeTheFreePlan() throws {
        // 500,000 requests, 50 GB out: CloudFront 50 × 0.085 + 50 × 0.01 + 2.5 × 0.02 = $4.80, or Free at $0.
        let (cost, free) = try Self.choice("{kind: cloudfront-vpc-origin, waf: false}", "{requests: 500000, dataOutGB: 50, dataInGB: 2.5}", waf: false)
        // VPC origins need Business: Free and Pro are ruled out, and Business costs more than $4.80.
        #expect(free.chosen == nil && free.payAsYouGo == Self.d("4.80"))
        let (nlbCost, nlb) = try Self.choice("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg-and-secret-header, waf: false}",
                                              "{requests: 500000, dataOutGB: 50, dataInGB: 2.5}", waf: false)
        #expect(nlb.chosen == "cloudfront.flat-rate.free")
        #expect(nlbCost.lines.first?.amount == 0 && !nlbCost.lines.contains { $0.item.hasPrefix("cloudfront.data") })
        #expect(cost.lines.contains { $0.item == "cloudfront.data-out" })
    }

    /// A pay-as-you-go line without a price: a plan wins only when it costs less than the priced part.
    @Test func anUnpricedPayAsYouGoLineIsNeverGuessed() throws {
        var catalog = try Fixtures.catalog("us-east-1")
        catalog.prices["cloudfront.data-out"] = nil
        let pricing: (String) -> PlanPricing = { _ in .catalog(catalog) }
        // 100 M requests: priced part 75 (WAF) + 100 (HTTPS) + 30.72 (to origin) = $205.72 > Business $200: the plan wins.
        let business = try #require(Fixtures.pipeline.run(Self.design("[{kind: cloudfront-vpc-origin}]", traffic: "{requests: 100000000, dataOutGB: 30720, dataInGB: 1536}"),
                                                          file: "t.yaml", pricing: pricing).plan?.options[0].monthlyCost)
        #expect(business.cloudFrontPlan?.chosen == "cloudfront.flat-rate.business")
        #expect(business.unpriced.isEmpty, "the plan replaced the line that had no price")
        // 614.4 M requests: priced part $1,028.76 < Premium at 75 TB, $1,450: which is cheaper is not known.
        let unknown = try #require(Fixtures.pipeline.run(try Self.example(), file: "t.yaml", pricing: pricing).plan?.options.first { $0.id == "cloudfront-vpc-origin" }?.monthlyCost)
        #expect(unknown.cloudFrontPlan?.chosen == nil)
        #expect(unknown.cloudFrontPlan?.payAsYouGoUnpriced == ["cloudfront.data-out"])
        #expect(unknown.unpricedItems == ["cloudfront.data-out"])
        #expect(unknown.cloudFrontPlan?.summary.contains("so edgeplan cannot tell which is cheaper") == true)
    }

    /// Without plans in the price file, nothing changes: pay-as-you-go, and no choice to report.
    @Test func aPriceFileWithoutPlansPricesPayAsYouGo() throws {
        let plan = try Fixtures.payAsYouGoPlan(Self.design("[{kind: cloudfront-vpc-origin}]", traffic: "{requests: 100000000, dataOutGB: 30720}"))
        #expect(plan.options[0].monthlyCost?.cloudFrontPlan == nil)
        #expect(plan.options[0].monthlyCost?.lines.contains { $0.item == "cloudfront.data-out" } == true)
    }
}
