import EdgePlan
import Foundation
import Testing

/// Each rule on a design where it fires and one where it must not, differing in one field.
@Suite struct CaveatRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        var rule: String
        var fires: String
        var severity: Caveat.Severity
        var silent: String
        /// Top-level design fields for the design where it fires (the silent one has none).
        var firesWith: String = ""
        /// A `network` field for the design where it fires (the silent one keeps the default).
        var firesWithNetwork: String = ""
        var description: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "origin-bypass", fires: "{kind: cloudfront-public-nlb, originProtection: none}", severity: .critical,
             silent: "{kind: cloudfront-vpc-origin}"),
        Case(rule: "nlb-without-security-group", fires: "{kind: cloudfront-public-nlb, deployStyle: staggered}", severity: .warning,
             silent: "{kind: cloudfront-public-nlb, deployStyle: bound}"),
        Case(rule: "endpoint-eni-targets", fires: "{kind: alb-privatelink-nlb}", severity: .warning, silent: "{kind: alb-controller}"),
        Case(rule: "kubernetes-created-load-balancer", fires: "{kind: apigw-vpclink-nlb, deployStyle: staggered}", severity: .warning,
             silent: "{kind: apigw-vpclink-nlb, deployStyle: bound}"),
        Case(rule: "privatelink-data-processing", fires: "{kind: alb-privatelink-nlb}", severity: .info, silent: "{kind: nlb-to-alb}"),
        Case(rule: "api-gateway-limits", fires: "{kind: apigw-vpclink-alb}", severity: .warning, silent: "{kind: alb-controller}"),
        Case(rule: "waf-attachment", fires: "{kind: apigw-vpclink-nlb, api: http, waf: true}", severity: .critical,
             silent: "{kind: apigw-vpclink-nlb, api: rest, waf: true}"),
        Case(rule: "classic-load-balancer-legacy", fires: "{kind: alb-privatelink-nlb}", severity: .info,
             silent: "{kind: alb-privatelink-nlb, deployStyle: bound}"),
        Case(rule: "prefix-list-weight", fires: "{kind: cloudfront-public-nlb, originProtection: prefix-list-sg}", severity: .warning,
             silent: "{kind: cloudfront-public-nlb, originProtection: secret-header}"),
        Case(rule: "nlb-cross-zone-off", fires: "{kind: apigw-vpclink-nlb, deployStyle: staggered}", severity: .info,
             silent: "{kind: apigw-vpclink-nlb, deployStyle: bound}"),
        Case(rule: "nlb-cross-zone-charges", fires: "{kind: nlb-to-alb}", severity: .info, silent: "{kind: apigw-vpclink-nlb, deployStyle: staggered}"),
        Case(rule: "client-ip", fires: "{kind: alb-controller}", severity: .info, silent: ""),
        Case(rule: "vpc-link-v1-legacy", fires: "{kind: apigw-vpclink-nlb, api: rest}", severity: .info, silent: "{kind: apigw-vpclink-nlb, api: http}"),
        Case(rule: "alb-ingress-group-sharing", fires: "{kind: alb-controller}", severity: .warning, silent: "{kind: alb-controller, loadBalancerApi: gateway-api}"),
        Case(rule: "apigw-default-endpoint", fires: "{kind: apigw-vpclink-nlb}", severity: .info, silent: "{kind: nlb-to-alb}"),
        Case(rule: "elastic-ips-fixed-at-creation", fires: "{kind: nlb-to-alb}", severity: .info, silent: "{kind: cloudfront-public-nlb}"),
        Case(rule: "lbc-service-webhook", fires: "{kind: cloudfront-public-nlb, deployStyle: staggered}", severity: .warning,
             silent: "{kind: cloudfront-public-nlb, deployStyle: bound}"),
        Case(rule: "cloudfront-origin-timeout", fires: "{kind: cloudfront-vpc-origin}", severity: .info, silent: "{kind: alb-controller}"),
        Case(rule: "cloudfront-origin-tls", fires: "{kind: cloudfront-public-nlb, originProtection: prefix-list-sg}", severity: .info,
             silent: "{kind: cloudfront-vpc-origin, origin: nlb}"),
        Case(rule: "lbc-gateway-crds", fires: "{kind: alb-controller, loadBalancerApi: gateway-api}", severity: .warning,
             silent: "{kind: alb-controller, loadBalancerApi: ingress}"),
        Case(rule: "global-accelerator-addresses", fires: "{kind: global-accelerator-alb}", severity: .info, silent: "{kind: nlb-to-alb}"),
        Case(rule: "auto-mode-target-group-binding", fires: "{kind: apigw-vpclink-alb}", severity: .warning, silent: "{kind: apigw-vpclink-alb}",
             firesWith: "clusterMode: auto"),
        Case(rule: "ingress-nginx-retired", fires: "{kind: apigw-vpclink-nlb, router: ingress-nginx}", severity: .critical,
             silent: "{kind: apigw-vpclink-nlb}"),
        Case(rule: "single-nat-gateway", fires: "{kind: alb-controller}", severity: .warning, silent: "{kind: alb-controller}",
             firesWithNetwork: "natGateways: single"),
    ]

    static func caveats(_ frontend: String, extra: String = "", network: String = "") throws -> [Caveat] {
        try Fixtures.plan(Fixtures.design(frontends: "[\(frontend)]", extra: extra, network: network)).options[0].caveats
    }

    @Test(arguments: cases)
    func ruleFiresOnlyWhereItShould(_ c: Case) throws {
        let fired = try Self.caveats(c.fires, extra: c.firesWith, network: c.firesWithNetwork).first { $0.id == c.rule }
        let caveat = try #require(fired, "\(c.rule) should fire on \(c.fires)")
        #expect(caveat.severity == c.severity)
        #expect(!caveat.title.isEmpty && !caveat.detail.isEmpty && !caveat.mitigation.isEmpty && !caveat.reference.isEmpty)
        if !c.silent.isEmpty {
            #expect(try Self.caveats(c.silent).allSatisfy { $0.id != c.rule }, "\(c.rule) must not fire on \(c.silent)")
        }
    }

    @Test func everyRuleIsCoveredAndIdsAreKebabCase() {
        let ids = CaveatEngine.standardRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(Self.cases.map(\.rule)))
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)") }
    }

    @Test func originProtectionSetsTheBypassSeverity() throws {
        let none = try Self.caveats("{kind: cloudfront-public-nlb, originProtection: none}").first { $0.id == "origin-bypass" }
        let header = try Self.caveats("{kind: cloudfront-public-nlb, originProtection: secret-header}").first { $0.id == "origin-bypass" }
        let sg = try Self.caveats("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg}").first { $0.id == "origin-bypass" }
        let both = try Self.caveats("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg-and-secret-header, deployStyle: bound}").first { $0.id == "origin-bypass" }
        // The prefix list alone admits every distribution, an attacker's too.
        #expect(none?.severity == .critical && header?.severity == .warning && sg?.severity == .warning && both?.severity == .info)
    }

    @Test func privateLinkLevelComesFromThePrices() throws {
        // 3 AZs × 730 h × $0.01 = $21.90 of endpoint hours a month; at $0.01/GB the per-GB charge is larger above 2,190 GB.
        let catalog = PriceCatalog(region: "eu-west-1", regionName: "Europe (Ireland)", file: "pricing/aws/eu-west-1.json", prices: [
            .init(item: "privatelink.endpoint-hour", description: "", unit: "endpoint-AZ-hour", tiers: [.init(upTo: nil, usd: Decimal(string: "0.01")!)], source: Source(title: "t")),
            .init(item: "privatelink.data-processed", description: "", unit: "GB", tiers: [.init(upTo: Decimal(1_048_576), usd: Decimal(string: "0.01")!), .init(upTo: nil, usd: Decimal(string: "0.006")!)], source: Source(title: "t")),
        ])
        func caveat(_ gb: Int) throws -> Caveat? {
            let yaml = Fixtures.design(frontends: "[{kind: alb-privatelink-nlb}]", extra: "traffic: {dataOutGB: \(gb)}")
            let outcome = Fixtures.pipeline.run(yaml, file: "t.yaml", prices: { _ in catalog })
            return outcome.plan?.options[0].caveats.first { $0.id == "privatelink-data-processing" }
        }
        let below = try #require(try caveat(2000))
        #expect(below.severity == .info)
        #expect(below.detail.contains("above 2,190 GB a month"))
        #expect(try caveat(2190)?.severity == .warning)
    }

    /// The caveat and the cost model count the same traffic through the endpoint, defaults included.
    @Test func privateLinkCaveatAndCostsShareTheTraffic() throws {
        let plan = try Fixtures.pricedPlan(OptionCostTests.design("[{kind: alb-privatelink-nlb}]", traffic: "traffic: {requests: 7000000}"))
        let option = try #require(plan.options.first)
        let line = try #require(option.monthlyCost?.lines.first { $0.item == "privatelink.data-processed" })
        #expect(line.quantity == Decimal(string: "367.5")!, "350 GB out (20,000 requests a GB) + 5% in")
        let caveat = try #require(option.caveats.first { $0.id == "privatelink-data-processing" })
        #expect(caveat.detail.contains("This design moves 367.5 GB a month through it (out + in)."), "\(caveat.detail)")
    }
}
