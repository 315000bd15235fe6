import EdgePlanCore

/// CloudFront reaching an internal ALB (default) or NLB through a VPC origin: nothing is public.
struct CloudFrontVPCOrigin: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String { "CloudFront reaching an internal ALB or NLB through a VPC origin, so nothing on the origin side is public" }
    let fields: Set<FrontendField> = [.origin, .router]

    /// An ALB targets the pods itself; behind an NLB, TLS passes through to a router.
    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] {
        s.origin == .nlb ? [.envoyGateway, .ingressNginx] : [.none]
    }

    func routerLimit(_ s: FrontendSettings) -> String? {
        s.origin == .nlb ? "TLS passes through the NLB, so something in the cluster must terminate it" : "the ALB targets the pods itself"
    }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.origin = f.origin ?? .alb
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf("the CloudFront distribution")) }
        components += [Parts.cloudFront(), Parts.vpcOrigin()]
        var edges = [
            Edge("internet", "cloudfront", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("cloudfront", "vpc-origin", "HTTPS", 443, tls: .passthrough, hop: .aws),
        ]
        switch s.origin ?? .alb {
        case .nlb:
            var bound = s
            bound.deployStyle = .bound
            let inside = NLBIntoCluster(scheme: .internal, port: 443, terminatesTLSAtRouter: true, forwardedBy: "CloudFront").build(bound, c)
            components += inside.components
            edges += [Edge("vpc-origin", "nlb", "TCP", 443, tls: .passthrough, hop: .private)] + inside.edges
            return BuiltOption(topology: Topology(components: components, edges: edges, wafOn: s.waf ? "cloudfront" : nil),
                               router: inside.router, entry: inside.entry)
        case .alb:
            components += [Parts.boundALB(c), Parts.pods()]
            edges += [
                Edge("vpc-origin", "alb", "HTTPS", 443, tls: .terminates, hop: .private),
                Edge("alb", "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, note: "IP targets: pod addresses"),
            ]
            return BuiltOption(topology: Topology(components: components, edges: edges, wafOn: s.waf ? "cloudfront" : nil),
                               entry: .targetGroupBinding(BoundTargetGroup(loadBalancer: .alb, maker: Parts.bindingMaker(c))))
        }
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(s, host: "the CloudFront distribution")
        case .apiKeys: return .no(need, "CloudFront has no API keys or usage plans")
        case .caching: return .yes(need, "CloudFront caches at the edge")
        case .privateOrigin: return .yes(need, "the \(s.origin == .nlb ? "NLB" : "ALB") is internal, in private subnets, reached only through the VPC origin")
        case .staticIps: return .no(need, "clients reach CloudFront, whose addresses are not fixed")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "CloudFront appends the viewer address to X-Forwarded-For (and can send CloudFront-Viewer-Address); the origin sees CloudFront's edge addresses as the source.",
                      mitigation: "Read the client from the X-Forwarded-For entry CloudFront appended, trusting it only from CloudFront, or add CloudFront-Viewer-Address with an origin request policy.")
    }
}
