import EdgePlanCore

/// API Gateway straight to an internal ALB through a VPC link (V2): HTTP APIs since 2020, REST APIs
/// since VPC links V2 reached them. No NLB and no ingress-nginx: the ALB routes to pods by IP.
struct APIGatewayVPCLinkALBOption: FrontendOption {
    let kind = FrontendKind.apiGatewayVPCLinkALB
    let summary = "API Gateway (HTTP API by default) private integration through a VPC link V2 to an internal ALB"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        let api = f.api ?? .http
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf(api == .rest ? "the REST API stage" : "the internal ALB")) }
        var alb = Parts.alb(.internal, owner: .cloudFormation, c)
        alb.notes = ["created by CloudFormation; a TargetGroupBinding registers the pods"]
        components += [Parts.apiGateway(api), Parts.vpcLink(api, c, v2: true), alb, Parts.pods()]
        return Topology(components: components, edges: [
            Edge("internet", "api", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("api", "vpc-link", "HTTP", 80, tls: .none, hop: .aws, note: "private integration to the ALB listener"),
            Edge("vpc-link", "alb", "HTTP", 80, tls: .none, hop: .private),
            Edge("alb", "pods", "HTTP", 8080, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: c.wafWanted(f) ? (api == .rest ? "api" : "alb") : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let rest = (f.api ?? .http) == .rest
        switch need {
        case .waf:
            return .waf(f, c, host: rest ? "the REST API stage" : "the internal ALB (HTTP APIs cannot carry one; address rules there see the VPC link, not clients)")
        case .apiKeys:
            return rest ? .yes(need, "REST APIs have API keys, usage plans and per-client throttling")
                : .no(need, "HTTP APIs throttle per route but have no API keys or usage plans; use api: rest")
        case .caching:
            return rest ? .yes(need, "the REST API stage cache (billed per cache-hour)") : .no(need, "HTTP APIs have no cache")
        case .privateOrigin: return .yes(need, "the ALB is internal: only API Gateway reaches it, through the VPC link")
        case .staticIps: return .no(need, "API Gateway endpoints have no fixed addresses")
        }
    }
}
