import EdgePlanCore

/// CloudFront reaching an internal ALB (default) or NLB through a VPC origin: nothing is public.
struct CloudFrontVPCOriginOption: FrontendOption {
    let kind = FrontendKind.cloudFrontVPCOrigin
    let summary = "CloudFront reaching an internal ALB or NLB through a VPC origin, so nothing on the origin side is public"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf("the CloudFront distribution")) }
        components += [Parts.cloudFront(), Parts.vpcOrigin(c)]
        var edges = [
            Edge("internet", "cloudfront", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("cloudfront", "vpc-origin", "HTTPS", 443, tls: .passthrough, hop: .aws),
        ]
        if f.origin == .nlb {
            components += [Parts.nlb(.internal, owner: .cloudFormation, securityGroups: .attachedAtCreation, c,
                                     notes: ["created by CloudFormation; a TargetGroupBinding registers the ingress-nginx pods"]),
                           Parts.ingress(), Parts.pods()]
            edges += [
                Edge("vpc-origin", "nlb", "TCP", 443, tls: .passthrough, hop: .private),
                Edge("nlb", "ingress-nginx", "TCP", 443, tls: .terminates, hop: .private, note: "TLS terminates at ingress-nginx"),
                Edge("ingress-nginx", "pods", "HTTP", 8080, tls: .none, hop: .private),
            ]
        } else {
            var alb = Parts.alb(.internal, owner: .cloudFormation, c)
            alb.notes = ["created by CloudFormation; a TargetGroupBinding registers the pods"]
            components += [alb, Parts.pods()]
            edges += [
                Edge("vpc-origin", "alb", "HTTPS", 443, tls: .terminates, hop: .private),
                Edge("alb", "pods", "HTTP", 8080, tls: .none, hop: .private, note: "IP targets: pod addresses"),
            ]
        }
        return Topology(components: components, edges: edges, wafOn: c.wafWanted(f) ? "cloudfront" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(f, c, host: "the CloudFront distribution")
        case .apiKeys: return .no(need, "CloudFront has no API keys or usage plans")
        case .caching: return .yes(need, "CloudFront caches at the edge")
        case .privateOrigin: return .yes(need, "the \(f.origin == .nlb ? "NLB" : "ALB") is internal, in private subnets, reached only through the VPC origin")
        case .staticIps: return .no(need, "clients reach CloudFront, whose addresses are not fixed")
        }
    }
}
