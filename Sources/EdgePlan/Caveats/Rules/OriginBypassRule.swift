import EdgePlanCore

/// A public origin behind CloudFront (or behind a WAF elsewhere) can be reached directly, skipping
/// CloudFront and the WAF. Critical unless `originProtection` closes it.
struct OriginBypassRule: CaveatRule {
    let id = "origin-bypass"
    let title = "The public origin can be reached directly, around CloudFront and its WAF"
    let when = "an internet-facing load balancer sits behind CloudFront or a WAF that is not on it"
    let reference = "Restricting access to Application Load Balancers - Amazon CloudFront; AWS-managed prefix lists - Amazon VPC"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.cloudFront),
              let origin = f.topology.components.first(where: { ($0.kind == .nlb || $0.kind == .alb) && $0.scheme == .internetFacing })
        else { return nil }
        switch f.frontend.originProtection ?? .none {
        case .none:
            return caveat(.critical,
                detail: "The \(origin.label) is internet-facing and open: anyone who learns its DNS name sends requests straight to \(f.serviceOwner), skipping CloudFront's caching, TLS policy and WAF. The 2018 report names this as the reason the option is weak.",
                mitigation: "Set originProtection: prefix-list-sg (an NLB created with a security group that admits only \(f.limits.cloudFrontPrefixListName)), add a secret header, or use cloudfront-vpc-origin so nothing is public.", on: origin.id)
        case .secretHeader:
            return caveat(.warning,
                detail: "The \(origin.label) still accepts connections from anywhere; only \(f.serviceOwner)'s check of the secret header CloudFront adds turns strangers away, and the header is only as safe as its secret.",
                mitigation: "Rotate the header value regularly, and combine it with prefix-list-sg so only CloudFront's addresses can connect at all.")
        case .prefixListSG:
            return caveat(.info,
                detail: "The \(origin.label)'s security group admits only CloudFront's origin-facing addresses. Every CloudFront distribution, including other accounts', shares those addresses.",
                mitigation: "Add a secret header checked at \(f.serviceOwner) (originProtection: secret-header) so only your distribution is accepted.")
        }
    }
}
