import EdgePlanCore

/// The ALB's targets are the endpoint ENIs' private addresses, which are fixed only while the
/// endpoint lives: a replaced endpoint means new addresses and stale targets.
struct EndpointENITargetsRule: CaveatRule {
    let id = "endpoint-eni-targets"
    let title = "The ALB targets the endpoint ENIs' addresses, which last only as long as the endpoint"
    let when = "an ALB uses interface endpoint ENIs as IP targets"
    let reference = "Interface VPC endpoints (AWS PrivateLink); Register targets with your target group - Elastic Load Balancing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.interfaceEndpoint), f.topology.has(.alb) else { return nil }
        return caveat(.warning,
            detail: "An ALB cannot target a DNS name, so its target group lists the \(f.azCount) ENI addresses of the interface endpoint. They stay fixed for the endpoint's life, but replacing the endpoint (a changed subnet, a stack update that recreates it) gives new addresses and leaves the ALB pointing at nothing.",
            mitigation: "Let CloudFormation look the addresses up with a custom resource on every endpoint change and register them as the ALB's targets (edgeplan emits it); alarm on UnHealthyHostCount.")
    }
}
