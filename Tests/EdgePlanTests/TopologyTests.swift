import EdgePlan
import EdgePlanRender
import Foundation
import Testing

@Suite struct TopologyTests {
    static let plan = try! Fixtures.plan(try! Fixtures.text("Tests/EdgePlanTests/Designs/every-option.yaml"))

    static func option(_ id: String) -> PlannedOption { plan.options.first { $0.id == id }! }

    /// One golden per option: its components, edges, needs and caveats as plan.json writes them.
    @Test(arguments: plan.options.map(\.id))
    func optionMatchesGolden(_ id: String) throws {
        let json = PlanJSONRenderer().json(Self.plan)
        guard case .object(let top) = json, case .array(let options)? = top.first(where: { $0.0 == "options" })?.1,
              let mine = options.first(where: { if case .object(let f) = $0, case .string(id)? = f.first?.1 { return true } else { return false } })
        else { Issue.record("no option \(id) in plan.json"); return }
        try expectGolden(mine.serialized(), "Tests/EdgePlanTests/Golden/options/\(id).json")
    }

    @Test func seedOptionsReproduceTheReportsReasoning() {
        // WAF only via the ALB.
        let alb = Self.option("alb-privatelink-nlb")
        #expect(alb.topology.wafOn == "alb")
        #expect(alb.topology.component("nlb")?.scheme == .internal)
        #expect(alb.topology.pathLine(azCount: 3) == "Internet → ALB (public, 3 AZ, WAF) → Interface endpoint (3 ENIs) → Endpoint service → NLB (internal, 3 AZ) → ingress-nginx → Pods")
        // API Gateway only via an internal NLB.
        let rest = Self.option("apigw-vpclink-nlb-rest")
        #expect(rest.topology.component("nlb")?.scheme == .internal)
        #expect(rest.topology.mainPath.map(\.kind) == [.internet, .apiGatewayREST, .vpcLink, .nlb, .ingressNginx, .pods])
        // CloudFront bypassable via a public NLB.
        let cf = Self.option("cloudfront-public-nlb")
        #expect(cf.topology.component("nlb")?.scheme == .internetFacing)
        #expect(cf.topology.edges.contains { $0.bypass && $0.from == "internet" && $0.to == "nlb" })
        #expect(cf.topology.pathLine(azCount: 3) == "Internet → CloudFront (WAF) → NLB (public, 3 AZ) → ingress-nginx → Pods")
        // The prefix list admits every distribution's addresses: an attacker's distribution is a way around.
        #expect(Self.option("cloudfront-public-nlb-sg").topology.edges.filter(\.bypass).map(\.note) == ["through another CloudFront distribution, whose addresses the security group admits too"])
        #expect(!Self.option("cloudfront-public-nlb-sg-header").topology.edges.contains { $0.bypass })
    }

    @Test func everyKindPlansWithTheRolesItNeeds() {
        let expected: [String: Set<SubnetRole>] = [
            "alb-privatelink-nlb": [.public, .endpoints, .internalELB],
            "apigw-vpclink-nlb-rest": [.internalELB],
            "apigw-vpclink-nlb-http": [.internalELB, .endpoints],
            "cloudfront-public-nlb": [.public],
            "alb-controller": [.public],
            "cloudfront-vpc-origin": [.internalELB],
            "apigw-vpclink-alb": [.internalELB, .endpoints],
            "nlb-to-alb": [.public, .internalELB],
        ]
        for (id, roles) in expected {
            #expect(Set(Self.option(id).topology.components.compactMap(\.subnetRole)) == roles, "\(id)")
        }
        #expect(Set(FrontendKind.allCases) == Set(Self.plan.options.map(\.frontend.kind)))
        // The components' addresses reach the subnet sizing: an ALB in internal-elb makes it a /27.
        #expect(Self.plan.subnets(role: .internalELB).allSatisfy { $0.cidr.length <= 27 })
    }

    @Test func idsAreUniqueEvenWhenAKindAppearsTwice() {
        let ids = Self.plan.options.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("apigw-vpclink-nlb-rest") && ids.contains("apigw-vpclink-nlb-http"))
    }
}
