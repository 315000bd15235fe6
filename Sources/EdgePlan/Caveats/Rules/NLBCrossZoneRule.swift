import EdgePlanCore

/// Whether the option's NLB balances across zones, read from its hops (`Edge.crossesAZs`): a Service's
/// NLB keeps AWS's default (off); the NLB an option's stack makes has it on.
extension OptionFacts {
    var nlbCrossZone: Bool { topology.edges.contains { $0.from == "nlb" && $0.crossesAZs == .nlbCrossZone } }
}

/// Cross-zone load balancing is off by default on an NLB: each node sends only to targets in its own AZ.
struct NLBCrossZoneRule: CaveatRule {
    let id = "nlb-cross-zone-off"
    let title = "Cross-zone load balancing is off by default on an NLB"
    let when = "the option has an NLB made from a Kubernetes Service, which keeps the default"
    let reference = "Cross-zone load balancing for target groups - Elastic Load Balancing (Network Load Balancers)"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.nlb != nil, !f.nlbCrossZone else { return nil }
        let target = f.realization.router?.router.displayName.map { "\($0) pods" } ?? "targets"
        return caveat(.info,
            detail: "Each NLB node sends traffic only to \(target) in its own AZ. With the pods spread unevenly (say 2 in one AZ and 1 in another) the lone pod takes as much traffic as the pair, and an AZ without a pod drops its share.",
            mitigation: "Spread the \(target) evenly with topologySpreadConstraints across zones, or turn cross-zone load balancing on (load_balancing.cross_zone.enabled) and accept inter-AZ data charges.")
    }
}
