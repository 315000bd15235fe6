import EdgePlanCore

extension NodePlan {
    /// One sentence on the nodes and the VPC CNI model their subnets are sized with, for the
    /// summary and the report.
    func sentence(clusterMode: ClusterMode) -> String {
        let type = instanceType
        let per = perNode
        let single = singleAddressesBesidePods
        let model: String
        switch cni.mode {
        case .secondaryIP:
            model = "VPC CNI secondary-IP mode (WARM_ENI_TARGET=\(cni.warmENITarget)): \(single) addresses per node (\(podENIsPerNode) ENIs × \(type.ipv4PerENI))"
        case .prefix:
            model = "VPC CNI prefix mode (WARM_PREFIX_TARGET=\(cni.warmPrefixTarget)): \(per.prefixes) /28 prefixes per node in a block reserved for prefixes (a subnet CIDR reservation at the end of each \(cni.customNetworking ? "pod" : "node") subnet), and \(single) ENI address\(single == 1 ? "" : "es") beside it"
        }
        let network = cni.customNetworking
            ? "; custom networking: pods in the pod subnets (an ENIConfig per AZ), the node subnets hold 1 address per node"
            : ""
        switch clusterMode {
        case .auto:
            return "EKS Auto Mode picks the instance types; subnets are sized as for \(type.name) with \(kubeletMaxPods) pods, in \(model)\(network)."
        case .standard:
            let why = instanceTypeChosen ? "the design's" : "edgeplan's choice, the first of its default order that runs \(kubeletMaxPods) pods"
            return "\(type.name) (\(why); a managed node group of it runs at most \(maxPods) pods a node in this mode), kubelet maxPods \(kubeletMaxPods); \(model)\(network)."
        }
    }
}
