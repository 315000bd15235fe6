import EdgePlanCore

/// The nodes' instance type and VPC CNI mode, checked against the pods each node must run: the
/// design's instance type, or the first of edgeplan's default order (`limits/aws.json`
/// `instanceTypes.defaultOrder`) whose max pods holds `podsPerNode`. `NodesRule` reports the
/// problems; the planner uses the plan.
enum NodeSizing {
    /// The VPC CNI configuration the cluster runs: prefix mode when the design asks (always in EKS
    /// Auto Mode), custom networking when pods have a CIDR of their own.
    static func cni(_ design: Design, _ l: AWSLimits) -> VPCCNI {
        let prefix = design.clusterMode == .auto || design.network.nodes.prefixDelegation == true
        return VPCCNI(mode: prefix ? .prefix : .secondaryIP, customNetworking: design.network.podCidr != nil,
                      warmENITarget: l.cniWarmENITarget, warmPrefixTarget: l.cniWarmPrefixTarget,
                      prefixAddresses: l.cniPrefixAddresses, hostNetworkPods: l.maxPodsHostNetworkPods)
    }

    /// The node plan, or the errors that stop it; warnings ride along with a plan.
    static func plan(_ design: Design, reference: AWSReference) -> (plan: NodePlan?, diagnostics: [Diagnostic]) {
        let nodes = design.network.nodes
        let table = reference.instanceTypes
        let cni = cni(design, reference.limits)
        let pods = nodes.podsPerNode
        func plan(_ type: InstanceType, chosen: Bool) -> NodePlan {
            NodePlan(instanceType: type, instanceTypeChosen: chosen, cni: cni, maxPods: cni.maxPods(type), kubeletMaxPods: pods,
                     perNode: cni.addresses(pods: pods, on: type))
        }
        let defaults = table.defaultOrder.types.compactMap(table.type(named:))
        if design.clusterMode == .auto {
            // Auto Mode picks the instance types itself; subnets are sized as for the smallest of
            // edgeplan's default order (ClusterModeRule refuses instanceType and prefixDelegation).
            guard let reference = defaults.first else { return (nil, []) }
            return (plan(reference, chosen: false), [])
        }
        guard let name = nodes.instanceType else {
            guard let type = defaults.first(where: { cni.maxPods($0) >= pods }) else {
                let largest = defaults.max { cni.maxPods($0) < cni.maxPods($1) }
                return (nil, [.error("network.nodes.podsPerNode", "\(pods) pods per node is more than any instance type of edgeplan's default order runs in \(describe(cni)) (the most is \(largest.map { "\(cni.maxPods($0)) on \($0.name)" } ?? "none")): name a larger one with nodes.instanceType\(cni.mode == .prefix ? "" : ", or set nodes.prefixDelegation: true")")])
            }
            return (plan(type, chosen: false), ceiling(type, pods: pods, reference.limits))
        }
        guard let type = table.type(named: name) else {
            let hint = Spelling.closest(to: name, in: table.types.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
            return (nil, [.error("network.nodes.instanceType", "\(name) is not in edgeplan's instance table\(hint): limits/aws.json instanceTypes lists \(table.types.count) types with their ENI limits; add it there with its source (scripts/instance-types.py), or pick a listed one")])
        }
        if cni.mode == .prefix && !type.nitro {
            return (nil, [.error("network.nodes.prefixDelegation", "\(name) is not built on the Nitro System, and only Nitro instances take /28 prefixes: pick a Nitro type such as \(defaults.first?.name ?? "m6i.large"), or drop prefixDelegation")])
        }
        let max = cni.maxPods(type)
        guard max >= pods else {
            var ways: [String] = []
            if let larger = defaults.first(where: { cni.maxPods($0) >= pods }) { ways.append("\(larger.name) (\(cni.maxPods(larger)))") }
            if cni.mode == .secondaryIP, type.nitro {
                var prefix = cni
                prefix.mode = .prefix
                if prefix.maxPods(type) >= pods { ways.append("prefixDelegation: true on \(name) (\(prefix.maxPods(type)))") }
            }
            let formula = "\(cni.podENIs(type)) ENIs × \(cni.mode == .prefix ? "\(type.ipv4PerENI - 1) prefixes × \(cni.prefixAddresses)" : "\(type.ipv4PerENI - 1) addresses") + \(cni.hostNetworkPods)"
            return (nil, [.error("network.nodes.podsPerNode", "\(pods) pods per node is more than \(name) runs: the VPC CNI gives it at most \(max) in \(describe(cni)) (\(formula)); \(ways.isEmpty ? "lower podsPerNode" : "use " + ways.joined(separator: ", or "))")])
        }
        return (plan(type, chosen: true), ceiling(type, pods: pods, reference.limits))
    }

    /// EKS recommends at most 110 pods on a node of 30 vCPUs or fewer, 250 above: a warning.
    private static func ceiling(_ type: InstanceType, pods: Int, _ l: AWSLimits) -> [Diagnostic] {
        let ceiling = type.vcpus > l.maxPodsVCPUThreshold ? l.maxPodsRecommendedHighVCPU : l.maxPodsRecommendedLowVCPU
        guard pods > ceiling else { return [] }
        return [.warning("network.nodes.podsPerNode", "\(pods) pods per node is more than the \(ceiling) EKS recommends on \(type.name) (\(type.vcpus) vCPUs; \(l.maxPodsRecommendedHighVCPU) above \(l.maxPodsVCPUThreshold) vCPUs)")]
    }

    static func describe(_ cni: VPCCNI) -> String {
        let mode = cni.mode == .prefix ? "prefix mode" : "secondary-IP mode"
        return cni.customNetworking ? "\(mode) with custom networking" : mode
    }
}
