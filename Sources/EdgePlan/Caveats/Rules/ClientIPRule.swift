import EdgePlanCore

/// How the client's address reaches the application differs per option: X-Forwarded-For from an
/// ALB, CloudFront or API Gateway mapping, lost across PrivateLink, proxy protocol on an NLB.
struct ClientIPRule: CaveatRule {
    let id = "client-ip"
    let title = "How the client's IP address reaches the pods"
    let when = "always: every option carries the client address differently"
    let reference = "HTTP headers and Application Load Balancers; Edit target group attributes for your Network Load Balancer - Elastic Load Balancing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        var detail: String
        var mitigation: String
        switch f.frontend.kind {
        case .albPrivateLinkNLB:
            detail = "The ALB writes the client address into X-Forwarded-For. Across PrivateLink the NLB cannot preserve source addresses, so \(f.serviceOwner) sees the NLB's private address and must take the client from the header."
            mitigation = "Trust X-Forwarded-For only from the VPC."
        case .apiGatewayVPCLinkNLB, .apiGatewayVPCLinkALB:
            detail = "API Gateway opens its own connections to the backend; the client's address is only available as a context variable that the integration must map into a request header."
            mitigation = "Map the source IP context variable into a header (REST: integration request parameters; HTTP API: parameter mapping) and have the application read that header."
        case .cloudFrontPublicNLB, .cloudFrontVPCOrigin:
            detail = "CloudFront appends the viewer address to X-Forwarded-For (and can send CloudFront-Viewer-Address); the origin sees CloudFront's edge addresses as the source."
            mitigation = "Read the client from the X-Forwarded-For entry CloudFront appended, trusting it only from CloudFront, or add CloudFront-Viewer-Address with an origin request policy."
        case .albController:
            detail = "The ALB writes the client address into X-Forwarded-For; pods see the ALB's addresses as the source."
            mitigation = "Read the client from X-Forwarded-For: the right-most entry is the one the ALB appended; entries to its left come from the client and can be forged."
        case .nlbToALB:
            detail = "The NLB forwards TCP to the ALB, which writes X-Forwarded-For from the source it sees; client IP preservation cannot be configured on an alb-type target group, so check what arrives before relying on it."
            mitigation = "Test with a known client and log X-Forwarded-For at the pods; if the client address is lost, the NLB-to-ALB hop needs a different design for per-client rules."
        }
        if let router = f.realization.router {
            switch router.router {
            case .envoyGateway:
                if let hop = router.forwardedBy {
                    mitigation = "edgeplan emits a ClientTrafficPolicy (clientIPDetection.xForwardedFor.numTrustedHops: 1), so Envoy Gateway takes the client from the entry \(hop) appended and passes it on in X-Forwarded-For and X-Envoy-External-Address; the application should read those, not the source address."
                } else if f.frontend.kind == .cloudFrontPublicNLB {
                    detail += " The NLB is open to anyone, who can write any X-Forwarded-For, so edgeplan configures Envoy Gateway to trust none."
                    mitigation = "Close the origin (originProtection: prefix-list-sg or secret-header); edgeplan then emits a ClientTrafficPolicy that trusts CloudFront's entry."
                }
            case .ingressNginx:
                mitigation = "Set ingress-nginx's use-forwarded-headers and trust X-Forwarded-For only from the VPC (proxy-real-ip-cidr set to the VPC block)."
            case .none:
                break
            }
        }
        return caveat(.info, detail: detail, mitigation: mitigation)
    }
}
