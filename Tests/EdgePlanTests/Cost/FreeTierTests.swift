import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// `--free-tier` (issue 13): the account's free allowances as negative lines, off by default, worked
/// out by hand on the pinned prices and OptionCostTests' traffic (2,000 GB out, 50 M requests).
@Suite struct FreeTierTests {
    static func plan(_ frontend: String, traffic: String = OptionCostTests.traffic, freeTier: Bool = true) throws -> Plan {
        var pipeline = Fixtures.pipeline
        if freeTier { pipeline.planner.costPlanner.model.lines.insert(.freeTier) }
        let outcome = pipeline.run(OptionCostTests.design("[\(frontend)]", traffic: traffic), file: "t.yaml", pricing: Fixtures.pricing)
        return try #require(outcome.plan, "\(outcome.diagnostics.map(\.formatted))")
    }

    static func free(_ plan: Plan) -> [MonthlyCost.Line] {
        plan.options[0].monthlyCost?.lines.filter { $0.amount < 0 } ?? []
    }

    @Test func theRegionalAllowanceIsTheFirst100GBAtTheFirstTiersRate() throws {
        let plan = try Self.plan("{kind: alb-controller}")
        // 100 GB × $0.09 off the 2,000 GB at EC2 rates: $269.18 − $9.00.
        #expect(Self.free(plan).map(\.item) == ["dataTransfer.internet-out-free-gb"])
        #expect(Self.free(plan).map(\.quantity) == [-100] && Self.free(plan).map(\.amount) == [-9])
        #expect(plan.options[0].monthlyCost?.total == Decimal(string: "260.18")!)
        #expect(plan.pricing?.freeTier == true)
        #expect(PlanJSONRenderer().json(plan).serialized().contains("\"freeTier\": true"))
        #expect(CostReportRenderer().render(plan).contains("less the account's free allowances"))
    }

    @Test func cloudFrontsAlwaysFreeTierTakesDataOutAndRequests() throws {
        let plan = try Self.plan("{kind: cloudfront-vpc-origin}")
        // 1 TB = 1,024 GB × $0.085 = $87.04; 10 M requests = 1,000 × 10,000 × $0.01 = $10.00.
        let free = Self.free(plan)
        #expect(free.map(\.item) == ["cloudfront.free-tier", "cloudfront.free-tier"])
        #expect(free.map(\.quantity) == [-1024, -1000])
        #expect(free.map(\.amount) == [Decimal(string: "-87.04")!, -10])
        #expect(plan.options[0].monthlyCost?.total == Decimal(string: "203.19")!, "$300.23 − $97.04")
        // Data out leaves through CloudFront: the regional 100 GB does not apply.
        #expect(!free.contains { $0.item == "dataTransfer.internet-out-free-gb" })
    }

    @Test func anAllowanceNeverExceedsTheUse() throws {
        // 40 GB out and 800,000 requests: all of it free, and nothing more.
        let plan = try Self.plan("{kind: cloudfront-vpc-origin}", traffic: "traffic: {requests: 800000, dataOutGB: 40, dataInGB: 2}")
        let cost = try #require(plan.options[0].monthlyCost)
        let out = cost.lines.first { $0.item == "cloudfront.data-out" }, freeOut = Self.free(plan).first
        #expect(freeOut?.quantity == -40 && freeOut?.amount == -(out?.amount ?? 0))
        #expect(Self.free(plan).last?.quantity == -80)
    }

    @Test func offByDefault() throws {
        let plan = try Self.plan("{kind: alb-controller}", freeTier: false)
        #expect(Self.free(plan).isEmpty)
        #expect(plan.pricing?.freeTier == false)
        #expect(!PlanJSONRenderer().json(plan).serialized().contains("freeTier"))
    }
}
