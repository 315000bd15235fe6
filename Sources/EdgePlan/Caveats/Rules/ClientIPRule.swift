import EdgePlanCore

/// How the client's address reaches the application differs per option: X-Forwarded-For from an
/// ALB, CloudFront or API Gateway mapping, lost across PrivateLink, proxy protocol on an NLB. Each
/// kind says what its path does (`clientAddress`); the router adds how it takes the address.
struct ClientIPRule: CaveatRule {
    let id = "client-ip"
    let title = "How the client's IP address reaches the pods"
    let when = "always: every option carries the client address differently"
    let reference = "HTTP headers and Application Load Balancers; Edit target group attributes for your Network Load Balancer - Elastic Load Balancing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        let said = f.frontend.kind.descriptor.clientAddress(f.settings, OptionContext(design: f.design, limits: f.limits, azCount: f.azCount))
        let detail = said.detail
        var mitigation = said.mitigation
        if let router = f.realization.router {
            switch router.router {
            case .envoyGateway:
                if let hop = router.forwardedBy {
                    mitigation = "edgeplan emits a ClientTrafficPolicy (clientIPDetection.xForwardedFor.numTrustedHops: 1), so Envoy Gateway takes the client from the entry \(hop) appended and passes it on in X-Forwarded-For and X-Envoy-External-Address; the application should read those, not the source address."
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
