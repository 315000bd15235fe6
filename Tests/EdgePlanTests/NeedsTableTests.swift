import EdgePlan
import Foundation
import Testing

/// Every option × every need, against a table written here from AWS documentation, not from the code:
/// - AWS WAF associates with CloudFront, API Gateway REST API stages, ALBs (not NLBs, not HTTP APIs)
///   ("Associating or disassociating a web ACL with an AWS resource").
/// - API keys and usage plans exist for REST APIs only ("Usage plans and API keys for REST APIs").
/// - Caching, as the README defines the need, is edge caching: CloudFront caches at the edge; a REST
///   API stage cache is regional (and edgeplan does not emit one); HTTP APIs and ALBs do not cache.
/// - Private origin: internal load balancers behind a VPC link, an interface endpoint, a VPC origin
///   or an NLB. A public NLB never is: CloudFront's origin-facing prefix list admits every
///   distribution, an attacker's too ("Restrict access to Application Load Balancers").
/// - Static IPs: an NLB with Elastic IPs ("Network Load Balancers": one Elastic IP per subnet), or
///   Global Accelerator's two static anycast addresses ("How AWS Global Accelerator works").
@Suite struct NeedsTableTests {
    static let table: [String: [Need: Bool]] = [
        "alb-privatelink-nlb": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "apigw-vpclink-nlb-rest": [.waf: true, .apiKeys: true, .caching: false, .privateOrigin: true, .staticIps: false],
        "apigw-vpclink-nlb-http": [.waf: false, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "cloudfront-public-nlb": [.waf: false, .apiKeys: false, .caching: true, .privateOrigin: false, .staticIps: false],
        "cloudfront-public-nlb-sg": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: false, .staticIps: false],
        "cloudfront-public-nlb-sg-header": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: false, .staticIps: false],
        "cloudfront-public-nlb-header": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: false, .staticIps: false],
        "cloudfront-public-nlb-header-nginx": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: false, .staticIps: false],
        "alb-privatelink-nlb-bound": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "alb-privatelink-nlb-direct": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "alb-controller": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "alb-controller-gateway": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "cloudfront-vpc-origin": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: true, .staticIps: false],
        "cloudfront-vpc-origin-nlb": [.waf: true, .apiKeys: false, .caching: true, .privateOrigin: true, .staticIps: false],
        "apigw-vpclink-alb": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: false],
        "apigw-vpclink-alb-rest": [.waf: true, .apiKeys: true, .caching: false, .privateOrigin: true, .staticIps: false],
        "nlb-to-alb": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: true],
        "global-accelerator-alb": [.waf: true, .apiKeys: false, .caching: false, .privateOrigin: true, .staticIps: true],
    ]

    @Test func everyOptionMeetsExactlyWhatTheDocumentationSays() throws {
        let yaml = try Fixtures.text("Tests/EdgePlanTests/Designs/every-option.yaml")
            .replacingOccurrences(of: "requirements:\n  waf: true", with: "requirements: {waf: true, apiKeys: true, caching: true, privateOrigin: true, staticIps: true}")
        let plan = try Fixtures.plan(yaml)
        #expect(Set(plan.options.map(\.id)) == Set(Self.table.keys))
        for option in plan.options {
            #expect(option.meets.map(\.need) == Need.allCases, "one entry per stated need, in order")
            for m in option.meets {
                #expect(m.met == Self.table[option.id]?[m.need], "\(option.id) \(m.need): \(m.why)")
                #expect(!m.why.isEmpty)
            }
        }
    }

    @Test func onlyStatedNeedsAreAssessed() throws {
        let plan = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller}]", extra: "requirements: {caching: true, waf: false}"))
        #expect(plan.options[0].meets.map(\.need) == [.caching])
    }

    @Test func anOptionSetWithoutAWAFDoesNotMeetAStatedWAFNeed() throws {
        let plan = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller, waf: false}]", extra: "requirements: {waf: true}"))
        #expect(plan.options[0].meets.first?.met == false)
        #expect(plan.options[0].topology.wafOn == nil)
    }
}
