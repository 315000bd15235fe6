import EdgePlanCore

/// The 2018 report's answer to "WAF needs an ALB, Kubernetes makes an NLB" (challenges 4 and 8):
/// a public ALB with WAF whose IP targets are the ENIs of an interface endpoint, which reaches an
/// endpoint service on the internal NLB in front of ingress-nginx.
struct ALBPrivateLinkNLBOption: FrontendOption {
    let kind = FrontendKind.albPrivateLinkNLB
    let summary = "Public ALB (+ WAF) whose IP targets are PrivateLink endpoint ENIs reaching an internal NLB in front of ingress-nginx"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf("the ALB")) }
        components += [
            Parts.alb(.internetFacing, owner: .cloudFormation, c), Parts.interfaceEndpoint(c), Parts.endpointService(),
            Parts.ingressNLB(.internal, f, c), Parts.ingress(), Parts.pods(),
        ]
        return Topology(components: components, edges: [
            Edge("internet", "alb", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("alb", "endpoint", "HTTP", 80, tls: .none, hop: .private, note: "IP targets: the endpoint ENIs' private addresses"),
            Edge("endpoint", "endpoint-service", "TCP", 80, tls: .none, hop: .aws, note: "PrivateLink"),
            Edge("endpoint-service", "nlb", "TCP", 80, tls: .none, hop: .aws),
            Edge("nlb", "ingress-nginx", "TCP", 80, tls: .none, hop: .private),
            Edge("ingress-nginx", "pods", "HTTP", 8080, tls: .none, hop: .private),
        ], wafOn: c.wafWanted(f) ? "alb" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(f, c, host: "the internet-facing ALB")
        case .apiKeys: return .no(need, "an ALB has no API keys or usage plans (WAF rate-based rules only throttle by address)")
        case .caching: return .no(need, "nothing in the path caches; CloudFront in front would")
        case .privateOrigin: return .yes(need, "only the ALB faces the internet; the NLB is internal and reached only through the endpoint")
        case .staticIps: return .no(need, "an ALB's addresses change as it scales; it has no Elastic IPs")
        }
    }
}
