import EdgePlan
import Foundation
import HostileInputs
import Testing

/// Break-even points on a price list made for the test, where the crossing can be worked out by hand.
@Suite struct BreakEvenTests {
    static let source = Source(title: "test prices")

    static func flat(_ item: String, _ usd: Decimal, unit: String = "x", dimensions: [String: Decimal] = [:]) -> PriceCatalog.Price {
        .init(item: item, description: "", unit: unit, tiers: [.init(upTo: nil, usd: usd)], dimensions: dimensions, source: source)
    }

    /// An ALB costs $0.10 an hour (and nothing else), an HTTP API $1 per million requests, data out
    /// $0.09/GB for both. With requests at 20,000 per GB, the API costs 0.02 × GB; the ALB 730 × 0.10 =
    /// $73. They cross at 73 / 0.02 = 3,650 GB: the API is cheaper below, the ALB above.
    static let prices = PriceCatalog(region: "us-east-1", regionName: "test", file: "test/us-east-1.json", prices: [
        flat("alb.hour", Decimal(string: "0.10")!),
        flat("alb.lcu-hour", 0, dimensions: ["newConnectionsPerSecond": 25, "activeConnectionsPerMinute": 3000, "processedGBPerHourEC2Targets": 1, "ruleEvaluationsPerSecond": 1000, "freeRulesPerRequest": 10]),
        flat("ec2.public-ipv4-hour", 0), flat("nlb.hour", 0),
        flat("nlb.nlcu-hour", 0, dimensions: ["newConnectionsPerSecond": 800, "activeConnections": 100_000, "processedGBPerHour": 1]),
        flat("apigw.http.requests", 1, dimensions: ["meteringIncrementKB": 512]),
        flat("dataTransfer.internet-out", Decimal(string: "0.09")!), flat("dataTransfer.in", 0), flat("eks.cluster-hour", Decimal(string: "0.10")!),
        // Free here, so that the crossing stays one worked out by hand (OptionCostTests prices it).
        flat("dataTransfer.inter-az", 0),
    ])

    static func plan(_ frontends: String, traffic: String = "traffic: {dataOutGB: 1000}") throws -> Plan {
        let yaml = Fixtures.design(frontends: frontends, extra: traffic).replacingOccurrences(of: "region: eu-west-1", with: "region: us-east-1")
        let outcome = Fixtures.pipeline.run(yaml, file: "t.yaml", prices: { _ in prices })
        return try #require(outcome.plan, "\(outcome.diagnostics.map(\.formatted))")
    }

    @Test func theCrossingIsFoundBetweenSweepPointsAndRounded() throws {
        let plan = try Self.plan("[{kind: alb-controller}, {kind: apigw-vpclink-nlb, api: http}]")
        #expect(plan.breakEven == [BreakEven(cheaperBelow: "apigw-vpclink-nlb-http", cheaperAbove: "alb-controller", dataOutGB: 3650)])
        // At the design's 1,000 GB the API is cheaper: $20 + $90 against $73 + $90.
        #expect(plan.options.map { $0.monthlyCost?.total } == [163, 110])
    }

    @Test func bisectionIsPrecise() {
        let finder = BreakEvenFinder()
        // A line through zero at 3,650 + 1/3: found to within the relative precision.
        let root = Decimal(3650) + Decimal(1) / Decimal(3)
        let x = finder.crossing(lo: 3300, hi: 4700, loSign: -1) { $0 - root }
        #expect(abs(x - root) <= root * finder.relativePrecision)
        #expect(finder.round(x) == Decimal(string: "3650")!)
        #expect(finder.round(Decimal(string: "0.123456")!) == Decimal(string: "0.1235")!)
        #expect(finder.round(Decimal(1_234_567)) == Decimal(1_235_000))
    }

    /// Plain bisection, the definition the faster search must agree with: halve until the ends round alike.
    static func bisected(_ finder: BreakEvenFinder, lo: Decimal, hi: Decimal, loSign: Int, _ f: (Decimal) -> Decimal) -> Decimal {
        var (lo, hi) = (lo, hi)
        var steps = 0
        while steps < 200, hi - lo > lo * finder.relativePrecision, finder.round(lo) != finder.round(hi) {
            steps += 1
            let mid = (lo + hi) / 2
            let d = f(mid)
            let s = d > 0 ? 1 : d < 0 ? -1 : 0
            if s == 0 { return mid }
            if s == loSign { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Differences of two piecewise-linear costs, with kinks (tiers, the busiest capacity-unit
    /// dimension) and steps (a flat-rate plan's allowance), between two sweep points: the search
    /// by probes around interpolated crossings rounds to the figure bisection gives, every time,
    /// and on a straight piece it needs far fewer evaluations.
    @Test func theSearchFindsWhatBisectionFinds() {
        let finder = BreakEvenFinder()
        var random = SplitMix64(seed: 2026)
        var evaluations = (search: 0, bisection: 0)
        func number(_ range: ClosedRange<Int>, scale: Int = 2) -> Decimal {
            Decimal(sign: .plus, exponent: -scale, significand: Decimal(Int.random(in: range, using: &random)))
        }
        for _ in 0..<400 {
            let lo = number(100...5_000_000, scale: 3), hi = lo * Decimal(string: "1.5")!
            // A line with the wanted sign at each end, bent at up to three points and stepped at up to one.
            let root = lo + (hi - lo) * number(1...99) / 100
            var breaks = (0..<Int.random(in: 0...3, using: &random)).map { _ in lo + (hi - lo) * number(1...99) / 100 }
            breaks.sort()
            let slopes = (0...breaks.count).map { _ in number(1...50_000, scale: 4) }
            let step: (at: Decimal, by: Decimal)? = Bool.random(using: &random) ? (root, number(1...10_000)) : nil
            // Increasing (every piece's slope is positive) through zero at `root`, or stepping up there.
            func f(_ x: Decimal) -> Decimal {
                var y = slopes[0] * (x - root)
                for (k, b) in breaks.enumerated() { y += (slopes[k + 1] - slopes[k]) * (max(0, x - b) - max(0, root - b)) }
                if let step, x >= step.at { y += step.by }
                return y
            }
            var counted = 0
            let found = finder.crossing(lo: lo, hi: hi, loSign: -1, settled: { finder.round($0) == finder.round($1) }) { counted += 1; return f($0) }
            var counted2 = 0
            let expected = Self.bisected(finder, lo: lo, hi: hi, loSign: -1) { counted2 += 1; return f($0) }
            #expect(finder.round(found) == finder.round(expected), "lo \(lo) root \(root) breaks \(breaks) step \(String(describing: step))")
            evaluations.search += counted
            evaluations.bisection += counted2
        }
        #expect(evaluations.search * 3 < evaluations.bisection * 2, "\(evaluations)")
    }

    /// A price that fails at one sweep point is a failure, never $0: a zero there would make the
    /// option look free and fake a crossing on each side of it.
    @Test func aFailureAtAnySweepPointIsThrownNeverPricedAtZero() throws {
        struct NoPrice: Error, Equatable { var option: Int; var gb: Decimal }
        let finder = BreakEvenFinder()
        // b costs $10 flat, a $1 + $0.001/GB: a is cheaper below 9,000 GB. b cannot be priced past 100 GB.
        let total = { @Sendable (i: Int, x: Decimal) throws(NoPrice) -> Decimal in
            if i == 1 && x > 100 { throw NoPrice(option: i, gb: x) }
            return i == 0 ? 1 + x / 1000 : 10
        }
        #expect(throws: NoPrice(option: 1, gb: Decimal(string: "150")!)) { try finder.analyse(options: ["a", "b"], total: total) }
        // Without the failure the crossing is found where it is.
        let priced = try finder.analyse(options: ["a", "b"]) { i, x in i == 0 ? 1 + x / 1000 : 10 }
        #expect(priced.breakEvens == [BreakEven(cheaperBelow: "a", cheaperAbove: "b", dataOutGB: 9000)])
        #expect(priced.sweep.points.count == BreakEvenFinder.sweepPoints.count)
    }

    @Test func optionsThatNeverChangePlacesHaveNoBreakEven() throws {
        // The same option twice ties everywhere; an option that is always dearer never crosses.
        let plan = try Self.plan("[{kind: alb-controller}, {kind: alb-controller, id: twin}, {kind: nlb-to-alb}]")
        #expect(plan.breakEven.isEmpty)
    }

    @Test func theSweepRunsFrom1GBTo5PBOnALogScale() throws {
        let points = BreakEvenFinder.sweepPoints
        #expect(points.first == 1 && points.last == 5_242_880)
        #expect(points.count == 42)
        #expect(Array(points.prefix(7)) == [1, Decimal(string: "1.5")!, Decimal(string: "2.2")!, Decimal(string: "3.3")!, Decimal(string: "4.7")!, Decimal(string: "6.8")!, 10])
        for (a, b) in zip(points, points.dropFirst()) { #expect(a < b) }
        let plan = try Self.plan("[{kind: alb-controller}, {kind: apigw-vpclink-nlb, api: http}]")
        let sweep = try #require(plan.costSweep)
        #expect(sweep.points.map(\.dataOutGB) == points)
        // At 1 GB: ALB $73 + $0.09; API 20,000 requests × $1/M = $0.02 + $0.09.
        #expect(sweep.points[0].totals.map(\.option) == ["alb-controller", "apigw-vpclink-nlb-http"])
        #expect(sweep.points[0].totals.map(\.total) == [Decimal(string: "73.09")!, Decimal(string: "0.11")!])
    }

    @Test func costsComeBeforeWarningsInTheRanking() throws {
        // Both meet no stated need and have no critical caveat: the cheaper one wins.
        let plan = try Self.plan("[{kind: alb-controller}, {kind: apigw-vpclink-nlb, api: http}]")
        #expect(plan.recommendation?.ranking == ["apigw-vpclink-nlb-http", "alb-controller"])
        #expect(plan.recommendation?.why.contains("It costs $110.00 a month, $53.00 less than the next, alb-controller.") == true)
    }
}
