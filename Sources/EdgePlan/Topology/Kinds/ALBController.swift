import EdgePlanCore

/// Today's simplest front door: the cluster's load balancer controller (the AWS Load Balancer
/// Controller, or EKS Auto Mode's) turns an Ingress into an internet-facing ALB with IP targets
/// straight to the pods, WAF by annotation: no NLB, no PrivateLink.
struct ALBController: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String {
        switch s.loadBalancerAPI ?? .ingress {
        case .ingress: return "Internet-facing ALB made by \(Parts.makerName(Parts.controllerMaker(c))) from an Ingress, IP targets straight to pods"
        case .gatewayAPI: return "Internet-facing ALB made by the AWS Load Balancer Controller from a Gateway API Gateway, IP targets straight to pods"
        }
    }
    let fields: Set<FrontendField> = [.loadBalancerApi]

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        var s = commonSettings(f, c)
        s.loadBalancerAPI = f.loadBalancerAPI ?? .ingress
        return s
    }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        let api = s.loadBalancerAPI ?? .ingress
        var components = [Parts.internet()]
        switch api {
        case .ingress: if s.waf { components.append(Parts.waf("the ALB, by the wafv2-acl-arn annotation")) }
        case .gatewayAPI: if s.waf { components.append(Parts.waf("the ALB, by the LoadBalancerConfiguration's wafV2.webACL")) }
        }
        let maker = Parts.controllerMaker(c)
        var alb = Parts.alb(.internetFacing, owner: Parts.owner(maker), c)
        switch api {
        case .ingress: alb.notes = ["created by \(Parts.makerName(maker)) from the Ingress; target type ip"]
        case .gatewayAPI: alb.notes = ["created by \(Parts.makerName(maker)) from a Gateway (GatewayClass \(c.limits.loadBalancerControllerALBGatewayController)) and its HTTPRoutes; target type ip"]
        }
        components += [alb, Parts.pods()]
        let topology = Topology(components: components, edges: [
            Edge("internet", "alb", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("alb", "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: s.waf ? "alb" : nil)
        let entry = ClusterEntry.controllerALB(ControllerALB(maker: maker, api: api, internetFacing: true))
        return BuiltOption(topology: topology, entry: entry)
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf:
            switch s.loadBalancerAPI ?? .ingress {
            case .ingress: return .waf(s, host: "the ALB (alb.ingress.kubernetes.io/wafv2-acl-arn)")
            case .gatewayAPI: return .waf(s, host: "the ALB (the LoadBalancerConfiguration's wafV2.webACL)")
            }
        case .apiKeys: return .no(need, "an ALB has no API keys or usage plans")
        case .caching: return .no(need, "nothing in the path caches")
        case .privateOrigin: return .yes(need, "only the ALB faces the internet; pods are reached only as its IP targets")
        case .staticIps: return .no(need, "an ALB's addresses change as it scales")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "The ALB writes the client address into X-Forwarded-For; pods see the ALB's addresses as the source.",
                      mitigation: "Read the client from X-Forwarded-For: the right-most entry is the one the ALB appended; entries to its left come from the client and can be forged.")
    }
}
