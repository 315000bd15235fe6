import EdgePlanCore

/// Today's simplest front door: the AWS Load Balancer Controller turns an Ingress into an
/// internet-facing ALB with IP targets straight to the pods, WAF by annotation: no NLB, no PrivateLink.
struct ALBControllerOption: FrontendOption {
    let kind = FrontendKind.albController
    let summary = "Internet-facing ALB made by the AWS Load Balancer Controller from an Ingress, IP targets straight to pods"

    func topology(_ f: Frontend, _ c: OptionContext) -> Topology {
        var components = [Parts.internet()]
        if c.wafWanted(f) { components.append(Parts.waf("the ALB, by the wafv2-acl-arn annotation")) }
        var alb = Parts.alb(.internetFacing, owner: .loadBalancerController, c)
        alb.notes = ["created by the AWS Load Balancer Controller from the Ingress; target type ip"]
        components += [alb, Parts.pods()]
        return Topology(components: components, edges: [
            Edge("internet", "alb", "HTTPS", 443, tls: .terminates, hop: .public),
            Edge("alb", "pods", "HTTP", 8080, tls: .none, hop: .private, note: "IP targets: pod addresses"),
        ], wafOn: c.wafWanted(f) ? "alb" : nil)
    }

    func assess(_ need: Need, _ f: Frontend, _ t: Topology, _ c: OptionContext) -> NeedAssessment {
        switch need {
        case .waf: return .waf(f, c, host: "the ALB (alb.ingress.kubernetes.io/wafv2-acl-arn)")
        case .apiKeys: return .no(need, "an ALB has no API keys or usage plans")
        case .caching: return .no(need, "nothing in the path caches")
        case .privateOrigin: return .yes(need, "only the ALB faces the internet; pods are reached only as its IP targets")
        case .staticIps: return .no(need, "an ALB's addresses change as it scales")
        }
    }
}
