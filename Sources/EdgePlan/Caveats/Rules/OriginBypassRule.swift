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
                mitigation: "Set originProtection: prefix-list-sg-and-secret-header (an NLB created with a security group that admits only \(f.limits.cloudFrontPrefixListName), and a secret header only your distribution adds), or use cloudfront-vpc-origin so nothing is public.", on: origin.id)
        case .secretHeader:
            return caveat(.warning,
                detail: "The \(origin.label) still accepts connections from anywhere; only \(f.serviceOwner)'s check of the secret header CloudFront adds turns strangers away, and the header is only as safe as its secret.",
                mitigation: "Use originProtection: prefix-list-sg-and-secret-header so that only CloudFront's addresses can connect at all, and rotate the header value regularly.")
        case .prefixListSG:
            return caveat(.warning,
                detail: "The \(origin.label)'s security group admits only CloudFront's origin-facing addresses, but every CloudFront distribution shares them, an attacker's included: a distribution of someone else's with the NLB's name as its origin reaches \(f.serviceOwner) without your WAF, your cache policy or your viewer rules.",
                mitigation: "Also require a secret header that only your distribution adds (originProtection: prefix-list-sg-and-secret-header), or use cloudfront-vpc-origin so nothing is public.")
        case .prefixListSGAndSecretHeader:
            return caveat(.info,
                detail: "The \(origin.label) is internet-facing, but its security group admits only CloudFront's origin-facing addresses and \(f.serviceOwner) turns away every request without the secret header your distribution adds. The header is only as safe as its secret.",
                mitigation: "Rotate the header value regularly, with \(f.serviceOwner) accepting the old and the new value while CloudFront's configuration changes; cloudfront-vpc-origin removes the public origin altogether.")
        }
    }
}
