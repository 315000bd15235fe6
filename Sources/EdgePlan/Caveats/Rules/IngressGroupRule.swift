import EdgePlanCore

/// Ingresses that share an ALB through `group.name` can change each other's rules.
struct IngressGroupRule: CaveatRule {
    let id = "alb-ingress-group-sharing"
    let title = "Anyone who can write an Ingress can change the shared ALB"
    let when = "the ALB is made by a controller from Ingresses (loadBalancerApi: ingress)"
    let reference = "AWS Load Balancer Controller - Ingress annotations"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard case .controllerALB(let alb) = f.realization.entry, alb.api == .ingress else { return nil }
        return caveat(.warning,
            detail: "One ALB is shared by every Ingress with the same alb.ingress.kubernetes.io/group.name; any user who can create or edit an Ingress can join the group and add or override its rules, or point its WAF annotation elsewhere. The ALB and its listeners are also outside CloudFormation.",
            mitigation: "Restrict who may create or edit Ingresses of the ALB IngressClass with RBAC or an admission policy, and keep group.name and the WAF annotation on one Ingress the platform team owns (as in the emitted manifest).")
    }
}
