import EdgePlanCore

/// CloudFront checks the origin's certificate: where the NLB ends TLS for it, say with what.
struct CloudFrontOriginTLSRule: CaveatRule {
    let id = "cloudfront-origin-tls"
    let title = "CloudFront accepts only an origin certificate for the origin's name from a trusted CA"
    let when = "CloudFront reaches an internet-facing NLB that ends TLS with an ACM certificate (cloudfront-public-nlb)"
    let reference = "Requirements for using SSL/TLS certificates with CloudFront; HTTP 502 status code (Bad Gateway) - Amazon CloudFront Developer Guide"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.cloudFront), let tls = f.realization.nlbTLS else { return nil }
        let name = "\(tls.originLabel).<DomainName>"
        return caveat(.info,
            detail: "CloudFront connects to the origin \(name) over HTTPS and drops the connection (502) unless the certificate names it (or the Host header) and comes from a CA it trusts, so a router's self-signed default fails. edgeplan has the NLB end TLS on a TLS listener (port \(tls.port)) with a public ACM certificate for \(name), requested by the frontend stack and validated by DNS in HostedZoneId; ACM renews it. The NLB sends plain HTTP on to \(f.serviceOwner) inside the VPC.",
            mitigation: "Deploy the frontend stack with the public hosted zone of DomainName and keep its validation record. To encrypt the last hop too, use a TLS target group (backend protocol ssl) to a TLS port on the router, whose certificate the NLB does not check.", on: "nlb")
    }
}
