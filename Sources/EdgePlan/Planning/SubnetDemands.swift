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

    init(design: Design, azCount: Int, reference: AWSReference, policy: PlanningPolicy) throws(ReferenceError) {
        let albFree = reference.limits.albSubnetFreeAddresses
        let albLength = reference.limits.albSubnetLongestPrefix
        let nlbAddresses = reference.limits.nlbAddressesPerAZ
        let eniPerAZ = reference.limits.endpointENIsPerAZ
        let natAddresses = reference.limits.natAddressesPerGateway
        let eksRecommended = reference.limits.eksControlPlaneRecommendedFreeAddresses

        func add(_ role: SubnetRole, option: String, _ what: String, _ addresses: Int, longest: Int? = nil) {
            var entry = roles[role] ?? RoleDemand()
            if let i = entry.byOption.firstIndex(where: { $0.option == option }) {
                entry.byOption[i].demands.append(.init(what: what, addresses: addresses))
            } else {
                entry.byOption.append((option, [.init(what: what, addresses: addresses)]))
            }
            if let longest { entry.longestAllowedLength = min(entry.longestAllowedLength ?? 32, longest) }
            entry.headroom = policy.edgeHeadroom
            roles[role] = entry
        }

        func internetALB(_ id: String) {
            add(.public, option: id, "internet-facing ALB (free addresses it needs to scale)", albFree, longest: albLength)
        }
        func internalALB(_ id: String) {
            add(.internalELB, option: id, "internal ALB (free addresses it needs to scale)", albFree, longest: albLength)
        }

        for frontend in design.frontends {
            let id = frontend.id
            switch frontend.kind {
            case .albPrivateLinkNLB:
                internetALB(id)
                add(.endpoints, option: id, "interface endpoint ENI", eniPerAZ)
                add(.internalELB, option: id, "internal NLB", nlbAddresses)
            case .apiGatewayVPCLinkNLB:
                add(.internalELB, option: id, "internal NLB", nlbAddresses)
                if frontend.api == .http { add(.endpoints, option: id, "VPC link ENI", eniPerAZ) }
            case .cloudFrontPublicNLB:
                add(.public, option: id, "internet-facing NLB", nlbAddresses)
            case .albController:
                internetALB(id)
            case .cloudFrontVPCOrigin:
                if frontend.origin == .nlb {
                    add(.internalELB, option: id, "internal NLB", nlbAddresses)
                } else {
                    internalALB(id)
                }
            case .apiGatewayVPCLinkALB:
                internalALB(id)
                add(.endpoints, option: id, "VPC link ENI", eniPerAZ)
            case .nlbToALB:
                add(.public, option: id, "internet-facing NLB with an Elastic IP", nlbAddresses)
                internalALB(id)
            }
        }

        if design.network.natGateways != .none {
            var entry = roles[.public] ?? RoleDemand()
            entry.shared.append(.init(what: "NAT gateway", addresses: natAddresses))
            entry.headroom = policy.edgeHeadroom
            roles[.public] = entry
        }

        var controlPlane = RoleDemand()
        controlPlane.shared = [.init(what: "EKS control-plane ENIs (free addresses EKS recommends)", addresses: eksRecommended)]
        roles[.controlPlane] = controlPlane

        let nodesPerAZ = SubnetDemands.nodesPerAZ(design.network.nodes.max, azCount: azCount, policy: policy)
        let pods = design.network.nodes.podsPerNode
        var nodes = RoleDemand()
        if design.network.podCidr == nil {
            nodes.shared = [.init(what: "\(nodesPerAZ) nodes × (1 node address + \(pods) pod addresses)", addresses: nodesPerAZ * (1 + pods))]
        } else {
            nodes.shared = [.init(what: "\(nodesPerAZ) nodes × 1 node address", addresses: nodesPerAZ)]
            var podRole = RoleDemand()
            podRole.shared = [.init(what: "\(nodesPerAZ) nodes × \(pods) pod addresses", addresses: nodesPerAZ * pods)]
            roles[.pods] = podRole
        }
        roles[.nodes] = nodes
    }

    /// Nodes each AZ must hold: all of them spread evenly, or, to survive an AZ loss, spread over one AZ fewer.
    static func nodesPerAZ(_ total: Int, azCount: Int, policy: PlanningPolicy) -> Int {
        let spread = policy.survivesAZLoss && azCount > 1 ? azCount - 1 : max(azCount, 1)
        return (total + spread - 1) / spread
    }
}
