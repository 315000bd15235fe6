import EdgePlanCore

/// API Gateway's hard limits shape what can sit behind it: integration timeout, payload size, VPC
/// links per region, and VPC links that go inactive when unused.
struct APIGatewayLimitsRule: CaveatRule {
    let id = "api-gateway-limits"
    let title = "API Gateway limits requests to a timeout and payload size, and VPC links to a quota"
    let when = "the option goes through API Gateway"
    let reference = "Quotas for configuring and running a REST API in API Gateway; Quotas for configuring and running an HTTP API in API Gateway"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard let api = f.topology.components.first(where: { $0.kind == .apiGatewayREST || $0.kind == .apiGatewayHTTP }) else { return nil }
        let l = f.limits
        let rest = api.kind == .apiGatewayREST
        let timeout = rest
            ? "REST integrations time out after \(l.apiGatewayRESTTimeoutSeconds) s by default (regional and private APIs can ask for more)"
            : "HTTP API integrations time out after \(l.apiGatewayHTTPTimeoutSeconds) s, a fixed limit"
        let links = rest ? l.apiGatewayRESTVPCLinks : l.apiGatewayHTTPVPCLinks
        return caveat(.warning,
            detail: "\(timeout); payloads are limited to \(l.apiGatewayPayloadMB) MB; an account has \(links) VPC links per region by default; and a VPC link that carries no traffic for \(l.vpcLinkInactiveDays) days becomes inactive, failing requests until it is provisioned again. Long polling, streaming, large uploads and WebSockets through this path will fail.",
            mitigation: "Keep slow or large requests on another path (for example an ALB), send a synthetic request through each VPC link at least monthly, and request quota increases before adding environments.")
    }
}
