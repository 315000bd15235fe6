import EdgePlanCore

/// The NLB an option's stack makes balances across zones, and AWS bills the traffic that crosses.
struct NLBCrossZoneChargesRule: CaveatRule {
    let id = "nlb-cross-zone-charges"
    let title = "The NLB balances across zones, and its traffic between AZs is billed"
    let when = "the option's stack makes the NLB, with cross-zone load balancing on"
    let reference = "Cross-zone load balancing for target groups - Elastic Load Balancing (Network Load Balancers)"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.nlbCrossZone else { return nil }
        let n = f.azCount
        return caveat(.info,
            detail: "The option's stack turns cross-zone load balancing on (load_balancing.cross_zone.enabled), so every NLB node sends to targets in all \(n) AZs and an AZ with few pods is not overloaded. About \(n - 1)/\(n) of the bytes through it cross AZs, and unlike an ALB's, an NLB's cross-zone traffic is charged as EC2 data transfer between AZs: the cost has a dataTransfer.inter-az line for it.",
            mitigation: "Keep it on where pods are few or unevenly spread. To save the charge, spread the targets evenly across zones with topologySpreadConstraints, then set load_balancing.cross_zone.enabled to false on the NLB in the option's stack.")
    }
}
