import EdgePlanCore

/// A load balancer that Kubernetes creates is unknown to CloudFormation, which needs its ARN: the
/// 2018 report's staggered deployment (challenge 7).
struct KubernetesCreatedLoadBalancerRule: CaveatRule {
    let id = "kubernetes-created-load-balancer"
    let title = "CloudFormation must learn the ARN of a load balancer that Kubernetes created"
    let when = "a stack references an NLB that a Kubernetes Service creates (deployStyle: staggered)"
    let reference = "Working with AWS CloudFormation conditions; AWS Systems Manager Parameter Store; AWS Load Balancer Controller TargetGroupBinding"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.realization.discovery != nil else { return nil }
        // What in the frontend stack needs the NLB: the hop in front of it on the path.
        let before = f.topology.edges.first { $0.to == "nlb" && !$0.bypass }.flatMap { f.topology.component($0.from) }
        let uses: String
        switch before?.kind {
        case .vpcEndpointService: uses = "the endpoint service"
        case .vpcLink: uses = "the VPC link"
        case .cloudFront: uses = "CloudFront's origin (by DNS name)"
        case .cloudFrontVPCOrigin: uses = "the CloudFront VPC origin"
        case nil, .internet, .wafWebACL, .globalAccelerator, .apiGatewayREST, .apiGatewayHTTP, .alb, .nlb, .interfaceEndpoint, .ingressNginx, .envoyGateway, .pods:
            uses = "the frontend stack"
        }
        return caveat(.warning,
            detail: "The NLB appears only after \(f.serviceOwner)'s Service is deployed, yet \(uses) needs it. The deployment becomes staggered: cluster first, then the Service, then a discovery function stores the NLB's ARN in an SSM parameter, and the frontend stack is redeployed with its resources under an NlbPresent condition. If the Service is recreated, the ARN changes and the frontend breaks until the next run.",
            mitigation: "Use deployStyle: bound: CloudFormation creates the NLB and its target group, and a TargetGroupBinding (\(f.bindingController)) registers \(f.serviceOwner)'s pods, so nothing waits for discovery.")
    }
}
