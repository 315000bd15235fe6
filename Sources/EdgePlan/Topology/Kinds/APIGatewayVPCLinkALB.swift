import EdgePlanCore

/// API Gateway straight to an internal ALB through a VPC link (V2): HTTP APIs since 2020, REST APIs
/// since VPC links V2 reached them. No NLB and no router: the ALB routes to pods by IP.
struct APIGatewayVPCLinkALB: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String { "API Gateway (HTTP API by default) private integration through a VPC link V2 to an internal ALB" }
    let fields: Set<FrontendField> = [.api]

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.api = f.api ?? .http
        s.usagePlan = usagePlan(s, c)
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        let api = s.api ?? .http
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf(api == .rest ? "the REST API stage" : "the internal ALB")) }
        components += [Parts.apiGateway(api), Parts.vpcLink(c, v2: true), Parts.boundALB(c), Parts.pods()]
        let topology = Topology(components: components, edges: [
            Edge("internet", "api", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("api", "vpc-link", "HTTP", 80, tls: .none, hop: .aws, note: "private integration to the ALB listener"),
            Edge("vpc-link", "alb", "HTTP", 80, tls: .none, hop: .private),
            Edge("alb", "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: s.waf ? (api == .rest ? "api" : "alb") : nil)
        return BuiltOption(topology: topology, entry: .targetGroupBinding(BoundTargetGroup(loadBalancer: .alb, maker: Parts.bindingMaker(c))))
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let rest = s.api == .rest
        switch need {
        case .waf:
            return .waf(s, host: rest ? "the REST API stage" : "the internal ALB (HTTP APIs cannot carry one). It sees the VPC link's addresses, so API Gateway writes the client's into a header that the web ACL's per-client rate rule reads; AWS's IP reputation group, which reads only the source address, is left out")
        case .apiKeys: return apiKeysAssessment(s)
        case .caching:
            return .no(need, rest ? "nothing caches at the edge (a REST stage cache is regional, and edgeplan does not emit one); put CloudFront in front"
                                  : "HTTP APIs have no cache; put CloudFront in front")
        case .privateOrigin: return .yes(need, "the ALB is internal: only API Gateway reaches it, through the VPC link")
        case .staticIps: return .no(need, "API Gateway endpoints have no fixed addresses")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "API Gateway opens its own connections to the backend; the client's address is only available as a context variable that the integration must map into a request header.",
                      mitigation: "Map the source IP context variable into a header (REST: integration request parameters; HTTP API: parameter mapping) and have the application read that header.")
    }
}
