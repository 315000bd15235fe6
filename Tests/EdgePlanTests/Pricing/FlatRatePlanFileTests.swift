import EdgePlan
import Foundation
import Testing

/// Reading CloudFront flat-rate plans from a price file (`cloudfront.flat-rate.*` entries with
/// `flatRatePlan`): what the cost model relies on is there and exact, or the file is refused with
/// every problem at its place.
@Suite struct FlatRatePlanFileTests {
    /// One plan entry (from line 7 of the file); `plan` is the text of its `flatRatePlan` field.
    static func entry(item: String = "cloudfront.flat-rate.pro", price: String = "\"usd\": \"15\"",
                      dimensions: String = "{\"allowanceRequestsPerMonth\": \"10000000\", \"allowanceGBPerMonth\": \"51200\", \"wafRules\": \"25\"}",
                      plan: String? = "{\"name\": \"Pro\", \"includes\": [\"waf-web-acl\", \"waf-request-logs\"], \"excludes\": [\"real-time-logs\"]}") -> String {
        """
                {
                  "item": "\(item)",
                  "description": "plan",
                  "unit": "distribution-month",
                  \(price),
                  "dimensions": \(dimensions),
        \(plan.map { "          \"flatRatePlan\": \($0),\n" } ?? "")          "source": {"title": "test", "kind": "aws-page"}
                }
        """
    }

    static func problems(_ entry: String) -> [String] { PriceFileTests.problems(PriceFileTests.file(entries: entry)) }

    @Test func aPlanIsReadWithItsAllowancesAndFeatures() throws {
        let catalog = try PriceCatalog(json: Data(PriceFileTests.file(entries: Self.entry()).utf8), file: "p/us-east-1.json")
        let plan = try catalog.price("cloudfront.flat-rate.pro")
        #expect(plan.usd == 15)
        #expect(plan.dimensions[FlatRatePlanTerms.allowanceRequests] == 10_000_000)
        #expect(plan.flatRatePlan == FlatRatePlanTerms(name: "Pro", includes: [.wafWebACL, .wafRequestLogs], excludes: [.realTimeLogs]))
        #expect(catalog.flatRatePlans.map(\.item) == ["cloudfront.flat-rate.pro"])
    }

    @Test func theCheckedInPlansAreTheSourcedOnes() throws {
        for region in ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1"] {
            for folder in ["pricing/aws", "Tests/Fixtures/pricing"] {
                let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("\(folder)/\(region).json"))
                let catalog = try PriceCatalog(json: data, file: "\(folder)/\(region).json", region: region)
                let plans = catalog.flatRatePlans
                #expect(plans.map(\.flatRatePlan?.name) == ["Free", "Pro", "Business", "Premium", "Premium (75 TB, 750 M requests)",
                                                            "Premium (125 TB, 1.25 B requests)", "Premium (200 TB, 2 B requests)",
                                                            "Premium (350 TB, 3.5 B requests)", "Premium (600 TB, 6 B requests)"], "\(folder)/\(region)")
                #expect(plans.map(\.usd) == [0, 15, 200, 1000, 1450, 2250, 3500, 6000, 10000])
                #expect(plans.map { $0.dimensions[FlatRatePlanTerms.allowanceRequests] } == [1_000_000, 10_000_000, 125_000_000, 500_000_000, 750_000_000,
                                                                                            1_250_000_000, 2_000_000_000, 3_500_000_000, 6_000_000_000])
                #expect(plans.map { $0.dimensions[FlatRatePlanTerms.allowanceGB] } == [100, 51_200, 51_200, 51_200, 76_800, 128_000, 204_800, 358_400, 614_400])
                #expect(plans.map { $0.dimensions[FlatRatePlanTerms.wafRuleLimit] } == [5, 25, 50, 75, 75, 75, 75, 75, 75])
                #expect(plans.map { $0.flatRatePlan?.includes.contains(.vpcOrigins) } == [false, false, true, true, true, true, true, true, true])
                #expect(plans.allSatisfy { $0.evidence == .awsPage && $0.source.read == "2026-12-02" })
            }
        }
    }

    @Test func everyProblemOfAPlanIsNamedAtItsPlace() {
        #expect(Self.problems(Self.entry(plan: nil)) == [
            "p/us-east-1.json:7:9: error: prices[0].flatRatePlan: missing field 'flatRatePlan': a 'cloudfront.flat-rate.*' item is a CloudFront flat-rate plan and states its name, includes and excludes",
        ])
        #expect(Self.problems(Self.entry(item: "cloudfront.data-out")) == [
            "p/us-east-1.json:13:27: error: prices[0].flatRatePlan: only a 'cloudfront.flat-rate.*' item is a flat-rate plan: name the item so, or drop flatRatePlan",
        ])
        #expect(Self.problems(Self.entry(price: "\"tiers\": [{\"usd\": \"15\"}]", dimensions: "{\"wafRules\": \"25\"}")) == [
            "p/us-east-1.json:11:20: error: prices[0].tiers: 'cloudfront.flat-rate.pro' is a flat-rate plan: give its one monthly fee as usd, not tiers",
            "p/us-east-1.json:12:25: error: prices[0].dimensions: 'cloudfront.flat-rate.pro' is a flat-rate plan: it needs the dimension 'allowanceRequestsPerMonth' (allowanceRequestsPerMonth, allowanceGBPerMonth, wafRules: its monthly allowances and WAF rule limit)",
            "p/us-east-1.json:12:25: error: prices[0].dimensions: 'cloudfront.flat-rate.pro' is a flat-rate plan: it needs the dimension 'allowanceGBPerMonth' (allowanceRequestsPerMonth, allowanceGBPerMonth, wafRules: its monthly allowances and WAF rule limit)",
        ])
        let known = FlatRateFeature.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(Self.problems(Self.entry(plan: "{\"name\": \"Pro\", \"includes\": [\"waf-web-acl\", \"lambda-edge\", \"waf-web-acl\", 3], \"excludes\": [\"waf-web-acl\"]}")) == [
            "p/us-east-1.json:13:71: error: prices[0].flatRatePlan.includes[1]: 'lambda-edge' is not a flat-rate plan feature edgeplan knows: write one of \(known)",
            "p/us-east-1.json:13:86: error: prices[0].flatRatePlan.includes[2]: 'waf-web-acl' is listed twice",
            "p/us-east-1.json:13:101: error: prices[0].flatRatePlan.includes[3]: expected a feature name, got the number 3",
        ])
        #expect(Self.problems(Self.entry(plan: "{\"name\": \"Pro\", \"includes\": [\"vpc-origins\"], \"excludes\": [\"vpc-origins\"]}")) == [
            "p/us-east-1.json:13:85: error: prices[0].flatRatePlan.excludes[0]: 'vpc-origins' is also in includes: a plan either includes a feature or excludes it",
        ])
        #expect(Self.problems(Self.entry(plan: "{\"includes\": [], \"excludes\": \"none\"}")) == [
            "p/us-east-1.json:13:27: error: prices[0].flatRatePlan.name: missing field 'name'",
            "p/us-east-1.json:13:56: error: prices[0].flatRatePlan.excludes: expected a list of feature names, got the text \"none\"",
        ])
    }
}
