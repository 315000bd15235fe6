import EdgePlanCore

/// Ingresses that share an ALB through `group.name` can change each other's rules.
struct IngressGroupRule: CaveatRule {
    let id = "alb-ingress-group-sharing"
    let title = "Anyone who can write an Ingress can add an internet-facing ALB or change a shared one"
    let when = "the ALB is made by a controller from Ingresses (loadBalancerApi: ingress)"
    let reference = "AWS Load Balancer Controller - Ingress annotations"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard case .controllerALB(let alb) = f.realization.entry, alb.api == .ingress else { return nil }
        let detail: String
        switch alb.maker {
        case .eksAutoMode:
            detail = "Any user who can create an Ingress of the ALB IngressClass makes another internet-facing ALB (its IngressClassParams fix the scheme and TLS policy). EKS Auto Mode ignores the alb.ingress.kubernetes.io/group.name annotation, so Ingresses share an ALB only through IngressClassParams' group, which only cluster administrators can set. The ALB and its listeners are outside CloudFormation."
        case .loadBalancerController, .inTreeProvider:
            detail = "One ALB is shared by every Ingress with the same alb.ingress.kubernetes.io/group.name; any user who can create or edit an Ingress can join the group and add or override its rules, or point its WAF annotation elsewhere, and any Ingress of the ALB IngressClass without a group makes another internet-facing ALB. The ALB and its listeners are also outside CloudFormation."
        }
        return caveat(.warning, detail: detail,
            mitigation: "Restrict who may create or edit Ingresses of the ALB IngressClass with RBAC or an admission policy, and keep the WAF and certificate annotations on one Ingress the platform team owns (as in the emitted manifest).",
            on: "alb")
    }
}
