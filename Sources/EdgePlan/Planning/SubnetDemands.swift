import EdgePlanCore

/// What each role's subnet must hold in one AZ, from the frontend options and the cluster.
///
/// Options are alternatives, not a stack: each role is sized for the shared parts (NAT, the
/// control plane) plus the most any single option puts there.
struct SubnetDemands {
    struct RoleDemand {
        var shared: [RoleSizing.Demand] = []
        /// Per option id, what that option places in the role.
        var byOption: [(option: String, demands: [RoleSizing.Demand])] = []
        var longestAllowedLength: Int?
        var headroom = 1

        var demands: [RoleSizing.Demand] {
            shared + byOption.flatMap { entry in
                entry.demands.map { RoleSizing.Demand(what: "\($0.what) [\(entry.option)]", addresses: $0.addresses) }
            }
        }

        /// Addresses that must stay usable: shared + the largest option, times the headroom.
        var addressesNeeded: Int {
            let largest = byOption.map { $0.demands.reduce(0) { $0 + $1.addresses } }.max() ?? 0
            return (shared.reduce(0) { $0 + $1.addresses } + largest) * headroom
        }
    }

    var roles: [SubnetRole: RoleDemand] = [:]
    /// Addresses in each node subnet that are not the nodes' (the control plane's ENIs in EKS Auto
    /// Mode), which capacity and the prefix reservation leave room for.
    var othersInNodeSubnets = 0

    /// Each option's components that sit in a subnet, plus NAT or the VPC endpoints that stand in
    /// for it (`vpcEndpoints`, planned for the whole VPC), the control plane and the nodes.
    init(design: Design, options: [PlannedOption], nodePlan: NodePlan, azCount: Int, limits: AWSLimits, policy: PlanningPolicy,
         vpcEndpoints: [VPCEndpointService] = []) {
        let natAddresses = limits.natAddressesPerGateway
        let eksRecommended = limits.eksControlPlaneRecommendedFreeAddresses

        for option in options {
            for component in option.topology.components {
                if let reserved = component.reserves, reserved.addressesPerAZ > 0 {
                    add(RoleSizing.Demand(what: "\(component.label) ENIs beside the load balancer's", addresses: reserved.addressesPerAZ),
                        of: option.id, to: reserved.role, headroom: policy.edgeHeadroom)
                }
                guard let role = component.subnetRole, component.addressesPerAZ > 0 else { continue }
                add(RoleSizing.Demand(what: SubnetDemands.describe(component), addresses: component.addressesPerAZ),
                    of: option.id, to: role, headroom: policy.edgeHeadroom, longestPrefix: component.longestSubnetPrefix)
            }
        }

        if design.network.natGateways != .none {
            var entry = roles[.public] ?? RoleDemand()
            entry.shared.append(.init(what: "NAT gateway", addresses: natAddresses))
            entry.headroom = policy.edgeHeadroom
            roles[.public] = entry
        }

        // With no NAT gateway the cluster reaches AWS through interface endpoints: one ENI each per
        // AZ, shared by every option, so the endpoint subnets exist whatever the options put there.
        let interfaceEndpoints = vpcEndpoints.filter { $0.type == .interface }
        if !interfaceEndpoints.isEmpty {
            var entry = roles[.endpoints] ?? RoleDemand()
            let names = interfaceEndpoints.map(\.service).joined(separator: ", ")
            entry.shared.append(.init(what: "\(interfaceEndpoints.count) interface endpoints for a cluster without NAT (\(names)) × \(limits.endpointENIsPerAZ) ENI",
                                      addresses: interfaceEndpoints.count * limits.endpointENIsPerAZ))
            entry.headroom = policy.edgeHeadroom
            roles[.endpoints] = entry
        }

        let controlPlaneENIs = RoleSizing.Demand(what: "EKS control-plane ENIs (free addresses EKS recommends)", addresses: eksRecommended)

        let nodesPerAZ = SubnetDemands.nodesPerAZ(design.network.nodes.max, azCount: azCount, policy: policy)
        let per = nodePlan.perNode
        let cni = nodePlan.cni
        let addresses = SubnetDemands.describe(per, nodePlan)
        var nodes = RoleDemand()
        var prefixes: [RoleSizing.Demand] = []
        if per.prefixes > 0 {
            let block = SubnetDemands.prefixReservationSize(prefixes: nodesPerAZ * per.prefixes, prefixAddresses: cni.prefixAddresses)
            prefixes = [.init(what: "prefix reservation for \(nodesPerAZ) nodes × \(per.prefixes) /28 prefixes (one more for the block's end)", addresses: block)]
        }
        if cni.customNetworking {
            nodes.shared = [.init(what: "\(nodesPerAZ) nodes × 1 node address (the primary ENI, which carries no pods)", addresses: nodesPerAZ)]
            var podRole = RoleDemand()
            podRole.shared = [.init(what: "\(nodesPerAZ) nodes × \(addresses)", addresses: nodesPerAZ * per.podSubnet)] + prefixes
            roles[.pods] = podRole
        } else {
            nodes.shared = [.init(what: "\(nodesPerAZ) nodes × \(addresses)", addresses: nodesPerAZ * per.nodeSubnet)] + prefixes
        }
        // EKS Auto Mode's default NodeClass puts nodes in the cluster's subnets, so the cluster gets the
        // node subnets and the control plane's ENIs share them; otherwise they have subnets of their own.
        switch SubnetDemands.clusterSubnets(design.clusterMode) {
        case .nodes:
            nodes.shared.append(controlPlaneENIs)
            othersInNodeSubnets = controlPlaneENIs.addresses
        case .public, .internalELB, .endpoints, .controlPlane, .pods:
            var controlPlane = RoleDemand()
            controlPlane.shared = [controlPlaneENIs]
            roles[.controlPlane] = controlPlane
        }
        roles[.nodes] = nodes
    }

    /// Adds what one option places in a role's subnet in each AZ.
    private mutating func add(_ demand: RoleSizing.Demand, of option: String, to role: SubnetRole, headroom: Int, longestPrefix: Int? = nil) {
        var entry = roles[role] ?? RoleDemand()
        if let i = entry.byOption.firstIndex(where: { $0.option == option }) {
            entry.byOption[i].demands.append(demand)
        } else {
            entry.byOption.append((option, [demand]))
        }
        if let longestPrefix { entry.longestAllowedLength = min(entry.longestAllowedLength ?? 32, longestPrefix) }
        entry.headroom = headroom
        roles[role] = entry
    }

    /// The subnets the EKS cluster is given in each cluster mode.
    static func clusterSubnets(_ mode: ClusterMode) -> SubnetRole {
        switch mode {
        case .standard: return .controlPlane
        case .auto: return .nodes
        }
    }

    static func describe(_ c: Component) -> String {
        switch c.kind {
        case .alb: return "\(c.scheme.rawValue) ALB (free addresses it needs to scale)"
        case .nlb: return "\(c.scheme.rawValue) NLB"
        case .interfaceEndpoint: return "interface endpoint ENI"
        case .vpcLink: return "VPC link ENI"
        default: return c.label
        }
    }

    /// The single addresses one node takes from the subnet its pods are in, in words.
    static func describe(_ per: NodeAddresses, _ nodes: NodePlan) -> String {
        let type = nodes.instanceType
        let single = nodes.singleAddressesBesidePods
        switch nodes.cni.mode {
        case .secondaryIP:
            return "\(single) addresses (\(nodes.podENIsPerNode) ENIs × \(type.ipv4PerENI) on \(type.name) for \(nodes.kubeletMaxPods) pods: WARM_ENI_TARGET=\(nodes.cni.warmENITarget) keeps a spare ENI)"
        case .prefix:
            return "\(single) ENI primary address\(single == 1 ? "" : "es") (\(per.prefixes) /28 prefixes for \(nodes.kubeletMaxPods) pods with WARM_PREFIX_TARGET=\(nodes.cni.warmPrefixTarget), \(type.ipv4PerENI - 1) prefixes per ENI on \(type.name))"
        }
    }

    /// The block a subnet reserves for `prefixes` /28s: a power of two with one /28 to spare, since
    /// the block sits at the subnet's end and its last /28 holds the address AWS reserves there.
    static func prefixReservationSize(prefixes: Int, prefixAddresses: Int) -> Int {
        let needed = UInt64((prefixes + 1) * prefixAddresses)
        return Int(IPv4Prefix.size(ofLength: IPv4Prefix.length(holding: needed) ?? 0))
    }

    /// Nodes each AZ must hold: all of them spread evenly, or, to survive an AZ loss, spread over one AZ fewer.
    static func nodesPerAZ(_ total: Int, azCount: Int, policy: PlanningPolicy) -> Int {
        let spread = policy.survivesAZLoss && azCount > 1 ? azCount - 1 : max(azCount, 1)
        return (total + spread - 1) / spread
    }
}
