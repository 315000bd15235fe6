import EdgePlan
import Foundation
import Testing

/// The traffic defaults stated in the README, and proportional scaling for the sweep.
@Suite struct TrafficProfileTests {
    @Test func nothingGivenTakesEveryDefault() {
        let t = TrafficProfile(Traffic(), hoursPerMonth: 730)
        #expect(t.requests == 10_000_000)
        #expect(t.dataOutGB == 500, "10 M requests at 20,000 requests per GB")
        #expect(t.dataInGB == 25, "5% of data out")
        // One new connection per request: 10,000,000 / (730 × 3,600) a second; each open 60 s.
        #expect(t.newConnectionsPerSecond == Decimal(10_000_000) / Decimal(2_628_000))
        #expect(t.activeConnections == t.newConnectionsPerSecond * 60)
        #expect(t.wafRules == 10)
        #expect(t.albRulesPerRequest == 10)
        #expect(t.defaulted == ["requests", "dataOutGB", "dataInGB", "newConnectionsPerSecond", "activeConnections", "wafRules"])
    }

    @Test func oneOfRequestsOrDataOutGivesTheOther() {
        #expect(TrafficProfile(Traffic(requests: 50_000_000), hoursPerMonth: 730).dataOutGB == 2500)
        #expect(TrafficProfile(Traffic(dataOutGB: 2000), hoursPerMonth: 730).requests == 40_000_000)
        let given = TrafficProfile(Traffic(requests: 1, dataOutGB: 2, dataInGB: 3, newConnectionsPerSecond: 4, activeConnections: 5, wafRules: 6), hoursPerMonth: 720)
        #expect(given.defaulted.isEmpty)
        #expect([given.requests, given.dataOutGB, given.dataInGB, given.newConnectionsPerSecond, given.activeConnections, given.wafRules] == [1, 2, 3, 4, 5, 6])
    }

    @Test func derivedRates() {
        let t = TrafficProfile(Traffic(requests: 7_300_000, dataOutGB: 700, dataInGB: 30), hoursPerMonth: 730)
        #expect(t.processedGBPerHour == 1, "730 GB over 730 h")
        #expect(t.requestsPerSecond == Decimal(7_300_000) / Decimal(2_628_000))
        #expect(t.averageKBPerRequest == Decimal(730) * 1_048_576 / Decimal(7_300_000))
    }

    @Test func scalingKeepsTheProportions() {
        let t = TrafficProfile(Traffic(requests: 50_000_000, dataOutGB: 2000, dataInGB: 100, newConnectionsPerSecond: 20, activeConnections: 500, wafRules: 7), hoursPerMonth: 730)
        let s = t.scaled(toDataOutGB: 20_000)
        #expect(s.dataOutGB == 20_000 && s.requests == 500_000_000 && s.dataInGB == 1000)
        #expect(s.newConnectionsPerSecond == 200 && s.activeConnections == 5000)
        #expect(s.wafRules == 7 && s.averageKBPerRequest == t.averageKBPerRequest)
        // With no data out to scale from, the default ratios apply.
        let zero = TrafficProfile(Traffic(requests: 0, dataOutGB: 0), hoursPerMonth: 730).scaled(toDataOutGB: 10)
        #expect(zero.requests == 200_000 && zero.dataInGB == Decimal(string: "0.5")!)
    }
}
