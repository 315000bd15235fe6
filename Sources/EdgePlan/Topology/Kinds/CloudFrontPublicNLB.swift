import EdgePlanCore

/// The 2018 report's CloudFront path (challenge 6): CloudFront with an internet-facing NLB as its
/// origin. The NLB is public, so unless something closes it, CloudFront and its WAF can be bypassed.
struct CloudFrontPublicNLB: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String {
        "CloudFront with an internet-facing NLB in front of \(Routers.inFrontOf(s.router)) as its origin"
    }
    let fields: Set<FrontendField> = [.originProtection, .deployStyle, .router, .acceptRisk]

    /// The NLB sends plain HTTP on to a router, which routes it and checks the secret origin header.
    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.envoyGateway, .ingressNginx] }
    func routerLimit(_ s: FrontendSettings) -> String? { "the NLB sends to a router in the cluster, which routes the requests and checks the secret origin header" }

    /// CloudFront accepts an HTTPS origin only with a certificate for the origin domain name (or the
    /// Host header) from a CA it trusts, else 502 ("HTTP 502 status code (Bad Gateway)", "Requirements
    /// for using SSL/TLS certificates with CloudFront", Amazon CloudFront Developer Guide). A router's
    /// self-signed default does not pass, so the NLB ends TLS itself on a TLS listener with an ACM
    /// certificate for the origin name public-nlb.<DomainName> ("Listeners for your Network Load
    /// Balancers", Elastic Load Balancing): ACM issues and renews it in the stack, validated by DNS,
    /// and the same listener comes from the stack (bound) or from the Service's ssl-cert annotation
    /// (staggered), for the in-tree provider, the AWS Load Balancer Controller and EKS Auto Mode alike.
    static let originTLS = NLBTLSListener(port: 443, originLabel: "public-nlb")

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.originProtection = f.originProtection ?? Frontend.OriginProtection.none
        s.deployStyle = f.deployStyle ?? DeployStyles.default(c)
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        let protection = s.originProtection ?? .none
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf("the CloudFront distribution")) }
        // Behind an open NLB anyone can write X-Forwarded-For: trust CloudFront's entry only when
        // the NLB admits CloudFront alone, or the router turns away requests without the secret header.
        var inside = NLBIntoCluster(scheme: .internetFacing, port: 443, terminatesTLSAtRouter: false, tlsAtNLB: Self.originTLS,
                                    needsSecurityGroup: protection.admitsOnlyCloudFront,
                                    forwardedBy: protection == .none ? nil : "CloudFront").build(s, c)
        inside.components[0].notes.append("TLS listener with an ACM certificate for \(Self.originTLS.originLabel).<domain>, the origin name")
        if protection.admitsOnlyCloudFront {
            inside.components[0].notes.append("security group admits only \(c.limits.cloudFrontPrefixListName)")
        }
        let router = s.router.displayName ?? "the pods"
        components += [Parts.cloudFront()] + inside.components
        var edges = [
            Edge("internet", "cloudfront", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("cloudfront", "nlb", "HTTPS", 443, tls: .terminates, hop: .public,
                 note: protection.checksSecretHeader ? "adds the secret origin header" : nil),
        ] + inside.edges
        switch protection {
        case .none:
            edges.append(Edge("internet", "nlb", "HTTPS", 443, tls: .terminates, hop: .public, bypass: true,
                              note: "anyone who finds the NLB's name skips CloudFront and its WAF"))
        case .secretHeader:
            edges.append(Edge("internet", "nlb", "HTTPS", 443, tls: .terminates, hop: .public, bypass: true,
                              note: "reaches \(router), which rejects requests without the secret header"))
        case .prefixListSG:
            // Any distribution reaches the NLB from CloudFront's addresses, an attacker's included.
            edges.append(Edge("internet", "nlb", "HTTPS", 443, tls: .terminates, hop: .public, bypass: true,
                              note: "through another CloudFront distribution, whose addresses the security group admits too"))
        case .prefixListSGAndSecretHeader:
            break
        }
        return BuiltOption(topology: Topology(components: components, edges: edges, wafOn: s.waf ? "cloudfront" : nil),
                           router: inside.router, entry: inside.entry, discovery: inside.discovery, nlbTLS: Self.originTLS)
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        let protection = s.originProtection ?? .none
        let router = s.router.displayName ?? "the pods"
        switch need {
        case .waf:
            if protection == .none && s.waf {
                return .no(need, "a web ACL on CloudFront is skipped by anyone who calls the public NLB directly (originProtection: none)")
            }
            return .waf(s, host: "the CloudFront distribution")
        case .apiKeys: return .no(need, "CloudFront has no API keys or usage plans")
        case .caching: return .yes(need, "CloudFront caches at the edge")
        case .privateOrigin:
            switch protection {
            case .none: return .no(need, "the NLB is internet-facing and open to anyone")
            case .secretHeader: return .no(need, "the NLB is internet-facing; only \(router)'s header check turns strangers away")
            case .prefixListSG:
                return .no(need, "the NLB is internet-facing; its security group admits CloudFront's origin-facing addresses, which every distribution shares, an attacker's included")
            case .prefixListSGAndSecretHeader:
                return .no(need, "the NLB is still internet-facing, though only CloudFront's addresses connect and only requests with this distribution's secret header get past \(router)")
            }
        case .staticIps: return .no(need, "clients reach CloudFront, whose addresses are not fixed")
        }
    }

    /// Open to everyone, the NLB lets anyone skip CloudFront and its WAF (caveat origin-bypass).
    func risks(_ s: FrontendSettings, _ c: OptionContext) -> [AcceptedRisk] {
        s.originProtection == Frontend.OriginProtection.none ? [.originBypass] : []
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        var said = ClientAddress(detail: "CloudFront appends the viewer address to X-Forwarded-For (and can send CloudFront-Viewer-Address); the origin sees CloudFront's edge addresses as the source.",
                                 mitigation: "Read the client from the X-Forwarded-For entry CloudFront appended, trusting it only from CloudFront, or add CloudFront-Viewer-Address with an origin request policy.")
        if s.originProtection == Frontend.OriginProtection.none {
            // Anyone can reach the NLB and write X-Forwarded-For: no entry in it can be trusted.
            said.detail += " The NLB is open to anyone, who can write any X-Forwarded-For, so edgeplan has \(s.router.displayName ?? "the pods") trust none of it."
            said.mitigation = "Close the origin (originProtection: prefix-list-sg or secret-header); edgeplan then has the router trust CloudFront's entry."
        }
        return said
    }
}
