import EdgePlanCore

/// The 2018 report's API Gateway path (challenge 5): a REST or HTTP API with a private integration
/// through a VPC link to the internal NLB in front of ingress-nginx.
struct APIGatewayVPCLinkNLBOption: FrontendOption {
    let kind = FrontendKind.apiGatewayVPCLinkNLB
    let summary = "API Gateway (REST or HTTP API) private integration through a VPC link to an internal NLB in front of ingress-nginx"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        let api = f.api ?? .rest
        var components = [Parts.internet()]
        if c.wafWanted(f) && api == .rest { components.append(Parts.waf("the REST API stage")) }
        components += [Parts.apiGateway(api), Parts.vpcLink(api, c, v2: api == .http), Parts.ingressNLB(.internal, f, c), Parts.ingress(), Parts.pods()]
        return Topology(components: components, edges: [
            Edge("internet", "api", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("api", "vpc-link", "HTTP", 80, tls: .none, hop: .aws, note: "private integration"),
            Edge("vpc-link", "nlb", "TCP", 80, tls: .none, hop: api == .rest ? .aws : .private),
            Edge("nlb", "ingress-nginx", "TCP", 80, tls: .none, hop: .private),
            Edge("ingress-nginx", "pods", "HTTP", 8080, tls: .none, hop: .private),
        ], wafOn: c.wafWanted(f) && api == .rest ? "api" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let rest = (f.api ?? .rest) == .rest
        switch need {
        case .waf: return .waf(f, c, host: rest ? "the REST API stage" : nil)
        case .apiKeys:
            return rest ? .yes(need, "REST APIs have API keys, usage plans and per-client throttling")
                : .no(need, "HTTP APIs throttle per route but have no API keys or usage plans; use api: rest")
        case .caching:
            return rest ? .yes(need, "the REST API stage cache (billed per cache-hour)")
                : .no(need, "HTTP APIs have no cache; use api: rest or CloudFront")
        case .privateOrigin: return .yes(need, "the NLB is internal: only API Gateway reaches it, through the VPC link")
        case .staticIps: return .no(need, "API Gateway endpoints have no fixed addresses")
        }
    }
}
