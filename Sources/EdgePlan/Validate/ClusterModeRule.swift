import EdgePlanCore

/// `clusterMode: auto` (EKS Auto Mode) rules out what Auto Mode does not do: custom networking
/// with a pod CIDR (ENIConfig), a fixed instance type or no prefix delegation, more pods per node than its cap, the Gateway API path of the AWS
/// Load Balancer Controller (Auto Mode runs its own controller), and an NLB that Auto Mode would
/// have to make with a security group edgeplan's stack supplies.
struct ClusterModeRule: DesignRule {
    let id = "cluster-mode"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        switch design.clusterMode {
        case .standard: return []
        case .auto: return auto(design, reference.limits)
        }
    }

    private func auto(_ design: Design, _ l: AWSLimits) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if design.network.podCidr != nil {
            found.append(.error("network.podCidr", "EKS Auto Mode does not support custom networking (ENIConfig): its pods take their addresses from the node subnets. Remove podCidr, or use clusterMode: standard to keep pods in a secondary block"))
        }
        if let type = design.network.nodes.instanceType {
            found.append(.error("network.nodes.instanceType", "EKS Auto Mode picks the nodes' instance types itself (its NodePools), so \(type) would not be used: remove instanceType, or use clusterMode: standard for a managed node group of \(type)"))
        }
        if design.network.nodes.prefixDelegation == false {
            found.append(.error("network.nodes.prefixDelegation", "EKS Auto Mode always gives pods /28 prefixes and edgeplan sizes its subnets so: remove prefixDelegation: false, or use clusterMode: standard"))
        }
        if design.network.nodes.podsPerNode > l.autoModeMaxPodsPerNode {
            found.append(.error("network.nodes.podsPerNode", "\(design.network.nodes.podsPerNode) pods per node is more than EKS Auto Mode runs: it caps every node at \(l.autoModeMaxPodsPerNode); ask for \(l.autoModeMaxPodsPerNode) or fewer"))
        }
        for (i, f) in design.frontends.enumerated() {
            if f.loadBalancerAPI == .gatewayAPI {
                found.append(.error("frontends[\(i)].loadBalancerApi", "edgeplan's gateway-api objects are for the AWS Load Balancer Controller's GatewayClass, which EKS Auto Mode does not run, and edgeplan does not model Auto Mode's own Gateway API support (announced October 2026) yet; use loadBalancerApi: ingress in Auto Mode"))
            }
            if f.deployStyle == .staggered && f.originProtection?.admitsOnlyCloudFront == true {
                found.append(.error("frontends[\(i)].deployStyle", "in EKS Auto Mode a Service cannot give its NLB the stack's security group (the aws-load-balancer-security-groups annotation is not supported there), so the prefix-list security group needs deployStyle: bound"))
            }
        }
        return found
    }
}
