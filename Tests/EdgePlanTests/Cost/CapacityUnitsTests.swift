import EdgePlan
import Foundation
import Testing

/// LCU and NLCU by their own definitions, read from the price file's dimensions.
@Suite struct CapacityUnitsTests {
    static func profile(_ rps: Decimal, newPerSecond: Decimal, active: Decimal, gbPerHour: Decimal, rules: Decimal = 10) -> TrafficProfile {
        let hours: Decimal = 730
        var t = TrafficProfile(Traffic(requests: rps * hours * 3600, dataOutGB: gbPerHour * hours, dataInGB: 0,
                                       newConnectionsPerSecond: newPerSecond, activeConnections: active), hoursPerMonth: hours)
        t.albRulesPerRequest = rules
        return t
    }

    @Test func anALBIsBilledOnItsHighestDimension() throws {
        let prices = try Fixtures.catalog("us-east-1")
        // 100 new/s → 4 LCU; 6,000 active → 2 LCU; 0.5 GB/h → 0.5 LCU; 10 rules → no rule evaluations.
        let a = try ALBCapacityUnits(Self.profile(100, newPerSecond: 100, active: 6000, gbPerHour: Decimal(string: "0.5")!), prices: prices)
        #expect(a.newConnections == 4 && a.activeConnections == 2 && a.processedBytes == Decimal(string: "0.5")! && a.ruleEvaluations == 0)
        #expect(a.lcu == 4 && a.billedOn == "new connections")
        // 25 rules a request at 200 requests/s: 200 × (25 − 10 free) = 3,000 evaluations/s = 3 LCU.
        let r = try ALBCapacityUnits(Self.profile(200, newPerSecond: 1, active: 1, gbPerHour: 1, rules: 25), prices: prices)
        #expect(r.ruleEvaluations == 3 && r.lcu == 3 && r.billedOn == "rule evaluations")
    }

    @Test func anNLCUHoldsFarMoreConnectionsThanAnLCU() throws {
        let prices = try Fixtures.catalog("us-east-1")
        // The same 100 new/s and 6,000 active: 0.125 and 0.06 NLCU; 0.5 GB/h → 0.5 NLCU.
        let n = try NLBCapacityUnits(Self.profile(100, newPerSecond: 100, active: 6000, gbPerHour: Decimal(string: "0.5")!), prices: prices)
        #expect(n.newConnections == Decimal(string: "0.125")! && n.activeConnections == Decimal(string: "0.06")!)
        #expect(n.nlcu == Decimal(string: "0.5")! && n.billedOn == "processed bytes")
        // 1,600 new connections a second: 2 NLCU.
        #expect(try NLBCapacityUnits(Self.profile(1, newPerSecond: 1600, active: 1, gbPerHour: 1), prices: prices).nlcu == 2)
    }

    @Test func aMissingDimensionIsNamed() throws {
        let source = Source(title: "t")
        let prices = PriceCatalog(region: "us-east-1", regionName: "x", file: "p/us-east-1.json", prices: [
            .init(item: "nlb.nlcu-hour", description: "", unit: "NLCU-hour", tiers: [.init(upTo: nil, usd: 1)], dimensions: ["newConnectionsPerSecond": 800], source: source),
        ])
        #expect(throws: PriceError.missingDimension(file: "p/us-east-1.json", item: "nlb.nlcu-hour", dimension: "activeConnections")) {
            try NLBCapacityUnits(Self.profile(1, newPerSecond: 1, active: 1, gbPerHour: 1), prices: prices)
        }
    }
}
