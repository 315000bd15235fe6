import EdgePlanCore

/// The 2018 report's CloudFront path (challenge 6): CloudFront with an internet-facing NLB as its
/// origin. The NLB is public, so unless something closes it, CloudFront and its WAF can be bypassed.
struct CloudFrontPublicNLBOption: FrontendOption {
    let kind = FrontendKind.cloudFrontPublicNLB
    let summary = "CloudFront with an internet-facing NLB in front of ingress-nginx as its origin"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        let protection = f.originProtection ?? .none
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf("the CloudFront distribution")) }
        var nlb = Parts.ingressNLB(.internetFacing, f, c, needsSecurityGroup: protection == .prefixListSG)
        if protection == .prefixListSG {
            nlb.notes.append("security group admits only \(c.limits.cloudFrontPrefixListName)")
        }
        components += [Parts.cloudFront(), nlb, Parts.ingress(), Parts.pods()]
        var edges = [
            Edge("internet", "cloudfront", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("cloudfront", "nlb", "HTTPS", 443, tls: .passthrough, hop: .public,
                 note: protection == .secretHeader ? "adds the secret origin header" : nil),
            Edge("nlb", "ingress-nginx", "TCP", 443, tls: .terminates, hop: .private, note: "TLS terminates at ingress-nginx"),
            Edge("ingress-nginx", "pods", "HTTP", 8080, tls: .none, hop: .private),
        ]
        switch protection {
        case .none:
            edges.append(Edge("internet", "nlb", "HTTPS", 443, tls: .passthrough, hop: .public, bypass: true,
                              note: "anyone who finds the NLB's name skips CloudFront and its WAF"))
        case .secretHeader:
            edges.append(Edge("internet", "nlb", "HTTPS", 443, tls: .passthrough, hop: .public, bypass: true,
                              note: "reaches ingress-nginx, which rejects requests without the secret header"))
        case .prefixListSG:
            break
        }
        return Topology(components: components, edges: edges, wafOn: c.wafWanted(f) ? "cloudfront" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let protection = f.originProtection ?? .none
        switch need {
        case .waf:
            if protection == .none && f.waf != false {
                return .no(need, "a web ACL on CloudFront is skipped by anyone who calls the public NLB directly (originProtection: none)")
            }
            return .waf(f, c, host: "the CloudFront distribution")
        case .apiKeys: return .no(need, "CloudFront has no API keys or usage plans")
        case .caching: return .yes(need, "CloudFront caches at the edge")
        case .privateOrigin:
            switch protection {
            case .none: return .no(need, "the NLB is internet-facing and open to anyone")
            case .secretHeader: return .no(need, "the NLB is internet-facing; only ingress-nginx's header check turns strangers away")
            case .prefixListSG: return .yes(need, "the NLB is internet-facing but its security group admits only CloudFront's origin-facing addresses")
            }
        case .staticIps: return .no(need, "clients reach CloudFront, whose addresses are not fixed")
        }
    }
}
