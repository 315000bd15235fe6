import EdgePlanCore

/// ingress-nginx gets no releases, bug fixes or security fixes since March 2026: an unmaintained,
/// internet-reachable proxy in the path of production traffic.
struct IngressNginxRetiredRule: CaveatRule {
    let id = "ingress-nginx-retired"
    let title = "ingress-nginx is retired: no releases, bug fixes or security fixes"
    let when = "ingress-nginx is the in-cluster router on the option's path"
    let reference = "Ingress NGINX Retirement: What You Need to Know (kubernetes.io blog, 2025-11-11); kubernetes/ingress-nginx README"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.ingressNginx) else { return nil }
        let l = f.limits
        return caveat(.critical,
            detail: "Kubernetes SIG Network and the Security Response Committee retired ingress-nginx: best-effort maintenance ended in \(l.ingressNginxEndOfMaintenance), and since then there are no releases, no bug fixes and no fixes for security vulnerabilities that are found. The last release is \(l.ingressNginxLastRelease). Running deployments keep working, but every request to this option passes through a proxy nobody patches.",
            mitigation: "Use router: envoy-gateway (Envoy Gateway \(l.envoyGatewayVersion), a conformant Gateway API \(l.gatewayAPIVersion) implementation that edgeplan installs and emits a Gateway and HTTPRoutes for), or a kind whose load balancer targets the pods directly (alb-controller, apigw-vpclink-alb, cloudfront-vpc-origin). ingress2gateway converts existing Ingress objects and their annotations to Gateway API.",
            on: f.topology.components(of: .ingressNginx).first?.id)
    }
}
