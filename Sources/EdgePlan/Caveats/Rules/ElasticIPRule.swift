import EdgePlanCore

/// An NLB's Elastic IPs are chosen at creation; clients allow-list them, so the NLB must not be replaced.
struct ElasticIPRule: CaveatRule {
    let id = "elastic-ips-fixed-at-creation"
    let title = "The NLB's Elastic IPs are set at creation: replacing the NLB changes what clients allow-list"
    let when = "an internet-facing NLB with Elastic IPs fronts an ALB"
    let reference = "Network Load Balancers - Elastic Load Balancing; Use Application Load Balancers as targets of a Network Load Balancer"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.frontend.kind == .nlbToALB else { return nil }
        return caveat(.info,
            detail: "Each AZ's Elastic IP is attached when the NLB is created and cannot be changed afterwards. The alb target group forwards TCP only, its port must match the ALB listener, and the ALB cannot be deleted while registered.",
            mitigation: "Allocate the Elastic IPs in their own stack with DeletionPolicy: Retain and pass their allocation IDs in, so a replaced NLB keeps the same addresses.")
    }
}
