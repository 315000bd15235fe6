import EdgePlanCore

/// The 2018 report's answer to "WAF needs an ALB, Kubernetes makes an NLB" (challenges 4 and 8):
/// a public ALB with WAF whose IP targets are the ENIs of an interface endpoint, which reaches an
/// endpoint service on the internal NLB in front of the router.
struct ALBPrivateLinkNLB: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String {
        "Public ALB (+ WAF) whose IP targets are PrivateLink endpoint ENIs reaching an internal NLB in front of \(Routers.inFrontOf(s.router))"
    }
    let fields: Set<FrontendField> = [.deployStyle, .router]

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.envoyGateway, .ingressNginx, .none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.deployStyle = f.deployStyle ?? DeployStyles.default(c)
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf("the ALB")) }
        let inside = NLBIntoCluster(scheme: .internal, port: 80, terminatesTLSAtRouter: false, forwardedBy: "the ALB").build(s, c)
        components += [Parts.alb(.internetFacing, owner: .cloudFormation, c), Parts.interfaceEndpoint(c), Parts.endpointService()]
        components += inside.components
        let edges = [
            Edge("internet", "alb", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("alb", "endpoint", "HTTP", 80, tls: .none, hop: .private, note: "IP targets: the endpoint ENIs' private addresses"),
            Edge("endpoint", "endpoint-service", "TCP", 80, tls: .none, hop: .aws, note: "PrivateLink"),
            Edge("endpoint-service", "nlb", "TCP", 80, tls: .none, hop: .aws),
        ] + inside.edges
        return BuiltOption(topology: Topology(components: components, edges: edges, wafOn: s.waf ? "alb" : nil),
                           router: inside.router, entry: inside.entry, discovery: inside.discovery)
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(s, host: "the internet-facing ALB")
        case .apiKeys: return .no(need, "an ALB has no API keys or usage plans (WAF rate-based rules only throttle by address)")
        case .caching: return .no(need, "nothing in the path caches; CloudFront in front would")
        case .privateOrigin: return .yes(need, "only the ALB faces the internet; the NLB is internal and reached only through the endpoint")
        case .staticIps: return .no(need, "an ALB's addresses change as it scales; it has no Elastic IPs")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "The ALB writes the client address into X-Forwarded-For. Across PrivateLink the NLB cannot preserve source addresses, so \(s.router.displayName ?? "the application") sees the NLB's private address and must take the client from the header.",
                      mitigation: "Trust X-Forwarded-For only from the VPC.")
    }
}
