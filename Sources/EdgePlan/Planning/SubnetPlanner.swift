import EdgePlanCore

/// Stage 3: a validated design → the subnet plan: every role the options need, in every AZ,
/// sized from what it holds, laid out so that growth disturbs as little as possible.
public struct SubnetPlanner: Sendable {
    public var reference: AWSReference
    public var policy: PlanningPolicy
    public var optionPlanner = OptionPlanner()
    public var costPlanner = CostPlanner()
    public var recommender = Recommender()
    /// When false, the plan has no recommendation, and its options no caveats or refusals
    /// (`OptionPlanner.judges`): what `plan --fleet` needs, a line of subnets and capacity per design.
    public var judgesOptions = true {
        didSet { optionPlanner.judges = judgesOptions }
    }

    public init(reference: AWSReference, policy: PlanningPolicy = .standard) {
        self.reference = reference
        self.policy = policy
    }

    /// Plans the subnets and the frontend options; `prices` (the design's region) lets caveats and
    /// costs use money, and may be nil.
    public func plan(_ design: Design, prices: PriceCatalog? = nil) throws(DiagnosticError) -> Plan {
        try plan(design, pricing: prices.map(PlanPricing.catalog) ?? .none)
    }

    /// Plans the subnets, the frontend options and, when `pricing` has a catalog, their costs.
    public func plan(_ design: Design, pricing: PlanPricing) throws(DiagnosticError) -> Plan {
        do {
            return try makePlan(design, pricing: pricing)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([.error("", "\(error)")])
        }
    }

    private func makePlan(_ design: Design, pricing: PlanPricing) throws -> Plan {
        let prices = pricing.catalog
        guard case .fixed(let vpc) = design.network.vpcCidr else {
            throw DiagnosticError([.error("network.vpcCidr", "'allocate' needs a CIDR ledger: run with --ledger FILE, or give a CIDR such as 10.128.0.0/16")])
        }
        guard let azs = reference.azNames(design.network.azs, region: design.region), !azs.isEmpty else {
            throw DiagnosticError([.error("network.azs", "the Availability Zones could not be resolved in \(design.region)")])
        }
        let azKind: AZKind
        switch design.network.azs {
        case .ids: azKind = .id
        case .names, .count: azKind = .name
        }
        // EKS refuses cluster subnets in some AZ IDs: there the control plane gets no subnet (the
        // validator has checked that enough AZs are left, and refuses such an AZ in Auto Mode).
        let refused = reference.regions[design.region]?.eksUnsupportedZoneIDs ?? []
        let noControlPlane = azKind == .id && SubnetDemands.clusterSubnets(design.clusterMode) == .controlPlane
            ? Set(azs.indices.filter { refused.contains(azs[$0]) }) : []
        let sizedNodes = NodeSizing.plan(design, reference: reference)
        guard let nodePlan = sizedNodes.plan else { throw DiagnosticError(sizedNodes.diagnostics.filter { $0.severity == .error }) }
        let options = optionPlanner.options(for: design, limits: reference.limits, azCount: azs.count, prices: prices)
        let endpoints = vpcEndpoints(design)
        let demands = SubnetDemands(design: design, options: options, nodePlan: nodePlan, azCount: azs.count, limits: reference.limits, policy: policy,
                                    vpcEndpoints: endpoints)
        var notes = zoneNotes(design, azs: azs, noControlPlane: noControlPlane)
        var sizing: [RoleSizing] = []
        var errors: [Diagnostic] = []
        for role in SubnetRole.allCases {
            guard let demand = demands.roles[role] else { continue }
            switch try size(role, demand, design: design) {
            case .success(let s): sizing.append(s)
            case .failure(let d): errors.append(d)
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }

        let reserved = reference.limits.subnetReservedAddresses
        let vpcRoles = sizing.filter { $0.role != .pods }.map { (role: $0.role, length: $0.length) }
        guard let main = SubnetLayout.place(in: vpc, lengths: vpcRoles, azCount: azs.count, omit: [.controlPlane: noControlPlane]) else {
            throw DiagnosticError([tooSmall("network.vpcCidr", vpc, needed: SubnetLayout.packedSize(lengths: vpcRoles, azCount: azs.count))])
        }
        if main.kind == .compact {
            let roomy = IPv4Prefix.length(holding: SubnetLayout.packedSize(lengths: vpcRoles.map { ($0.role, $0.length - SubnetLayout.slotBits(azCount: azs.count)) }, azCount: 1)) ?? 0
            let advice = roomy >= reference.limits.vpcCidrShortestPrefix
                ? "a /\(roomy) would keep one, so adding an AZ later would move no subnet"
                : "no VPC block AWS allows (the largest is a /\(reference.limits.vpcCidrShortestPrefix)) can keep one with these subnet sizes"
            notes.append(.warning("network.vpcCidr", "\(vpc) holds the subnets only packed tightly, with no empty slot kept for another AZ; \(advice)"))
        }
        var placements = main.placements
        var free = main.free
        var secondary: [IPv4Prefix] = []
        var podLayout: SubnetLayout.Result?
        if let podCidr = design.network.podCidr, let podSizing = sizing.first(where: { $0.role == .pods }) {
            let podRoles = [(role: SubnetRole.pods, length: podSizing.length)]
            guard let pods = SubnetLayout.place(in: podCidr, lengths: podRoles, azCount: azs.count) else {
                throw DiagnosticError([tooSmall("network.podCidr", podCidr, needed: SubnetLayout.packedSize(lengths: podRoles, azCount: azs.count))])
            }
            podLayout = pods
            placements += pods.placements
            free += pods.free
            secondary = [podCidr]
        }

        let podRole: SubnetRole = nodePlan.cni.customNetworking ? .pods : .nodes
        let sharedInNodeSubnets = demands.othersInNodeSubnets
        let subnets = placements
            .sorted { ($0.azIndex, $0.role) < ($1.azIndex, $1.role) }
            .map { p in
                PlannedSubnet(
                    name: subnetName(design, role: p.role, az: azs[p.azIndex]), role: p.role, az: azs[p.azIndex], cidr: p.cidr,
                    usableAddresses: Int(p.cidr.size) - reserved,
                    tags: tags(design, role: p.role, name: subnetName(design, role: p.role, az: azs[p.azIndex])),
                    prefixReservation: p.role == podRole && nodePlan.perNode.prefixes > 0
                        ? NodeCapacity.reservation(in: p.cidr, nodes: nodePlan, reserved: reserved, shared: p.role == .nodes ? sharedInNodeSubnets : 0)
                        : nil,
                    azId: azKind == .id ? azs[p.azIndex] : nil)
            }
        let capacity = self.capacity(design, nodes: nodePlan, subnets: subnets, azs: azs, sharedInNodeSubnets: sharedInNodeSubnets)
        if capacity.nodes < design.network.nodes.max {
            notes.append(.warning("network.nodes.max", "the node subnets hold \(capacity.nodes) nodes, fewer than the \(design.network.nodes.max) asked for"))
        }
        let layout = Layout(
            kind: main.kind, azSlots: main.azSlots,
            roleBlocks: (main.roleBlocks + (podLayout?.roleBlocks ?? [])).sorted { $0.cidr < $1.cidr })
        var plan = Plan(
            design: DesignSummary(name: design.name, region: design.region, regionName: reference.regions[design.region]?.name,
                                  cluster: design.cluster, frontends: design.frontends, traffic: design.traffic,
                                  requirements: design.requirements, clusterMode: design.clusterMode,
                                  clusterSubnets: SubnetDemands.clusterSubnets(design.clusterMode)),
            vpc: VPCPlan(cidr: vpc, secondaryCidrs: secondary, natGateways: design.network.natGateways, endpoints: endpoints),
            availabilityZones: azs, subnets: subnets, sizing: sizing, capacity: capacity, layout: layout,
            freeCidrs: free.sorted(), notes: notes, software: Software(reference.limits),
            kubernetes: Self.kubernetes(design, reference.eksVersions), nodes: nodePlan)
        plan.azKind = azKind
        plan.options = options
        try costPlanner.price(&plan, design: design, pricing: pricing)
        if judgesOptions { plan.recommendation = recommender.recommend(plan.options) }
        return plan
    }

    /// The VPC endpoints the network stack makes: with `natGateways: none`, every service of
    /// `privateCluster` in `limits/aws.json` (EKS "Deploy private clusters with limited internet
    /// access"); with a NAT gateway the cluster reaches AWS through it and gets none.
    func vpcEndpoints(_ design: Design) -> [VPCEndpointService] {
        switch design.network.natGateways {
        case .none: return reference.privateClusterEndpoints
        case .perAZ, .single: return []
        }
    }

    // MARK: - Sizing

    private func size(_ role: SubnetRole, _ demand: SubnetDemands.RoleDemand, design: Design) throws -> Result<RoleSizing, Diagnostic> {
        let reserved = reference.limits.subnetReservedAddresses
        let shortest = reference.limits.subnetShortestPrefix
        let longest = reference.limits.subnetLongestPrefix
        let needed = demand.addressesNeeded
        let natural = IPv4Prefix.length(holding: UInt64(needed + reserved)) ?? 0
        let cap = min(longest, demand.longestAllowedLength ?? longest)
        var length = min(natural, cap)
        var reason: String
        if natural <= cap {
            reason = "smallest subnet with \(grouped(needed)) usable addresses"
        } else if let alb = demand.longestAllowedLength, alb < longest {
            reason = "a load balancer here needs at least a /\(alb)"
        } else {
            reason = "AWS's smallest subnet"
        }
        if demand.headroom > 1 { reason += " (\(demand.headroom)× what it holds, so a replacement fits beside the old)" }
        let fixed = design.network.subnetSizes[role]
        if let fixed {
            let path = "network.subnetSizes.\(role.rawValue)"
            let usable = Int(IPv4Prefix.size(ofLength: fixed)) - reserved
            if fixed > cap {
                return .failure(.error(path, "/\(fixed) is too small for \(role.rawValue) subnets: use /\(cap) or larger (\(reason))"))
            }
            if usable < needed {
                return .failure(.error(path, "a /\(fixed) leaves \(grouped(usable)) usable addresses but \(role.rawValue) subnets need \(grouped(needed)): use /\(min(natural, cap)) or larger"))
            }
            length = fixed
            reason = "fixed by the design (needs \(grouped(needed)) usable addresses)"
        }
        if length < shortest {
            return .failure(oversized(role, needed: needed, shortest: shortest, reserved: reserved, design: design))
        }
        return .success(RoleSizing(
            role: role, demands: demand.demands, addressesNeeded: needed,
            longestAllowedLength: demand.longestAllowedLength, length: length, fixedByDesign: fixed != nil, reason: reason))
    }

    private func oversized(_ role: SubnetRole, needed: Int, shortest: Int, reserved: Int, design: Design) -> Diagnostic {
        let most = grouped(Int(IPv4Prefix.size(ofLength: shortest)) - reserved)
        switch role {
        case .nodes where design.network.podCidr == nil:
            return .error("network.nodes", "each AZ's node subnet would need \(grouped(needed)) addresses, more than a /\(shortest) holds (\(most) usable), the largest subnet AWS allows: add AZs, lower nodes.max or podsPerNode, or move pods to a podCidr")
        case .pods, .nodes:
            return .error("network.nodes", "each AZ's \(role.rawValue) subnet would need \(grouped(needed)) addresses, more than a /\(shortest) holds (\(most) usable), the largest subnet AWS allows: add AZs or lower nodes.max or podsPerNode")
        default:
            return .error("frontends", "each AZ's \(role.rawValue) subnet would need \(grouped(needed)) addresses, more than a /\(shortest) holds")
        }
    }

    private func tooSmall(_ path: String, _ block: IPv4Prefix, needed: UInt64) -> Diagnostic {
        let shortest = reference.limits.vpcCidrShortestPrefix
        guard let length = IPv4Prefix.length(holding: needed), length >= shortest else {
            return .error(path, "\(block) is too small: the plan needs \(grouped(needed)) addresses, more than the largest VPC block (a /\(shortest)) holds: use fewer nodes or pods per node, or a podCidr")
        }
        return .error(path, "\(block) is too small: the plan needs \(grouped(needed)) addresses; use a /\(length) or larger")
    }

    // MARK: - Zones, names, tags, capacity

    /// What the plan says about its zones. With zone names or a count: which physical zone (AZ ID)
    /// a name is depends on the account in older regions, and EKS refuses cluster subnets in some AZ
    /// IDs, so listing AZ IDs is safer (a warning where a name may be such an AZ ID, a note
    /// otherwise). With AZ IDs: each AZ that gets no control-plane subnet, and why.
    private func zoneNotes(_ design: Design, azs: [String], noControlPlane: Set<Int>) -> [Diagnostic] {
        let page = "EKS \"View Amazon EKS networking requirements for VPC and subnets\""
        let region = reference.regions[design.region]
        let known = region?.azIds?.ids
        let refused = (region?.eksUnsupportedZoneIDs ?? []).filter { known?.contains($0) ?? true }
        switch design.network.azs {
        case .ids:
            let others = azs.indices.filter { !noControlPlane.contains($0) }.map { azs[$0] }.joined(separator: ", ")
            return noControlPlane.sorted().map { i in
                Diagnostic(.note, "network.azs[\(i)]", "no control-plane subnet in \(azs[i]): EKS does not allow cluster subnets there (\(page)); the control plane uses \(others), every other role all \(azs.count) AZs")
            }
        case .names, .count:
            let names = azs.joined(separator: ", ")
            var text: String
            switch region?.azIds?.namesMappedPerAccount {
            case true?:
                text = "\(design.region) maps zone names to zones per account (accounts created before November 2025), so \(names) can be different physical zones (AZ IDs) in each account"
            case false?:
                text = "\(design.region) maps zone names the same way in every account, but the plan cannot tell which AZ ID each of \(names) is"
            case nil:
                text = "zone names can be different physical zones (AZ IDs) in each account, and edgeplan has no AZ IDs of \(design.region) to check them against"
            }
            if !refused.isEmpty {
                text += "; EKS does not allow cluster subnets in \(refused.joined(separator: ", ")) (\(page)), and any of these names may be \(refused.count == 1 ? "it" : "one of them") in your account, which fails the cluster's creation"
            } else if known != nil {
                text += "; EKS allows cluster subnets in every AZ ID of \(design.region) (\(page))"
            }
            if let known {
                let minimum = reference.limits.eksControlPlaneMinimumAZs
                let suggested = known.filter { !refused.contains($0) }.prefix(max(azs.count, minimum))
                text += ": list AZ IDs instead (network.azs: [\(suggested.joined(separator: ", "))]) to plan the same zones in every account"
                    + (refused.isEmpty ? "" : ", with no control-plane subnet in \(refused.joined(separator: ", "))")
            }
            return [Diagnostic(refused.isEmpty ? .note : .warning, "network.azs", text)]
        }
    }

    /// `<env>-<role>-<zone>`: the zone's letter (`a` of us-east-1a), or the AZ ID's number (`az1` of use1-az1).
    private func subnetName(_ design: Design, role: SubnetRole, az: String) -> String {
        // Compared in bytes, as written: AWS does not take two spellings of one zone name either.
        let region = design.region.utf8
        let suffix = az.utf8.starts(with: region) ? Substring(az.utf8.dropFirst(region.count))
            : RegionInfo.isZoneID(az) ? (az.split(separator: "-").last ?? Substring(az)) : Substring(az)
        var name = design.name
        name.reserveCapacity(name.utf8.count + role.rawValue.utf8.count + suffix.utf8.count + 2)
        name += "-"
        name += role.rawValue
        name += "-"
        name += suffix
        return name
    }

    private func tags(_ design: Design, role: SubnetRole, name: String) -> [ResourceTag] {
        var tags = [ResourceTag("Name", name)]
        switch role {
        case .public:
            tags += [ResourceTag("kubernetes.io/cluster/\(design.cluster)", "shared"), ResourceTag("kubernetes.io/role/elb", "1")]
        case .internalELB:
            tags += [ResourceTag("kubernetes.io/cluster/\(design.cluster)", "shared"), ResourceTag("kubernetes.io/role/internal-elb", "1")]
        default:
            break
        }
        return tags.sorted { $0.key < $1.key }
    }

    private func capacity(_ design: Design, nodes: NodePlan, subnets: [PlannedSubnet], azs: [String], sharedInNodeSubnets: Int) -> Capacity {
        let reserved = reference.limits.subnetReservedAddresses
        let perAZ = azs.map { az -> Int in
            let node = subnets.first { $0.az == az && $0.role == .nodes }
            let pod = subnets.first { $0.az == az && $0.role == .pods }
            return NodeCapacity.nodes(nodeSubnet: node, podSubnet: pod, nodes: nodes, reserved: reserved, sharedInNodeSubnets: sharedInNodeSubnets)
        }
        let total = perAZ.reduce(0, +)
        return Capacity(
            requestedNodes: design.network.nodes.max, podsPerNode: design.network.nodes.podsPerNode,
            plannedNodesPerAZ: SubnetDemands.nodesPerAZ(design.network.nodes.max, azCount: azs.count, policy: policy),
            nodes: total, pods: total * design.network.nodes.podsPerNode, nodesWithOneAZLost: total - (perAZ.max() ?? 0))
    }
}

extension SubnetPlanner {
    /// The design's Kubernetes version (the validator has checked EKS offers it), else the newest
    /// in standard support, with its support on the calendar's day.
    static func kubernetes(_ design: Design, _ calendar: EKSVersionCalendar) -> KubernetesVersionPlan {
        let chosen = design.kubernetesVersion.flatMap(calendar.version)
        // The calendar always has a version in standard support (AWSReference checks it).
        let version = chosen ?? calendar.newestInStandardSupport ?? calendar.versions[0]
        return KubernetesVersionPlan(version: version.version, support: version.support(on: calendar.asOf),
                                     standardSupportEnds: version.standardSupportEnds, extendedSupportEnds: version.extendedSupportEnds,
                                     asOf: calendar.asOf, chosen: chosen != nil)
    }
}
