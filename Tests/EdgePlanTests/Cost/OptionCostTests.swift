import EdgePlan
import Foundation
import Testing

/// Monthly costs of every option in us-east-1, worked out by hand from the published prices
/// (pricing/aws/us-east-1.json, pricing/README.md), line by line, for one fully stated traffic profile:
/// 50 M requests, 2,000 GB out, 100 GB in, 20 new connections/s, 500 active connections, 10 WAF rules,
/// 730 h, 3 AZs. Shared figures:
/// - WAF: $5 ACL + 10 rules × $1 + 50 M × $0.60 = $45.00
/// - data out to the internet: 2,000 GB × $0.09 = $180.00
/// - ALB or NLB hours: 730 × $0.0225 = $16.425 → $16.43
/// - ALB LCU: max(20/25, 500/3,000, 2,100 GB/730 h ÷ 1) = 2.8767 LCU × 730 h = 2,100 LCU-h × $0.008 = $16.80
/// - NLB NLCU: max(20/800, 500/100,000, 2.8767) = 2,100 NLCU-h × $0.006 = $12.60
/// - public IPv4: 3 AZs × 730 h × $0.005 = $10.95
/// - CloudFront: 2,000 GB × $0.085 = $170 + 5,000 × 10k HTTPS requests × $0.01 = $50 + 100 GB to origin × $0.02 = $2
/// - a hop that sends to targets in every AZ: 2/3 of 2,100 GB (out + in) = 1,400 GB cross, billed leaving and
///   entering an AZ: 2,800 GB × $0.01 = $28.00. The staggered NLB options' in-tree NLB has instance targets
///   (kube-proxy crosses) and a router in front of the pods (the router crosses): $56. The NLB a stack
///   makes has cross-zone on: $28. An ALB's traffic to targets in other AZs is free: no line.
@Suite struct OptionCostTests {
    static let traffic = "traffic: {requests: 50000000, dataOutGB: 2000, dataInGB: 100, newConnectionsPerSecond: 20, activeConnections: 500, wafRules: 10}"

    static func design(_ frontends: String, region: String = "us-east-1", hours: Int = 730, traffic: String = traffic) -> String {
        """
        edgeplan: 1
        name: cost-test
        region: \(region)
        cluster: cost-eks
        network:
          vpcCidr: 10.40.0.0/16
          azs: 3
          nodes: {max: 12, podsPerNode: 29}
        frontends: \(frontends)
        requirements: {waf: true}
        \(traffic)
        hoursPerMonth: \(hours)
        """
    }

    /// Pay-as-you-go: the pinned file without its CloudFront flat-rate plans, which would replace
    /// the CloudFront and WAF lines at this traffic (CloudFrontFlatRateTests prices them).
    static func cost(_ frontend: String) throws -> MonthlyCost {
        let plan = try Fixtures.payAsYouGoPlan(design("[\(frontend)]"))
        return try #require(plan.options[0].monthlyCost)
    }

    static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    @Test(arguments: [
        // ALB 16.43 + LCU 16.80 + IPv4 10.95 + WAF 45 + DTO 180 + endpoint 3 × 730 × 0.01 = 21.90 + 2,100 GB × 0.01 = 21.00 + NLB 16.43 + NLCU 12.60
        // + between AZs: kube-proxy 28 + router 28
        ("{kind: alb-privatelink-nlb}", "397.11"),
        // WAF 45 + REST 50 M × 3.50 = 175 + DTO 180 + NLB 16.43 + 12.60 + between AZs 28 + 28
        ("{kind: apigw-vpclink-nlb, api: rest}", "485.03"),
        // HTTP 50 M × 1.00 (44 KB average: one 512 KB step) + DTO 180 + NLB 16.43 + 12.60 + between AZs 28 + 28; no WAF can attach
        ("{kind: apigw-vpclink-nlb, api: http}", "315.03"),
        // WAF 45 + CloudFront 222 + origin fetch 0 + NLB 16.43 + 12.60 + IPv4 10.95 + between AZs 28 + 28
        ("{kind: cloudfront-public-nlb}", "362.98"),
        // WAF 45 + ALB 16.43 + 16.80 + IPv4 10.95 + DTO 180
        ("{kind: alb-controller}", "269.18"),
        // WAF 45 + CloudFront 222 + VPC origin 0 + internal ALB 16.43 + 16.80
        ("{kind: cloudfront-vpc-origin}", "300.23"),
        // WAF 45 + CloudFront 222 + internal NLB 16.43 + 12.60 + between AZs: cross-zone NLB 28 + router 28
        ("{kind: cloudfront-vpc-origin, origin: nlb}", "352.03"),
        // HTTP 50 + DTO 180 + WAF (on the ALB) 45 + ALB 16.43 + 16.80
        ("{kind: apigw-vpclink-alb}", "308.23"),
        ("{kind: apigw-vpclink-alb, api: rest}", "433.23"),
        // NLB 16.43 + 12.60 + Elastic IPs 10.95 + DTO 180 + internal ALB 16.43 + 16.80 + WAF 45 + cross-zone NLB 28
        ("{kind: nlb-to-alb}", "326.21"),
    ])
    func everyOptionInUSEast1(_ frontend: String, _ total: String) throws {
        let cost = try Self.cost(frontend)
        #expect(cost.total == Self.d(total), "\(cost.lines.map { "\($0.item) \($0.amount)" })")
        #expect(cost.currency == "USD")
        // The total is the sum of the lines as shown, each rounded to the cent.
        #expect(cost.lines.reduce(Decimal(0)) { $0 + $1.amount } == cost.total)
        for line in cost.lines { #expect(line.amount == line.amount.rounded(2)) }
        // The EKS control plane is shown, the same for every option, and not in the total.
        #expect(cost.shared.map(\.item) == ["eks.cluster-hour"])
        #expect(cost.shared[0].amount == 73)
    }

    @Test func linesNameTheirComponentQuantityAndPriceEntry() throws {
        let cost = try Self.cost("{kind: alb-privatelink-nlb}")
        func line(_ item: String) throws -> MonthlyCost.Line { try #require(cost.lines.first { $0.item == item }) }
        let endpoint = try line("privatelink.endpoint-hour")
        #expect(endpoint.component == "endpoint")
        #expect(endpoint.quantity == 2190 && endpoint.unit == "endpoint-AZ-hour" && endpoint.unitPrice == "0.01")
        #expect(endpoint.amount == Self.d("21.9"))
        #expect(endpoint.priceRef == "pricing/aws/us-east-1.json#privatelink.endpoint-hour")
        let processed = try line("privatelink.data-processed")
        #expect(processed.quantity == 2100, "both directions: 2,000 out + 100 in")
        #expect(processed.basis?.contains("both directions") == true)
        let lcu = try line("alb.lcu-hour")
        #expect(lcu.quantity == 2100 && lcu.amount == Self.d("16.8"))
        #expect(lcu.basis?.hasSuffix("billed on processed bytes") == true)
        let ipv4 = try line("ec2.public-ipv4-hour")
        #expect(ipv4.component == "alb" && ipv4.quantity == 2190)
        // Data leaves AWS at the internet-facing ALB, at EC2 rates.
        #expect(try line("dataTransfer.internet-out").component == "alb")
        #expect(!cost.lines.contains { $0.item.hasPrefix("cloudfront.") })
    }

    @Test func behindCloudFrontDataOutIsBilledAtCloudFrontRatesAndTheOriginFetchIsFree() throws {
        let cost = try Self.cost("{kind: cloudfront-vpc-origin}")
        #expect(!cost.lines.contains { $0.item == "dataTransfer.internet-out" })
        let out = try #require(cost.lines.first { $0.item == "cloudfront.data-out" })
        #expect(out.amount == 170 && out.quantity == 2000)
        let fetch = try #require(cost.lines.first { $0.item == "cloudfront.origin-fetch" })
        #expect(fetch.amount == 0 && fetch.quantity == 2000)
        #expect(cost.lines.first { $0.item == "cloudfront.https-requests" }?.quantity == 5000)
        #expect(cost.lines.first { $0.item == "cloudfront.data-to-origin" }?.amount == 2)
        // The internal ALB holds no public address.
        #expect(!cost.lines.contains { $0.item == "ec2.public-ipv4-hour" })
    }

    /// The seed's figures: 3 AZs × 30 days (720 h) of endpoint hours at $0.01 is $21.60, and 10 TB
    /// (10,000 GB) processed at $0.01 is $100.
    @Test func theSeedFigures() throws {
        let traffic = "traffic: {requests: 50000000, dataOutGB: 10000, dataInGB: 0, newConnectionsPerSecond: 20, activeConnections: 500}"
        let plan = try Fixtures.pricedPlan(Self.design("[{kind: alb-privatelink-nlb}]", hours: 720, traffic: traffic))
        let cost = try #require(plan.options[0].monthlyCost)
        #expect(cost.lines.first { $0.item == "privatelink.endpoint-hour" }?.amount == Self.d("21.6"))
        #expect(cost.lines.first { $0.item == "privatelink.data-processed" }?.amount == 100)
        // Hours come from hoursPerMonth: 720 load balancer hours.
        #expect(cost.lines.first { $0.item == "alb.hour" }?.quantity == 720)
        #expect(cost.shared.first?.amount == 72)
    }

    @Test func httpAPIsAreMeteredIn512KBSteps() throws {
        // 1,000,000 requests carrying 600 GB out + 0 in: 629.1456 KB each on average → 2 steps of 512 KB.
        let traffic = "traffic: {requests: 1000000, dataOutGB: 600, dataInGB: 0}"
        let plan = try Fixtures.pricedPlan(Self.design("[{kind: apigw-vpclink-nlb, api: http}]", traffic: traffic))
        let line = try #require(plan.options[0].monthlyCost?.lines.first { $0.item == "apigw.http.requests" })
        #expect(line.quantity == 2, "2 metered million requests")
        #expect(line.amount == 2)
        #expect(line.basis?.hasPrefix("2 metered request(s) per request") == true)
    }

    @Test func wafLinesOnlyWhereTheOptionCarriesOne() throws {
        let with = try Self.cost("{kind: alb-controller}")
        let without = try Self.cost("{kind: alb-controller, waf: false}")
        #expect(with.lines.filter { $0.component == "waf" }.map(\.item) == ["waf.web-acl-month", "waf.rule-month", "waf.requests"])
        #expect(with.total - without.total == 45)
    }

    @Test func eachOptionInEUWest1UsesTheIrelandFileOrNamesWhatIsMissing() throws {
        // The API Gateway REST path needs no ALB or endpoint, but still an NLB: not in the Ireland file.
        let yaml = Self.design("[{kind: apigw-vpclink-nlb, api: rest}]", region: "eu-west-1")
        var pipeline = Fixtures.pipeline
        pipeline.planner.costPlanner.pricesRequired = true
        let outcome = pipeline.run(yaml, file: "cost.yaml", pricing: Fixtures.pricing)
        let plan = try #require(outcome.plan)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty)
        let cost = try #require(plan.options.first?.monthlyCost)
        #expect(cost.unpricedItems == ["nlb.hour", "nlb.nlcu-hour"] && cost.lines.contains { $0.item == "apigw.rest.requests" })
        #expect(plan.notes.map(\.formatted).filter { $0.contains("has no price") } == [
            "cost.yaml:3:9: note: region: pricing/aws/eu-west-1.json has no price for 'nlb.hour', needed by apigw-vpclink-nlb-rest; priced without it, their totals say '+ unpriced items'; add it with its source or with 'edgeplan pricing import' (edgeplan never guesses a price)",
            "cost.yaml:3:9: note: region: pricing/aws/eu-west-1.json has no price for 'nlb.nlcu-hour', needed by apigw-vpclink-nlb-rest; priced without it, their totals say '+ unpriced items'; add it with its source or with 'edgeplan pricing import' (edgeplan never guesses a price)",
        ])
    }
}
