import EdgePlanCore

/// The nodes' instance type and VPC CNI mode, checked against the pods each node must run: the
/// design's instance type, or the first of edgeplan's default order (`limits/aws.json`
/// `instanceTypes.defaultOrder`) whose max pods holds `podsPerNode`, within the ceiling managed
/// node groups enforce. `NodesRule` reports the problems; the planner uses the plan.
enum NodeSizing {
    /// The VPC CNI configuration the cluster runs: prefix mode when the design asks (always in EKS
    /// Auto Mode), custom networking when pods have a CIDR of their own.
    static func cni(_ design: Design, _ l: AWSLimits) -> VPCCNI {
        let prefix = design.clusterMode == .auto || design.network.nodes.prefixDelegation == true
        return VPCCNI(mode: prefix ? .prefix : .secondaryIP, customNetworking: design.network.podCidr != nil,
                      warmENITarget: l.cniWarmENITarget, warmPrefixTarget: l.cniWarmPrefixTarget,
                      prefixAddresses: l.cniPrefixAddresses, hostNetworkPods: l.maxPodsHostNetworkPods)
    }

    /// The most pods a managed node group runs on `type`: the VPC CNI's max-pods formula in this
    /// mode, capped by the ceiling managed node groups enforce (110 below 30 vCPUs, 250 above).
    static func maxPods(_ type: InstanceType, _ cni: VPCCNI, _ l: AWSLimits) -> Int {
        min(cni.maxPods(type), ceiling(type, l))
    }

    static func ceiling(_ type: InstanceType, _ l: AWSLimits) -> Int {
        type.vcpus > l.nodeGroupMaxPodsVCPUThreshold ? l.nodeGroupMaxPodsHighVCPU : l.nodeGroupMaxPodsLowVCPU
    }

    /// The node plan, or the errors that stop it.
    static func plan(_ design: Design, reference: AWSReference) -> (plan: NodePlan?, diagnostics: [Diagnostic]) {
        let nodes = design.network.nodes
        let table = reference.instanceTypes
        let l = reference.limits
        let cni = cni(design, l)
        let pods = nodes.podsPerNode
        func plan(_ type: InstanceType, chosen: Bool) -> NodePlan {
            NodePlan(instanceType: type, instanceTypeChosen: chosen, cni: cni, maxPods: maxPods(type, cni, l), kubeletMaxPods: pods,
                     perNode: cni.addresses(pods: pods, on: type))
        }
        let defaults = reference.defaultInstanceTypes
        if design.clusterMode == .auto {
            // Auto Mode picks the instance types itself; subnets are sized as for the smallest of
            // edgeplan's default order (ClusterModeRule refuses instanceType and prefixDelegation).
            guard let reference = defaults.first else { return (nil, []) }
            return (plan(reference, chosen: false), [])
        }
        guard let name = nodes.instanceType else {
            guard let type = defaults.first(where: { maxPods($0, cni, l) >= pods }) else {
                let largest = defaults.max { maxPods($0, cni, l) < maxPods($1, cni, l) }
                return (nil, [.error("network.nodes.podsPerNode", "\(pods) pods per node is more than any instance type of edgeplan's default order runs in \(describe(cni)) on a managed node group (the most is \(largest.map { "\(maxPods($0, cni, l)) on \($0.name)" } ?? "none"); managed node groups run at most \(l.nodeGroupMaxPodsHighVCPU)): name a larger one with nodes.instanceType\(cni.mode == .prefix ? "" : ", or set nodes.prefixDelegation: true")")])
            }
            return (plan(type, chosen: false), [])
        }
        guard let type = table.type(named: name) else {
            let hint = Spelling.closest(to: name, in: table.types.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
            return (nil, [.error("network.nodes.instanceType", "\(name) is not in edgeplan's instance table\(hint): limits/aws.json instanceTypes lists \(table.types.count) types with their ENI limits; add it there with its source (scripts/instance-types.py), or pick a listed one")])
        }
        if cni.mode == .prefix && !type.nitro {
            return (nil, [.error("network.nodes.prefixDelegation", "\(name) is not built on the Nitro System, and only Nitro instances take /28 prefixes: pick a Nitro type such as \(defaults.first?.name ?? "m6i.large"), or drop prefixDelegation")])
        }
        guard maxPods(type, cni, l) >= pods else {
            var ways: [String] = []
            // A larger type of the same family first (same architecture and AMI), else the default order.
            let family = name.prefix { $0 != "." }
            let sameFamily = table.types.filter { $0.name.prefix { $0 != "." } == family }.sorted { $0.vcpus < $1.vcpus }
            if let larger = (sameFamily + defaults).first(where: { maxPods($0, cni, l) >= pods }) {
                ways.append("\(larger.name) (\(maxPods(larger, cni, l)))")
            }
            if cni.mode == .secondaryIP, type.nitro {
                var prefix = cni
                prefix.mode = .prefix
                if maxPods(type, prefix, l) >= pods { ways.append("prefixDelegation: true on \(name) (\(maxPods(type, prefix, l)))") }
            }
            let why: String
            if cni.maxPods(type) < pods {
                let formula = "\(cni.podENIs(type)) ENIs × \(cni.mode == .prefix ? "\(type.ipv4PerENI - 1) prefixes × \(cni.prefixAddresses)" : "\(type.ipv4PerENI - 1) addresses") + \(cni.hostNetworkPods)"
                why = "the VPC CNI gives it at most \(cni.maxPods(type)) in \(describe(cni)) (\(formula))"
            } else {
                why = "managed node groups run at most \(ceiling(type, l)) pods on a node of \(type.vcpus) vCPUs (\(l.nodeGroupMaxPodsHighVCPU) above \(l.nodeGroupMaxPodsVCPUThreshold)), whatever maxPods says"
            }
            return (nil, [.error("network.nodes.podsPerNode", "\(pods) pods per node is more than \(name) runs: \(why); \(ways.isEmpty ? "lower podsPerNode" : "use " + ways.joined(separator: ", or "))")])
        }
        return (plan(type, chosen: true), [])
    }

    static func describe(_ cni: VPCCNI) -> String {
        let mode = cni.mode == .prefix ? "prefix mode" : "secondary-IP mode"
        return cni.customNetworking ? "\(mode) with custom networking" : mode
    }
}
