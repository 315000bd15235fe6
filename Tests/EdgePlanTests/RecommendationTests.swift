import EdgePlan
import Foundation
import Testing

@Suite struct RecommendationTests {
    static func recommend(_ frontends: String, _ requirements: String) throws -> Recommendation {
        try #require(try Fixtures.plan(Fixtures.design(frontends: frontends, extra: "requirements: \(requirements)")).recommendation)
    }

    @Test func privateOriginRulesOutAnOpenPublicNLB() throws {
        let options = "[{kind: cloudfront-public-nlb, originProtection: none}, {kind: cloudfront-vpc-origin}]"
        // Without the need, design order decides between equals only after critical caveats: the bypass is critical.
        #expect(try Self.recommend(options, "{caching: true}").option == "cloudfront-vpc-origin")
        let r = try Self.recommend(options, "{privateOrigin: true}")
        #expect(r.option == "cloudfront-vpc-origin")
        #expect(r.ranking == ["cloudfront-vpc-origin", "cloudfront-public-nlb"])
        #expect(r.why.contains("falls short on privateOrigin"))
    }

    @Test func theRecommendationFollowsTheNeeds() throws {
        // An HTTP API cannot carry a WAF, so a WAF need moves the choice to the ALB.
        #expect(try Self.recommend("[{kind: apigw-vpclink-nlb, api: http}, {kind: alb-controller}]", "{privateOrigin: true, waf: true}").option == "alb-controller")
        let options = "[{kind: alb-controller}, {kind: nlb-to-alb}, {kind: apigw-vpclink-nlb, api: rest}]"
        #expect(try Self.recommend(options, "{waf: true, staticIps: true}").option == "nlb-to-alb")
        #expect(try Self.recommend(options, "{apiKeys: true}").option == "apigw-vpclink-nlb-rest")
    }

    @Test func fewerWarningsBreakATieOfNeedsAndCriticals() throws {
        // Same needs met, no criticals, no prices: the NLB made by CloudFormation avoids the discovery warning.
        let r = try Self.recommend("[{kind: alb-privatelink-nlb}, {kind: alb-privatelink-nlb, id: bound, deployStyle: bound}]", "{waf: true}")
        #expect(r.option == "bound")
        #expect(r.why.hasSuffix("adds the warnings kubernetes-created-load-balancer, lbc-service-webhook."))
    }

    @Test func unmetNeedsOutrankCriticalCaveats() throws {
        // An HTTP API asked to carry a WAF misses the need and has a critical caveat; the open CloudFront origin meets caching.
        let r = try Self.recommend("[{kind: apigw-vpclink-nlb, api: http}, {kind: cloudfront-public-nlb}]", "{caching: true}")
        #expect(r.option == "cloudfront-public-nlb")
        #expect(r.why.hasPrefix("cloudfront-public-nlb meets every stated need (caching) but carries the critical caveat origin-bypass; the options without one (apigw-vpclink-nlb-http) meet fewer needs."))
    }
}
