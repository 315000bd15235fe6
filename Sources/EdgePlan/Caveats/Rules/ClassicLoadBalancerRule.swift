import EdgePlanCore

/// The in-tree provider makes a Classic Load Balancer for any LoadBalancer Service whose type
/// annotation is missing or mistyped; CLBs are the previous generation.
struct ClassicLoadBalancerRule: CaveatRule {
    let id = "classic-load-balancer-legacy"
    let title = "A missing or mistyped annotation gives a Classic Load Balancer, the previous generation"
    let when = "the NLB is made by the in-tree Kubernetes provider from a LoadBalancer Service"
    let reference = "What is a Classic Load Balancer? - Elastic Load Balancing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard let nlb = f.nlb, nlb.owner == .kubernetesInTree else { return nil }
        return caveat(.info,
            detail: "Without service.beta.kubernetes.io/aws-load-balancer-type: nlb the in-tree provider creates a Classic Load Balancer, which AWS calls previous generation: no WAF, no PrivateLink endpoint service, no API Gateway VPC link. Nothing fails loudly; the frontend stack just cannot attach.",
            mitigation: "Keep the annotation in the emitted manifest under review, or move to the AWS Load Balancer Controller (aws-load-balancer-type: external), which never makes a CLB.")
    }
}
