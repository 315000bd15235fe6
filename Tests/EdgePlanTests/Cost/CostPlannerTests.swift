import EdgePlan
import Foundation
import Testing

/// Missing prices and price files: a located, named error for `edgeplan cost`, a note for `plan`.
@Suite struct CostPlannerTests {
    static func run(_ yaml: String, pricing: PlanPricing, required: Bool) -> Pipeline.Outcome {
        var pipeline = Fixtures.pipeline
        pipeline.planner.costPlanner.pricesRequired = required
        return pipeline.run(yaml, file: "d.yaml", pricing: { _ in pricing })
    }

    @Test func aMissingRegionFileIsALocatedNamedError() throws {
        let yaml = Fixtures.design(frontends: "[{kind: alb-controller}]").replacingOccurrences(of: "eu-west-1", with: "sa-east-1")
        let missing = PlanPricing.unavailable(.missingRegion(folder: "pricing/aws", region: "sa-east-1"))
        let outcome = Self.run(yaml, pricing: missing, required: true)
        #expect(outcome.plan == nil)
        #expect(outcome.diagnostics.map(\.formatted) == [
            "d.yaml:3:9: error: region: no price file for sa-east-1: pricing/aws/sa-east-1.json does not exist; add it with sourced prices",
        ])
        // `plan` goes on without costs and says why.
        let plan = try #require(Self.run(yaml, pricing: missing, required: false).plan)
        #expect(plan.options.allSatisfy { $0.monthlyCost == nil } && plan.pricing == nil && plan.breakEven.isEmpty)
        #expect(plan.notes.map(\.formatted).contains("d.yaml:3:9: note: region: costs not computed: no price file for sa-east-1: pricing/aws/sa-east-1.json does not exist; add it with sourced prices"))
    }

    /// The pinned eu-west-1 file lacks alb.hour, nlb.hour and nlb.nlcu-hour: each is a visible
    /// unpriced line, the rest is priced, the note names the file and who needs it, and options
    /// that lack different items are not compared by cost.
    @Test func aMissingItemIsAnUnpricedLineAndTheRestIsPriced() throws {
        let outcome = Self.run(Fixtures.design(frontends: "[{kind: alb-controller}, {kind: nlb-to-alb}]"), pricing: Fixtures.pricing("eu-west-1"), required: true)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "a missing price is not an error, even for edgeplan cost")
        let plan = try #require(outcome.plan)
        let alb = try #require(plan.options[0].monthlyCost)
        #expect(alb.unpricedItems == ["alb.hour"])
        #expect(alb.total > 0 && alb.totalText.hasSuffix(" + unpriced items"))
        #expect(!alb.lines.contains { $0.item == "alb.hour" })
        #expect(alb.unpriced.first?.sentence == "alb.hour × 730 hour: no sourced price")
        let nlb = try #require(plan.options[1].monthlyCost)
        #expect(nlb.unpricedItems == ["alb.hour", "nlb.hour", "nlb.nlcu-hour"])
        #expect(nlb.unpriced.first { $0.item == "nlb.nlcu-hour" }?.quantity == nil, "an NLCU's size comes with its price")
        #expect(plan.pricing?.missing == [
            .init(item: "alb.hour", neededBy: ["alb-controller", "nlb-to-alb"]),
            .init(item: "nlb.hour", neededBy: ["nlb-to-alb"]),
            .init(item: "nlb.nlcu-hour", neededBy: ["nlb-to-alb"]),
        ])
        #expect(plan.notes.map(\.message).contains(
            "pricing/aws/eu-west-1.json has no price for 'alb.hour', needed by alb-controller, nlb-to-alb; priced without it, their totals say '+ unpriced items', and the options are not ranked by cost; add it with its source or with 'edgeplan pricing import' (edgeplan never guesses a price)"))
        // Totals that leave out different items do not compare: no sweep, no break-even, no cost in the ranking.
        #expect(plan.costSweep == nil && plan.breakEven.isEmpty)
        #expect(plan.recommendation?.why.contains("less than the next") == false)
    }

    /// Options that lack the same prices compare on what is priced: the sweep and the ranking use
    /// their totals, and the reason says the unpriced items are the same.
    @Test func optionsLackingTheSameItemsAreRankedOnWhatIsPriced() throws {
        let traffic = "traffic: {requests: 50000000, dataOutGB: 2000}"
        let yaml = Fixtures.design(frontends: "[{kind: alb-controller}, {kind: cloudfront-vpc-origin}]", extra: traffic)
        let plan = try #require(Self.run(yaml, pricing: Fixtures.pricing("eu-west-1"), required: false).plan)
        #expect(plan.options.map { $0.monthlyCost?.unpricedItems } == [["alb.hour"], ["alb.hour"]])
        #expect(plan.costSweep != nil)
        #expect(plan.recommendation?.why.contains("cannot rank") == false)
        #expect(!plan.notes.contains { $0.message.contains("not ranked by cost") })
    }

    /// A price file that is wrong is not a price file that is missing: an error for `plan` too,
    /// placed in the price file rather than at the design's `region:` line.
    @Test func aMalformedPriceFileIsALocatedErrorEvenForPlan() throws {
        let yaml = OptionCostTests.design("[{kind: alb-controller}]")
        let text = try Fixtures.text("pricing/aws/us-east-1.json")
        let bent = text.replacingOccurrences(of: #""usd": "0.0225""#, with: #""usd": "0.0225.5""#)
        #expect(bent != text)
        let pricing: PlanPricing
        do { pricing = .catalog(try PriceCatalog(json: Data(bent.utf8), file: "pricing/aws/us-east-1.json", region: "us-east-1")) } catch { pricing = .unavailable(error) }
        for required in [false, true] {
            let outcome = Self.run(yaml, pricing: pricing, required: required)
            #expect(outcome.plan == nil)
            let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted)
            #expect(errors.count == 2 && errors.allSatisfy { $0.hasPrefix("pricing/aws/us-east-1.json:") && $0.contains("'0.0225.5' is not a plain decimal") }, "\(errors)")
        }
    }

    /// A dimension that quantities are divided by must be above 0; found only when the price is
    /// used, it is still an error in the price file, at the dimension.
    @Test func aZeroCapacityUnitIsALocatedErrorEvenForPlan() throws {
        let yaml = OptionCostTests.design("[{kind: alb-controller}]")
        let text = try Fixtures.text("Tests/Fixtures/pricing/us-east-1.json")
        let bent = text.replacingOccurrences(of: #""newConnectionsPerSecond": "25""#, with: #""newConnectionsPerSecond": "0""#)
        #expect(bent != text)
        let catalog = try PriceCatalog(json: Data(bent.utf8), file: "pricing/aws/us-east-1.json", region: "us-east-1")
        let outcome = Self.run(yaml, pricing: .catalog(catalog), required: false)
        #expect(outcome.plan == nil)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted) == [
            "pricing/aws/us-east-1.json:27:36: error: prices[1].dimensions.newConnectionsPerSecond: 'alb.lcu-hour': must be above 0: quantities are divided by it",
        ])
    }

    @Test func thePriceCatalogNamesTheFileAndTheItem() throws {
        let catalog = try Fixtures.catalog("eu-west-1")
        #expect(throws: PriceError.missingItem(file: "pricing/aws/eu-west-1.json", item: "nlb.hour")) { try catalog.price("nlb.hour") }
        #expect(PriceError.missingItem(file: "pricing/aws/eu-west-1.json", item: "nlb.hour").description
            == "pricing/aws/eu-west-1.json has no price for 'nlb.hour'; add it with its source (edgeplan never guesses a price)")
    }

    @Test func cloudFrontOutsideNorthAmericaAndEuropeAsksForItsOwnPrices() throws {
        #expect(CloudFrontGeography(region: "us-east-1").httpsRequestsItem == "cloudfront.https-requests")
        #expect(CloudFrontGeography(region: "eu-west-1").httpsRequestsItem == "cloudfront.https-requests.europe")
        #expect(CloudFrontGeography(region: "eu-west-1").dataOutItem == "cloudfront.data-out")
        #expect(CloudFrontGeography(region: "ap-southeast-1").dataOutItem == "cloudfront.data-out.asia-pacific")
        let yaml = Fixtures.design(frontends: "[{kind: cloudfront-vpc-origin}]").replacingOccurrences(of: "eu-west-1", with: "ap-southeast-1")
        let errors = Self.run(yaml, pricing: Fixtures.pricing("ap-southeast-1"), required: true).diagnostics.map(\.message)
        #expect(errors.contains { $0.hasPrefix("pricing/aws/ap-southeast-1.json has no price for 'cloudfront.data-out.asia-pacific'") })
    }

    @Test func pricingSummaryListsTheSourceOfEveryPriceUsed() throws {
        let plan = try Fixtures.pricedPlan(OptionCostTests.design("[{kind: alb-controller}]"))
        let pricing = try #require(plan.pricing)
        #expect(pricing.file == "pricing/aws/us-east-1.json" && pricing.region == "us-east-1")
        #expect(pricing.sources.map(\.item) == ["alb.hour", "alb.lcu-hour", "dataTransfer.in", "dataTransfer.internet-out", "ec2.public-ipv4-hour",
                                                 "eks.cluster-hour", "waf.requests", "waf.rule-month", "waf.web-acl-month"])
        #expect(pricing.sources.allSatisfy { $0.source.read != nil && !$0.source.title.isEmpty })
        #expect(pricing.traffic?.requests == 50_000_000)
    }

    @Test func costingIsDeterministic() throws {
        let yaml = try Fixtures.text("Tests/EdgePlanTests/Designs/every-option.yaml")
        let a = try Fixtures.pricedPlan(yaml)
        let b = try Fixtures.pricedPlan(yaml)
        #expect(a == b)
        #expect(a.options.allSatisfy { $0.monthlyCost != nil })
    }
}

/// `validate` skips the traffic sweep and the break-even search (`CostPlanner.analysesTraffic`):
/// that is only right if they can meet no problem the design's own traffic does not.
@Suite struct TrafficAnalysisTests {
    @Test func theSweepMeetsNoProblemTheDesignsTrafficDoesNot() throws {
        var designs = try Fixtures.examples().map { ("examples/\($0)", try Fixtures.text("examples/\($0)")) }
        let folder = Fixtures.root.appendingPathComponent("Tests/EdgePlanTests/Designs")
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".yaml") else { continue }
            designs.append((path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
        }
        let pricings: [(String, (String) -> PlanPricing, freeTier: Bool)] = [
            ("pinned", Fixtures.pricing, false), ("pinned", Fixtures.pricing, true), ("live", Fixtures.livePricing, false),
            ("pay as you go", Fixtures.payAsYouGoPricing, false),
        ]
        var swept = 0, notSwept = 0
        for (file, yaml) in designs.sorted(by: { $0.0 < $1.0 }) {
            for (name, pricing, freeTier) in pricings {
                var pipeline = Fixtures.pipeline
                if freeTier { pipeline.planner.costPlanner.model.lines.insert(.freeTier) }
                let full = pipeline.run(yaml, file: file, pricing: pricing)
                pipeline.planner.costPlanner.analysesTraffic = false
                let quick = pipeline.run(yaml, file: file, pricing: pricing)
                let context = "\(file), \(name) prices\(freeTier ? ", free tier" : "")"
                #expect(quick.diagnostics.map(\.formatted) == full.diagnostics.map(\.formatted), "\(context)")
                #expect(quick.plan?.notes.map(\.formatted) == full.plan?.notes.map(\.formatted), "\(context)")
                #expect(quick.plan?.unpriced == full.plan?.unpriced, "\(context)")
                #expect(quick.plan?.options.map(\.monthlyCost) == full.plan?.options.map(\.monthlyCost), "\(context)")
                #expect(quick.plan?.costSweep == nil && quick.plan?.breakEven.isEmpty != false, "\(context): nothing swept")
                if full.plan?.costSweep != nil { swept += 1 } else { notSwept += 1 }
            }
        }
        // Not vacuous: most plans were swept, and some were not (totals leaving out different items).
        #expect(swept > designs.count && notSwept > 0, "\(swept) swept, \(notSwept) not, of \(designs.count) designs")
    }
}
