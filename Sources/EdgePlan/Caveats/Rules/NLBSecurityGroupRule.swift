import EdgePlanCore

/// An NLB created without a security group can never get one: the choice is made at creation.
struct NLBSecurityGroupRule: CaveatRule {
    let id = "nlb-without-security-group"
    let title = "The NLB is created without a security group and can never get one"
    let when = "the option's NLB is created by the in-tree Kubernetes provider (aws-load-balancer-type: nlb), which cannot attach security groups"
    let reference = "Update the security groups for your Network Load Balancer - Elastic Load Balancing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard let nlb = f.nlb, nlb.securityGroups == .neverAttached else { return nil }
        let severity: Caveat.Severity = nlb.scheme == .internetFacing ? .warning : .info
        return caveat(severity,
            detail: "Security groups can only be associated with a Network Load Balancer when it is created. This \(nlb.scheme.rawValue) NLB is made by the in-tree provider, which cannot attach any, so traffic to it can only be filtered at the nodes or pods.",
            mitigation: "Create the NLB with the AWS Load Balancer Controller (aws-load-balancer-type: external with aws-load-balancer-security-groups) or with CloudFormation (deployStyle: bound) so it has a security group from the start.")
    }
}
