import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// Data transfer between AZs (issue 13): priced where a hop sends to targets in every AZ, from the
/// same fact the emitters build from, and never for an ALB's traffic to its targets.
@Suite struct InterAZTests {
    static func cost(_ frontend: String, azs: Int = 3) throws -> MonthlyCost {
        let yaml = OptionCostTests.design("[\(frontend)]").replacingOccurrences(of: "azs: 3", with: "azs: \(azs)")
        return try #require(try Fixtures.pricedPlan(yaml).options[0].monthlyCost)
    }

    static func interAZ(_ cost: MonthlyCost) -> [MonthlyCost.Line] { cost.lines.filter { $0.item == "dataTransfer.inter-az" } }

    /// 2,000 GB out + 100 GB in; (n−1)/n of it crosses, billed leaving one AZ and entering the other.
    @Test(arguments: [(3, "2800", "28"), (2, "2100", "21")])
    func aCrossZoneNLBCrossesForAllButItsOwnAZsShare(_ azs: Int, _ gb: String, _ usd: String) throws {
        let lines = Self.interAZ(try Self.cost("{kind: nlb-to-alb}", azs: azs))
        #expect(lines.map(\.component) == ["nlb"])
        #expect(lines.first?.quantity == Decimal(string: gb)! && lines.first?.amount == Decimal(string: usd)!)
        #expect(lines.first?.basis?.contains("\(azs - 1)/\(azs) of 2,100 GB") == true, "\(lines.first?.basis ?? "")")
    }

    @Test func anALBsTrafficToTargetsInOtherAZsHasNoLine() throws {
        for kind in ["alb-controller", "cloudfront-vpc-origin", "apigw-vpclink-alb", "global-accelerator-alb"] {
            #expect(Self.interAZ(try Self.cost("{kind: \(kind)}")).isEmpty, "\(kind)")
        }
    }

    @Test func instanceTargetsAndARouterEachCross() throws {
        // The staggered in-tree NLB hands connections to kube-proxy; the router sends to pods in every AZ.
        let lines = Self.interAZ(try Self.cost("{kind: apigw-vpclink-nlb, api: rest, router: ingress-nginx, deployStyle: staggered}"))
        #expect(lines.map(\.component) == ["nlb", "ingress-nginx"])
        #expect(lines.map(\.amount) == [28, 28])
        // The NLB the stack makes has cross-zone on; with no router, that is the only crossing.
        let bound = Self.interAZ(try Self.cost("{kind: apigw-vpclink-nlb, api: rest, router: none, deployStyle: bound}"))
        #expect(bound.map(\.component) == ["nlb"])
        // An NLB the controller makes (it needs a security group) keeps cross-zone off and targets the
        // router's pods by IP: only the router crosses.
        let controller = try Self.cost("{kind: cloudfront-public-nlb, originProtection: prefix-list-sg, deployStyle: staggered, router: envoy-gateway}")
        #expect(Self.interAZ(controller).map(\.component) == ["envoy-gateway"])
    }

    /// What is priced is what is built: an NLB the stack makes with cross-zone on is the one priced
    /// as crossing, and a Service's NLB keeps the default (off) in what `emit` writes.
    @Test(arguments: MitigationClaimsTests.cases)
    func theEmittedNLBsCrossZoneSettingIsTheOnePriced(_ path: String, _ style: Frontend.DeployStyle) throws {
        let plan = try MitigationClaimsTests.plan(path, style: style)
        let files = try DeploymentEmitter().render(plan)
        for option in plan.options where option.topology.components.contains(where: { $0.kind == .nlb }) {
            let priced = option.topology.edges.contains { $0.from == "nlb" && $0.crossesAZs == .nlbCrossZone }
            let nlbs = try MitigationClaimsTests.resources(files, folder: "cloudformation/\(option.id)/").filter { r in
                r.body["Type"] as? String == "AWS::ElasticLoadBalancingV2::LoadBalancer"
                    && (r.body["Properties"] as? [String: Any])?["Type"] as? String == "network"
            }
            let crossZone = nlbs.contains { r in
                let attributes = (r.body["Properties"] as? [String: Any])?["LoadBalancerAttributes"] as? [[String: Any]] ?? []
                return attributes.contains { $0["Key"] as? String == "load_balancing.cross_zone.enabled" && $0["Value"] as? String == "true" }
            }
            #expect(crossZone == priced, "\(path) \(style) \(option.id): template cross-zone \(crossZone), priced \(priced)")
            #expect(!nlbs.isEmpty || !priced, "\(path) \(style) \(option.id): priced as a stack's NLB, but the stack makes none")
            let manifests = files.filter { $0.path.hasPrefix("kubernetes/\(option.id)/") }.map(\.contents).joined()
            #expect(!manifests.contains("cross-zone") && !manifests.contains("cross_zone"), "\(path) \(style) \(option.id): a Service turns cross-zone on")
            let cost = try OptionCostModel().cost(option.topology, traffic: TrafficProfile(plan.design.traffic, hoursPerMonth: 730),
                                                  azCount: plan.availabilityZones.count, prices: Fixtures.catalog("us-east-1"))
            #expect(cost.lines.contains { $0.item == "dataTransfer.inter-az" && $0.component == "nlb" } == (priced || option.topology.edges.contains { $0.crossesAZs == .kubeProxy }))
        }
    }
}
