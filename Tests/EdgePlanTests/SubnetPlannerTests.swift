import EdgePlan
import EdgePlanRender
import Foundation
import Testing

@Suite struct SubnetPlannerTests {
    /// The invariants every plan must satisfy, whatever the design.
    static func checkInvariants(_ plan: Plan) {
        let vpc = plan.vpc.cidr
        for s in plan.subnets {
            let block = s.role == .pods ? plan.vpc.secondaryCidrs.first! : vpc
            #expect(block.contains(s.cidr), "\(s.name) \(s.cidr) outside \(block)")
            #expect((16...28).contains(Int(s.cidr.length)), "\(s.name) size /\(s.cidr.length)")
            #expect(s.usableAddresses == Int(s.cidr.size) - 5)
            #expect(plan.availabilityZones.contains(s.az))
        }
        for (i, a) in plan.subnets.enumerated() {
            for b in plan.subnets[(i + 1)...] { #expect(!a.cidr.overlaps(b.cidr), "\(a.name) overlaps \(b.name)") }
            for f in plan.freeCidrs { #expect(!a.cidr.overlaps(f), "\(a.name) overlaps free \(f)") }
        }
        let total = vpc.size + plan.vpc.secondaryCidrs.reduce(0) { $0 + $1.size }
        let used = plan.subnets.reduce(UInt64(0)) { $0 + $1.cidr.size }
        #expect(used + plan.freeCidrs.reduce(UInt64(0)) { $0 + $1.size } == total, "subnets and free space cover the VPC exactly")
        // Every role has exactly one subnet in every AZ, all the same size.
        for role in Set(plan.subnets.map(\.role)) {
            let ofRole = plan.subnets(role: role)
            #expect(ofRole.map(\.az).sorted() == plan.availabilityZones.sorted(), "\(role) in every AZ once")
            #expect(Set(ofRole.map(\.cidr.length)).count == 1)
        }
    }

    @Test func seedEnvironmentHasEveryRoleInEveryAZWithTheRightTags() throws {
        let plan = try Fixtures.plan(try Fixtures.text("examples/seed-environment.yaml"))
        Self.checkInvariants(plan)
        #expect(plan.availabilityZones == ["eu-west-1a", "eu-west-1b", "eu-west-1c"])
        #expect(plan.vpc.cidr.description == "10.128.0.0/16")
        #expect(Set(plan.subnets.map(\.role)) == [.public, .internalELB, .endpoints, .controlPlane, .nodes])
        for s in plan.subnets {
            let tags = Dictionary(uniqueKeysWithValues: s.tags.map { ($0.key, $0.value) })
            #expect(tags["Name"] == s.name)
            switch s.role {
            case .public:
                #expect(tags["kubernetes.io/role/elb"] == "1")
                #expect(tags["kubernetes.io/cluster/seed-env-eks"] == "shared")
                #expect(tags["kubernetes.io/role/internal-elb"] == nil)
                #expect(s.cidr.length <= 27, "an ALB needs at least a /27")
                #expect(s.usableAddresses >= 8)
            case .internalELB:
                #expect(tags["kubernetes.io/role/internal-elb"] == "1")
                #expect(tags["kubernetes.io/cluster/seed-env-eks"] == "shared")
                #expect(tags["kubernetes.io/role/elb"] == nil)
            case .controlPlane:
                #expect(s.cidr.length <= 28 && s.usableAddresses >= 16, "EKS recommends 16 free addresses")
            default:
                #expect(tags.count == 1, "only load-balancer subnets carry Kubernetes tags")
            }
        }
        // 30 nodes over 3 AZs, sized to keep all 30 with one AZ lost: 15 nodes × 150 addresses (110
        // pods need m6i.4xlarge; WARM_ENI_TARGET=1 holds 5 ENIs × 30 addresses) = 2,250 → /20.
        #expect(plan.nodes.instanceType.name == "m6i.4xlarge" && plan.nodes.perNode.nodeSubnet == 150)
        #expect(plan.subnets(role: .nodes).allSatisfy { $0.cidr.length == 20 })
        #expect(plan.capacity.plannedNodesPerAZ == 15)
        #expect(plan.capacity.nodes == 3 * (4091 / 150))
        #expect(plan.capacity.pods == plan.capacity.nodes * 110)
        #expect(plan.capacity.nodesWithOneAZLost >= 30)
        #expect(plan.layout.kind == .roleBlocks && plan.layout.azSlots == 4)
    }

    @Test func addingAnAZMovesNoExistingSubnet() throws {
        // 24 nodes: 12 per AZ × 150 = 1,800 over 3 AZs, 8 × 150 = 1,200 over 4: /21 node subnets both times.
        let three = try Fixtures.plan(Fixtures.design(azs: "3", nodes: 24).replacingOccurrences(of: "eu-west-1", with: "us-west-2"))
        let four = try Fixtures.plan(Fixtures.design(azs: "4", nodes: 24).replacingOccurrences(of: "eu-west-1", with: "us-west-2"))
        Self.checkInvariants(four)
        for s in three.subnets {
            let same = four.subnets.first { $0.role == s.role && $0.az == s.az }
            #expect(same?.cidr == s.cidr, "\(s.name) moved from \(s.cidr) to \(String(describing: same?.cidr))")
        }
        #expect(four.subnets.count == three.subnets.count / 3 * 4)
    }

    @Test func addingASmallerRoleMovesNoExistingSubnet() throws {
        // cloudfront-public-nlb needs public only; adding alb-privatelink-nlb adds endpoints and internal-elb.
        let before = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller}]"))
        let after = try Fixtures.plan(Fixtures.design(frontends: "[{kind: alb-controller}, {kind: alb-privatelink-nlb}]"))
        #expect(!before.subnets.contains { $0.role == .endpoints || $0.role == .internalELB })
        for s in before.subnets {
            #expect(after.subnets.first { $0.name == s.name }?.cidr == s.cidr, "\(s.name) moved")
        }
    }

    @Test func onlyTheRolesTheOptionsUseAreCarved() throws {
        let plan = try Fixtures.plan(Fixtures.design(frontends: "[{kind: cloudfront-public-nlb}]"))
        #expect(Set(plan.subnets.map(\.role)) == [.public, .controlPlane, .nodes])
        let api = try Fixtures.plan(Fixtures.design(frontends: "[{kind: apigw-vpclink-nlb, api: rest}]", extra: "").replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  natGateways: none"))
        // No NAT: no public subnets, and endpoint subnets for the cluster's VPC endpoints.
        #expect(Set(api.subnets.map(\.role)) == [.internalELB, .endpoints, .controlPlane, .nodes])
    }

    @Test func podCidrMovesPodsToTheSecondaryBlock() throws {
        let plan = try Fixtures.plan(Fixtures.design(podCidr: "100.64.0.0/16"))
        Self.checkInvariants(plan)
        #expect(plan.vpc.secondaryCidrs.map(\.description) == ["100.64.0.0/16"])
        let pods = plan.subnets(role: .pods)
        #expect(pods.count == 3 && pods.allSatisfy { IPv4Prefix("100.64.0.0/16")!.contains($0.cidr) })
        // Custom networking: 15 nodes × 150 pod-subnet addresses (m6i.4xlarge, 5 of its 7 pod ENIs
        // × 30) = 2,250 → /20; the node subnets hold only the 15 primary ENIs → /27.
        #expect(plan.nodes.cni.customNetworking && plan.nodes.perNode.podSubnet == 150)
        #expect(pods.allSatisfy { $0.cidr.length == 20 })
        #expect(plan.subnets(role: .nodes).allSatisfy { $0.cidr.length == 27 })
    }

    @Test func tooSmallVPCSaysWhatWouldFit() throws {
        let errors = Fixtures.errors(Fixtures.design(vpc: "10.0.0.0/20"))
        let error = try #require(errors.first)
        #expect(error.path == "network.vpcCidr")
        // 3 AZs × (/20 nodes + /27 public + /28 internal-elb + /28 endpoints + /27 control plane) = 12,576.
        #expect(error.message == "10.0.0.0/20 is too small: the plan needs 12,576 addresses; use a /18 or larger")
        // With the suggested size it plans.
        #expect(throws: Never.self) { try Fixtures.plan(Fixtures.design(vpc: "10.0.0.0/18")) }
    }

    @Test func aVPCThatFitsOnlyPackedFallsBackAndWarns() throws {
        // Packed: 12,576 addresses fit a /18 (16,384); role blocks with 4 AZ slots need 16,768.
        let outcome = Fixtures.pipeline.run(Fixtures.design(vpc: "10.0.0.0/18"), file: "t.yaml")
        let plan = try #require(outcome.plan)
        Self.checkInvariants(plan)
        #expect(plan.layout.kind == .compact)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.path == "network.vpcCidr" && $0.message.contains("/17") })
    }

    @Test func nodeSubnetLargerThanAWSAllowsIsAnError() throws {
        let errors = Fixtures.errors(Fixtures.design(vpc: "10.0.0.0/16", nodes: 2000, pods: 110))
        let error = try #require(errors.first)
        #expect(error.path == "network.nodes")
        #expect(error.message.contains("more than a /16 holds (65,531 usable)"))
    }

    @Test func subnetSizesFixARoleAndAreChecked() throws {
        let fixed = try Fixtures.plan(Fixtures.design(extra: "").replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {public: /24, nodes: 19}"))
        #expect(fixed.subnets(role: .public).allSatisfy { $0.cidr.length == 24 })
        #expect(fixed.subnets(role: .nodes).allSatisfy { $0.cidr.length == 19 })
        let errors = Fixtures.errors(Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {nodes: /24}"))
        #expect(errors.first?.path == "network.subnetSizes.nodes")
        #expect(errors.first?.message.contains("a /24 leaves 251 usable addresses but nodes subnets need 2,250") == true)
        let alb = Fixtures.errors(Fixtures.design().replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  subnetSizes: {public: /28}"))
        #expect(alb.first?.path == "network.subnetSizes.public")
    }

    @Test func planningIsDeterministic() throws {
        let yaml = try Fixtures.text("examples/seed-environment.yaml")
        let a = PlanJSONRenderer().json(try Fixtures.plan(yaml)).serialized()
        let b = PlanJSONRenderer().json(try Fixtures.plan(yaml, file: "/elsewhere/other-name.yaml")).serialized()
        #expect(a == b)
    }

    @Test func randomDesignsPlanOrFailCleanly() throws {
        var rng = SystemRandomNumberGenerator()
        let kinds = FrontendKind.allCases.map(\.rawValue)
        for _ in 0..<150 {
            let length = Int.random(in: 16...28, using: &rng)
            let azs = Int.random(in: 2...3, using: &rng)
            let nodes = Int.random(in: 1...400, using: &rng)
            let pods = Int.random(in: 1...250, using: &rng)
            let picked = kinds.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)).map { "{kind: \($0)}" }
            let yaml = Fixtures.design(vpc: "10.0.0.0/\(length)", azs: String(azs), nodes: nodes, pods: pods,
                                       podCidr: Bool.random(using: &rng) ? "100.64.0.0/16" : nil,
                                       frontends: "[\(picked.joined(separator: ", "))]")
            let outcome = Fixtures.pipeline.run(yaml, file: "r.yaml")
            if let plan = outcome.plan {
                Self.checkInvariants(plan)
            } else {
                #expect(outcome.diagnostics.hasErrors)
                #expect(outcome.diagnostics.allSatisfy { $0.location != nil })
            }
        }
    }
}
