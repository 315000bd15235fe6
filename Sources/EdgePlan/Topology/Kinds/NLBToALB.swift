import EdgePlanCore

/// For clients that must allow-list fixed addresses and still want a WAF: an internet-facing NLB
/// with one Elastic IP per AZ whose target is an internal ALB (an `alb` type target group).
struct NLBToALB: FrontendDescription {
    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String { "Internet-facing NLB with Elastic IPs whose target is an internal ALB (+ WAF), IP targets to pods" }
    let fields: Set<FrontendField> = []

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings { commonSettings(f, c) }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf("the internal ALB")) }
        var nlb = Parts.nlb(.internetFacing, owner: .cloudFormation, securityGroups: .attachedAtCreation, c,
                            notes: ["one Elastic IP per AZ", "target group of type alb (TCP, port matches the ALB listener)"])
        nlb.elasticIPPerAZ = true
        components += [nlb, Parts.boundALB(c), Parts.pods()]
        let topology = Topology(components: components, edges: [
            Edge("internet", "nlb", "TCP", 443, tls: .passthrough, hop: .public, note: "to the Elastic IPs"),
            Edge("nlb", "alb", "HTTPS", 443, tls: .terminates, hop: .private, note: "alb target group", crossesAZs: .nlbCrossZone),
            Edge("alb", "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: s.waf ? "alb" : nil)
        return BuiltOption(topology: topology, entry: .targetGroupBinding(BoundTargetGroup(loadBalancer: .alb, maker: Parts.bindingMaker(c))))
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(s, host: "the internal ALB behind the NLB")
        case .apiKeys: return .no(need, "neither an NLB nor an ALB has API keys or usage plans")
        case .caching: return .no(need, "nothing in the path caches")
        case .privateOrigin: return .yes(need, "the ALB is internal and reached only through the NLB")
        case .staticIps: return .yes(need, "one Elastic IP per AZ on the NLB, fixed for its life")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(detail: "The NLB forwards TCP to the ALB, which writes X-Forwarded-For from the source it sees; client IP preservation cannot be configured on an alb-type target group, so check what arrives before relying on it.",
                      mitigation: "Test with a known client and log X-Forwarded-For at the pods; if the client address is lost, the NLB-to-ALB hop needs a different design for per-client rules.")
    }
}
