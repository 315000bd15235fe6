import EdgePlanCore

/// For clients that must allow-list fixed addresses and still want a WAF: an internet-facing NLB
/// with one Elastic IP per AZ whose target is an internal ALB (an `alb` type target group).
struct NLBToALBOption: FrontendOption {
    let kind = FrontendKind.nlbToALB
    let summary = "Internet-facing NLB with Elastic IPs whose target is an internal ALB (+ WAF), IP targets to pods"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf("the internal ALB")) }
        let nlb = Parts.nlb(.internetFacing, owner: .cloudFormation, securityGroups: .attachedAtCreation, c,
                            notes: ["one Elastic IP per AZ", "target group of type alb (TCP, port matches the ALB listener)"])
        var alb = Parts.alb(.internal, owner: .cloudFormation, c)
        alb.notes = ["created by CloudFormation; a TargetGroupBinding registers the pods"]
        components += [nlb, alb, Parts.pods()]
        return Topology(components: components, edges: [
            Edge("internet", "nlb", "TCP", 443, tls: .passthrough, hop: .public, note: "to the Elastic IPs"),
            Edge("nlb", "alb", "HTTPS", 443, tls: .terminates, hop: .private, note: "alb target group"),
            Edge("alb", "pods", "HTTP", 8080, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: c.wafWanted(f) ? "alb" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(f, c, host: "the internal ALB behind the NLB")
        case .apiKeys: return .no(need, "neither an NLB nor an ALB has API keys or usage plans")
        case .caching: return .no(need, "nothing in the path caches")
        case .privateOrigin: return .yes(need, "the ALB is internal and reached only through the NLB")
        case .staticIps: return .yes(need, "one Elastic IP per AZ on the NLB, fixed for its life")
        }
    }
}
