import EdgePlanCore

/// Fixed client-facing addresses without an NLB: AWS Global Accelerator's two static anycast IPv4
/// addresses in front of an internal ALB (+ WAF), which it reaches over the AWS network through
/// ENIs of its own in the ALB's subnets, keeping the client's address. The ALB terminates TLS and
/// sends to pods that a TargetGroupBinding registers.
struct GlobalAcceleratorALB: FrontendDescription {
    let fields: Set<FrontendField> = []

    func summary(_ s: FrontendSettings, _ c: OptionContext) -> String {
        "AWS Global Accelerator's two static anycast IPs in front of an internal ALB (+ WAF), client IPs preserved, IP targets to pods"
    }

    func routers(_ s: FrontendSettings, _ c: OptionContext) -> [Router] { [.none] }

    func settings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings { commonSettings(f, c) }

    func build(_ s: FrontendSettings, _ c: OptionContext) -> BuiltOption {
        var components = [Parts.internet()]
        if s.waf { components.append(Parts.waf("the internal ALB")) }
        let accelerator = Component(
            id: "accelerator", kind: .globalAccelerator, label: "Global Accelerator", scheme: .awsManaged, owner: .cloudFormation,
            notes: ["\(c.limits.globalAcceleratorStaticIPs) static anycast IPv4 addresses, kept while the accelerator exists",
                    "an ENI of its own in each of the ALB's subnets; the client's address is preserved"],
            reserves: (.internalELB, c.limits.globalAcceleratorENIsPerALBSubnet), staticIPv4Addresses: c.limits.globalAcceleratorStaticIPs)
        components += [accelerator, Parts.boundALB(c), Parts.pods()]
        let topology = Topology(components: components, edges: [
            Edge("internet", "accelerator", "TCP", 443, tls: .passthrough, hop: .public, note: "to the static anycast IPs, at the nearest edge location"),
            Edge("accelerator", "alb", "HTTPS", 443, tls: .terminates, hop: .aws, note: "over the AWS network; client IP preserved"),
            Edge("alb", "pods", "HTTP", ExampleApp.podPort, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: s.waf ? "alb" : nil)
        return BuiltOption(topology: topology, entry: .targetGroupBinding(BoundTargetGroup(loadBalancer: .alb, maker: Parts.bindingMaker(c))))
    }

    func assess(_ need: Need, _ s: FrontendSettings, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(s, host: "the internal ALB, which sees the real client addresses")
        case .apiKeys: return .no(need, "neither Global Accelerator nor an ALB has API keys or usage plans")
        case .caching: return .no(need, "Global Accelerator forwards TCP and caches nothing")
        case .privateOrigin: return .yes(need, "the ALB is internal, in private subnets, reached from the internet only through the accelerator")
        case .staticIps: return .yes(need, "\(c.limits.globalAcceleratorStaticIPs) static anycast IPv4 addresses on the accelerator, the same in every AWS edge location")
        }
    }

    func clientAddress(_ s: FrontendSettings, _ c: OptionContext) -> ClientAddress {
        ClientAddress(
            detail: "Global Accelerator always preserves the client's address for an internal ALB endpoint: the ALB, its security group and its WAF see the real client, and the ALB writes it into X-Forwarded-For.",
            mitigation: "Read the client from the right-most X-Forwarded-For entry, the one the ALB appended; the ALB's security group must admit the clients themselves (0.0.0.0/0 for a public service), which is safe because the ALB is internal.")
    }
}
