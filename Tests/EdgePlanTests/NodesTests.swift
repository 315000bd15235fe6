import EdgePlan
import EdgePlanCore
import EdgePlanRender
import Foundation
import Testing

/// Issue 12, nodes and pod addresses: the VPC CNI model against the CNI's own documented examples
/// and the EKS max-pods formula, the design's instance type and prefix delegation, and what the
/// emitted stacks make of them.
@Suite struct NodesTests {
    // Pinned: the types of the VPC CNI docs' example tables and of eni-max-pods.txt, not the data file.
    static let t3Small = InstanceType(name: "t3.small", vcpus: 2, enis: 3, ipv4PerENI: 4, nitro: true)
    static let p3dn = InstanceType(name: "p3dn.24xlarge", vcpus: 96, enis: 15, ipv4PerENI: 50, nitro: true)
    static let m6iLarge = InstanceType(name: "m6i.large", vcpus: 2, enis: 3, ipv4PerENI: 10, nitro: true)
    static let m6i4xlarge = InstanceType(name: "m6i.4xlarge", vcpus: 16, enis: 8, ipv4PerENI: 30, nitro: true)

    static func cni(_ mode: VPCCNI.Mode, customNetworking: Bool = false) -> VPCCNI {
        VPCCNI(mode: mode, customNetworking: customNetworking, warmENITarget: 1, warmPrefixTarget: 1, prefixAddresses: 16, hostNetworkPods: 2)
    }

    /// docs/eni-and-ip-target.md, WARM_ENI_TARGET=1: pods → attached ENIs.
    @Test(arguments: [(t3Small, 0, 1), (t3Small, 5, 3), (t3Small, 9, 3), (p3dn, 0, 1), (p3dn, 3, 2), (p3dn, 95, 3)])
    func secondaryIPModeAttachesTheENIsTheCNIDocsShow(_ type: InstanceType, _ pods: Int, _ enis: Int) {
        let a = Self.cni(.secondaryIP).addresses(pods: pods, on: type)
        #expect(a.enis == enis)
        #expect(a.nodeSubnet == enis * type.ipv4PerENI, "every attached ENI carries all its addresses")
        #expect(a.podSubnet == 0 && a.prefixes == 0)
    }

    /// docs/prefix-and-ip-target.md, WARM_PREFIX_TARGET=1: pods → prefixes and ENIs.
    @Test(arguments: [(0, 1, 1), (5, 2, 1), (16, 2, 1), (17, 3, 1), (58, 5, 2)])
    func prefixModeTakesThePrefixesTheCNIDocsShow(_ pods: Int, _ prefixes: Int, _ enis: Int) {
        let a = Self.cni(.prefix).addresses(pods: pods, on: Self.t3Small)
        #expect(a.prefixes == prefixes && a.enis == enis)
        #expect(a.nodeSubnet == enis, "one primary address per ENI outside the prefixes")
    }

    /// The EKS max-pods formula (amazon-eks-ami eni-max-pods.txt: m6i.large 29, m6i.4xlarge 234,
    /// t3.small 11), with prefix delegation ×16 per slot and custom networking one ENI fewer.
    @Test func maxPodsFollowsTheEKSFormula() {
        #expect(Self.cni(.secondaryIP).maxPods(Self.m6iLarge) == 29)
        #expect(Self.cni(.secondaryIP).maxPods(Self.m6i4xlarge) == 234)
        #expect(Self.cni(.secondaryIP).maxPods(Self.t3Small) == 11)
        #expect(Self.cni(.prefix).maxPods(Self.m6iLarge) == 3 * 9 * 16 + 2)
        #expect(Self.cni(.secondaryIP, customNetworking: true).maxPods(Self.m6i4xlarge) == 7 * 29 + 2)
        let notNitro = InstanceType(name: "m4.large", vcpus: 2, enis: 2, ipv4PerENI: 10, nitro: false)
        #expect(Self.cni(.prefix).maxPods(notNitro) == Self.cni(.secondaryIP).maxPods(notNitro))
    }

    @Test func customNetworkingPutsThePodENIsInThePodSubnet() {
        let a = Self.cni(.secondaryIP, customNetworking: true).addresses(pods: 110, on: Self.m6i4xlarge)
        // ⌈110 / 29⌉ + 1 warm = 5 pod ENIs of 30 addresses, and the primary ENI's one address.
        #expect(a.nodeSubnet == 1 && a.podSubnet == 150 && a.enis == 6)
        let p = Self.cni(.prefix, customNetworking: true).addresses(pods: 110, on: Self.m6iLarge)
        #expect(p.nodeSubnet == 1 && p.prefixes == 8 && p.podSubnet == 1)
    }

    @Test func gravitonTypesAreTheOnesWithAGAfterTheGeneration() {
        for (name, arm) in [("m7g.large", true), ("c6gn.xlarge", true), ("t4g.medium", true), ("m6i.large", false), ("m5.large", false), ("m7a.large", false)] {
            #expect(InstanceType(name: name, vcpus: 2, enis: 3, ipv4PerENI: 10, nitro: true).graviton == arm, "\(name)")
        }
    }

    // MARK: - The design

    static func nodes(_ fields: String, pods: Int = 110, frontends: String = "[{kind: alb-privatelink-nlb}]", extra: String = "") -> String {
        Fixtures.design(pods: pods, frontends: frontends, extra: extra).replacingOccurrences(of: "podsPerNode: \(pods)}", with: "podsPerNode: \(pods), \(fields)}")
    }

    @Test func tooManyPodsForTheTypeIsALocatedErrorThatNamesWaysOut() throws {
        let errors = Fixtures.errors(Self.nodes("instanceType: m6i.large"), file: "d.yaml")
        let error = try #require(errors.first)
        #expect(error.path == "network.nodes.podsPerNode")
        #expect(error.formatted.hasPrefix("d.yaml:8:33: error: network.nodes.podsPerNode: 110 pods per node is more than m6i.large runs: the VPC CNI gives it at most 29 in secondary-IP mode (3 ENIs × 9 addresses + 2)"), "\(error.formatted)")
        // What a managed node group of each runs: the formula gives 234 and 434, the ceiling below 30 vCPUs 110.
        #expect(error.message.contains("use m6i.4xlarge (110), or prefixDelegation: true on m6i.large (110)"), "\(error.message)")
        #expect(Fixtures.errors(Self.nodes("instanceType: m6i.large, prefixDelegation: true")).isEmpty)
    }

    @Test func anUnknownTypeIsAnErrorWithASuggestion() throws {
        let error = try #require(Fixtures.errors(Self.nodes("instanceType: m6i.larg")).first)
        #expect(error.path == "network.nodes.instanceType")
        #expect(error.message.contains("m6i.larg is not in edgeplan's instance table (did you mean m6i.large?)"))
    }

    @Test func prefixDelegationNeedsANitroType() throws {
        var reference = Fixtures.reference
        reference.instanceTypes.types.append(InstanceType(name: "m4.large", vcpus: 2, enis: 2, ipv4PerENI: 10, nitro: false))
        let yaml = Self.nodes("instanceType: m4.large, prefixDelegation: true", pods: 10)
        let outcome = Pipeline(reference: reference).run(yaml, file: "d.yaml")
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.path == "network.nodes.prefixDelegation" && error.message.contains("not built on the Nitro System"))
    }

    /// Managed node groups run at most 110 pods on a node below 30 vCPUs and 250 above, whatever
    /// maxPods says: more is an error, and the default type is one whose ceiling holds the pods.
    @Test func theNodeGroupsCeilingIsAnErrorAndTheDefaultRespectsIt() throws {
        let error = try #require(Fixtures.errors(Self.nodes("instanceType: m6i.large, prefixDelegation: true", pods: 200)).first)
        #expect(error.path == "network.nodes.podsPerNode")
        #expect(error.message.contains("managed node groups run at most 110 pods on a node of 2 vCPUs"), "\(error.message)")
        #expect(error.message.contains("use m6i.8xlarge (250)"), "\(error.message)")
        let chosen = try Fixtures.plan(Self.nodes("prefixDelegation: true", pods: 250))
        #expect(chosen.nodes.instanceType.name == "m6i.8xlarge" && chosen.nodes.maxPods == 250)
        #expect(!Fixtures.errors(Self.nodes("prefixDelegation: true", pods: 251)).isEmpty)
    }

    /// A larger type of the same family is suggested first, so the architecture (and AMI) stays.
    @Test func theSuggestionKeepsTheFamily() throws {
        let yaml = Self.nodes("instanceType: m7g.xlarge", pods: 58).replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  podCidr: 100.64.0.0/16")
        let error = try #require(Fixtures.errors(yaml).first)
        #expect(error.message.contains("use m7g.4xlarge (110)"), "\(error.message)")
    }

    @Test func autoModeRefusesAnInstanceTypeAndPrefixDelegationOff() {
        let type = Fixtures.errors(Self.nodes("instanceType: m6i.large", extra: "clusterMode: auto"))
        #expect(type.contains { $0.path == "network.nodes.instanceType" && $0.message.contains("EKS Auto Mode picks the nodes' instance types itself") })
        let off = Fixtures.errors(Self.nodes("prefixDelegation: false", extra: "clusterMode: auto"))
        #expect(off.contains { $0.path == "network.nodes.prefixDelegation" })
    }

    /// The README's figures ("Nodes, pods and the VPC CNI").
    @Test func theREADMEsFiguresAreThePlans() throws {
        let seed = try Fixtures.plan(try Fixtures.text("examples/seed-environment.yaml"))
        #expect(seed.nodes.instanceType.name == "m6i.4xlarge" && seed.nodes.maxPods == 110 && seed.nodes.kubeletMaxPods == 110)
        #expect(Self.cni(.secondaryIP).maxPods(seed.nodes.instanceType) == 234, "the formula, before the node group's ceiling")
        #expect(seed.nodes.perNode.nodeSubnet == 150 && seed.nodes.perNode.enis == 5)
        #expect(seed.subnets(role: .nodes).allSatisfy { $0.cidr.length == 20 })
        #expect(seed.capacity.nodes == 81 && seed.capacity.nodesWithOneAZLost == 54)
        let large = Fixtures.reference.instanceTypes.type(named: "m6i.large")
        #expect(large.map(Self.cni(.secondaryIP).maxPods) == 29)
        let prefix = try Fixtures.plan(Self.nodes("instanceType: m6i.large, prefixDelegation: true"))
        #expect(prefix.nodes.perNode.prefixes == 8 && prefix.nodes.perNode.nodeSubnet == 1)
    }

    // MARK: - Capacity under the model, checked by packing

    /// Packs nodes into one AZ's subnets address by address, as the model says they take them:
    /// single addresses after AWS's first four and before the reservation, /28s inside it but not
    /// the last one. "N nodes fit" must be at most what this packing holds.
    static func packed(_ plan: Plan, az: String) -> Int {
        let per = plan.nodes.perNode
        let nodeSubnet = plan.subnets.first { $0.az == az && $0.role == .nodes }!
        let podSubnet = plan.subnets.first { $0.az == az && $0.role == .pods }
        let shared = plan.design.clusterSubnets == .nodes ? Fixtures.reference.limits.eksControlPlaneRecommendedFreeAddresses : 0
        func fits(_ s: PlannedSubnet, single: Int, prefixes: Int, extra: Int) -> Int {
            var singles = Int(s.cidr.size) - 4 - 1 - extra
            var slots = 0
            if let r = s.prefixReservation {
                #expect(s.cidr.contains(r) && r.end == s.cidr.end, "the reservation ends the subnet")
                singles = Int(s.cidr.size) - Int(r.size) - 4 - extra
                slots = Int(r.size) / 16 - 1
            }
            var n = 0
            while singles >= single && slots >= prefixes {
                singles -= single
                slots -= prefixes
                n += 1
            }
            return n
        }
        if plan.nodes.cni.customNetworking, let podSubnet {
            return min(fits(nodeSubnet, single: per.nodeSubnet, prefixes: 0, extra: shared), fits(podSubnet, single: per.podSubnet, prefixes: per.prefixes, extra: 0))
        }
        return fits(nodeSubnet, single: per.nodeSubnet, prefixes: per.prefixes, extra: shared)
    }

    @Test(arguments: [
        "", "instanceType: m6i.large, prefixDelegation: true", "prefixDelegation: true", "instanceType: m6i.8xlarge",
    ], [nil, "100.64.0.0/16"] as [String?])
    func theNodesThatFitAreTheOnesThatPack(_ fields: String, _ podCidr: String?) throws {
        var yaml = Self.nodes(fields)
        if let podCidr { yaml = yaml.replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  podCidr: \(podCidr)") }
        #expect(podCidr == nil || yaml.contains("podCidr"))
        let plan = try Fixtures.plan(yaml)
        let perAZ = plan.availabilityZones.map { Self.packed(plan, az: $0) }
        #expect(plan.capacity.nodes == perAZ.reduce(0, +))
        #expect(plan.capacity.nodesWithOneAZLost == perAZ.reduce(0, +) - perAZ.max()!)
        #expect(plan.capacity.nodesWithOneAZLost >= plan.capacity.requestedNodes, "sized to keep every node with one AZ lost")
        #expect(plan.subnets.contains { $0.prefixReservation != nil } == (plan.nodes.cni.mode == .prefix))
    }

    @Test func autoModeSubnetsHoldTheirPrefixes() throws {
        let plan = try Fixtures.plan(Fixtures.design(extra: "clusterMode: auto"))
        #expect(plan.nodes.cni.mode == .prefix && !plan.nodes.instanceTypeChosen)
        let perAZ = plan.availabilityZones.map { Self.packed(plan, az: $0) }
        #expect(plan.capacity.nodes == perAZ.reduce(0, +))
        #expect(plan.capacity.nodesWithOneAZLost >= 30)
    }

    // MARK: - What emit writes

    static func properties(_ r: [String: [String: Any]], _ id: String) throws -> [String: Any] {
        try #require(r[id]?["Properties"] as? [String: Any], "no \(id)")
    }

    @Test(arguments: ["", "instanceType: m6i.large, prefixDelegation: true"], [nil, "100.64.0.0/16"] as [String?])
    func theClusterStackRunsTheCNIAndNodesThePlanSized(_ fields: String, _ podCidr: String?) throws {
        var yaml = Self.nodes(fields, frontends: "[{kind: alb-privatelink-nlb}, {kind: alb-controller}]")
        if let podCidr { yaml = yaml.replacingOccurrences(of: "  azs: 3", with: "  azs: 3\n  podCidr: \(podCidr)") }
        let plan = try Fixtures.plan(yaml)
        let files = try DeploymentEmitter().render(plan)
        let cluster = try Fixtures.resources(files, "cloudformation/cluster.json")

        let nodeGroup = try Self.properties(cluster, "EksNodeGroup")
        #expect(nodeGroup["InstanceTypes"] as? [String] == [plan.nodes.instanceType.name])
        #expect(cluster["EksNodeGroup"]?["DependsOn"] as? [String] == ["EksVpcCniAddon"], "nodes start in the CNI's mode")
        let template = try Self.properties(cluster, "EksNodeLaunchTemplate")
        let data = try #require(template["LaunchTemplateData"] as? [String: Any])
        let userData = try #require((data["UserData"] as? [String: Any])?["Fn::Base64"] as? String)
        #expect(userData.contains("kind: NodeConfig") && userData.contains("      maxPods: \(plan.nodes.kubeletMaxPods)\n"))

        let addon = try Self.properties(cluster, "EksVpcCniAddon")
        #expect(addon["AddonName"] as? String == "vpc-cni")
        let configuration: String
        if let sub = (addon["ConfigurationValues"] as? [String: Any])?["Fn::Sub"] as? [Any] {
            configuration = try #require(sub.first as? String)
        } else {
            configuration = try #require(addon["ConfigurationValues"] as? String)
        }
        let values = try #require(try JSONSerialization.jsonObject(with: Data(configuration.utf8)) as? [String: Any])
        let env = try #require(values["env"] as? [String: String])
        switch plan.nodes.cni.mode {
        case .secondaryIP: #expect(env["WARM_ENI_TARGET"] == "1" && env["ENABLE_PREFIX_DELEGATION"] == nil)
        case .prefix: #expect(env["ENABLE_PREFIX_DELEGATION"] == "true" && env["WARM_PREFIX_TARGET"] == "1")
        }
        let network = try Fixtures.resources(files, "cloudformation/network.json")
        let reservations = network.values.filter { $0["Type"] as? String == "AWS::EC2::SubnetCidrReservation" }
            .compactMap { $0["Properties"] as? [String: Any] }
        let planned = plan.subnets.compactMap(\.prefixReservation).map(\.description).sorted()
        #expect(reservations.compactMap { $0["Cidr"] as? String }.sorted() == planned)
        #expect(reservations.allSatisfy { $0["ReservationType"] as? String == "prefix" })
        #expect(planned.isEmpty == (plan.nodes.cni.mode == .secondaryIP))

        let controlPlane = try Self.properties(cluster, "EksClusterControlPlaneSecurityGroup")
        let egress = (controlPlane["SecurityGroupEgress"] as? [[String: Any]] ?? []).compactMap { $0["CidrIp"] as? String }
        if let podCidr {
            #expect(env["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] == "true" && env["ENI_CONFIG_LABEL_DEF"] == "topology.kubernetes.io/zone")
            let eniConfig = try #require(values["eniConfig"] as? [String: Any])
            let subnets = try #require(eniConfig["subnets"] as? [String: [String: Any]])
            #expect(eniConfig["create"] as? Bool == true && subnets.keys.sorted() == plan.availabilityZones)
            // Each AZ's ENIConfig names that AZ's pod subnet: the network stack exports them in AZ order.
            let sub = try #require((addon["ConfigurationValues"] as? [String: Any])?["Fn::Sub"] as? [Any])
            let variables = try #require(sub.last as? [String: Any])
            for (i, az) in plan.availabilityZones.enumerated() {
                let name = try #require((subnets[az]?["id"] as? String)?.dropFirst(2).dropLast())
                let select = try #require((variables[String(name)] as? [String: Any])?["Fn::Select"] as? [Any])
                #expect(select.first as? Int == i && "\(select)".contains("PodsSubnetIds"))
            }
            #expect(egress.contains(podCidr), "the control plane reaches the pods in the pod block")
            let alb = try Fixtures.resources(files, "cloudformation/alb-controller/frontend.json")
            let rules = alb.values.filter { $0["Type"] as? String == "AWS::EC2::SecurityGroup" }
                .flatMap { (($0["Properties"] as? [String: Any])?["SecurityGroupEgress"] as? [[String: Any]]) ?? [] }
            #expect(rules.contains { $0["CidrIp"] as? String == podCidr }, "the controller's ALB reaches its IP targets in the pod block")
        } else {
            #expect(values["eniConfig"] == nil && env["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] == nil)
        }
    }
}
