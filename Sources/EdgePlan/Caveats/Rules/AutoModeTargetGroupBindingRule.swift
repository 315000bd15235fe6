import EdgePlanCore

/// EKS Auto Mode's controller registers pods in a target group CloudFormation made only as far
/// as its managed policy lets it, and its documentation has changed its mind about such bindings.
struct AutoModeTargetGroupBindingRule: CaveatRule {
    let id = "auto-mode-target-group-binding"
    let title = "EKS Auto Mode must be allowed to fill a target group it did not make"
    let when = "in EKS Auto Mode, a TargetGroupBinding fills a target group CloudFormation made"
    let reference = "Learn about VPC Networking and Load Balancing in EKS Auto Mode - Amazon EKS; AmazonEKSLoadBalancingPolicy - AWS Managed Policy"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard case .targetGroupBinding(let b) = f.realization.entry, b.maker == .eksAutoMode else { return nil }
        return caveat(.warning,
            detail: "Auto Mode's controller acts with the cluster role's AmazonEKSLoadBalancingPolicy, whose load-balancing statements are scoped by the eks:eks-cluster-name tag, so edgeplan tags the target group with the cluster's name. Auto Mode's TargetGroupBinding (\(f.limits.autoModeAPIVersion), targetType required, security-group peers only) is documented for target groups made elsewhere since 2025, but its first documentation said you cannot bring your own target groups.",
            mitigation: "After the first deploy, check that the TargetGroupBinding reports its targets and that the target group shows them healthy before moving traffic; if registration is refused, give the cluster role elasticloadbalancing:RegisterTargets and DeregisterTargets on this target group.",
            on: b.loadBalancer == .nlb ? "nlb" : "alb")
    }
}
