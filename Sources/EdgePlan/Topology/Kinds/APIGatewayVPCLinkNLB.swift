import EdgePlanCore

/// The 2018 report's API Gateway path (challenge 5): a REST or HTTP API with a private integration
/// through a VPC link to the internal NLB in front of the router.
struct APIGatewayVPCLinkNLB: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String {
        "API Gateway (REST or HTTP API) private integration through a VPC link to an internal NLB in front of \(Routers.inFrontOf(s.router))"
    }
    let fields: Set<FrontendField> = [.api, .deployStyle, .router]

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.envoyGateway, .ingressNginx, .none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.api = f.api ?? .rest
        s.usagePlan = usagePlan(s, c)
        s.deployStyle = f.deployStyle ?? DeployStyles.default(c)
        // An HTTP API cannot carry a web ACL; the WAF need says so.
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        let api = s.api ?? .rest
        let waf = s.waf && api == .rest
        var components = [Parts.internet()]
        if waf { components.append(Parts.waf("the REST API stage")) }
        let inside = NLBIntoCluster(scheme: .internal, port: 80, terminatesTLSAtRouter: false, reads: api == .rest ? .nlbArn : .listenerArn).build(s, c)
        components += [Parts.apiGateway(api), Parts.vpcLink(c, v2: api == .http)] + inside.components
        let edges = [
            Edge("internet", "api", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("api", "vpc-link", "HTTP", 80, tls: .none, hop: .aws, note: "private integration"),
            Edge("vpc-link", "nlb", "TCP", 80, tls: .none, hop: api == .rest ? .aws : .private),
        ] + inside.edges
        return BuiltOption(topology: Topology(components: components, edges: edges, wafOn: waf ? "api" : nil),
                           router: inside.router, entry: inside.entry, discovery: inside.discovery)
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let rest = s.api == .rest
        switch need {
        case .waf: return .waf(s, host: rest ? "the REST API stage" : nil)
        case .apiKeys: return apiKeysAssessment(s)
        case .caching:
            // A REST stage cache is regional, not at the edge, and edgeplan does not emit one.
            return .no(need, rest ? "nothing caches at the edge (a REST stage cache is regional, and edgeplan does not emit one); put CloudFront in front"
                                  : "HTTP APIs have no cache; put CloudFront in front")
        case .privateOrigin: return .yes(need, "the NLB is internal: only API Gateway reaches it, through the VPC link")
        case .staticIps: return .no(need, "API Gateway endpoints have no fixed addresses")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "API Gateway opens its own connections to the backend; the client's address is only available as a context variable that the integration must map into a request header.",
                      mitigation: "Map the source IP context variable into a header (REST: integration request parameters; HTTP API: parameter mapping) and have the application read that header.")
    }
}
