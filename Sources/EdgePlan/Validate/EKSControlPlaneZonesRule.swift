import EdgePlanCore

/// AZ IDs EKS does not take cluster subnets in (`eksControlPlaneUnsupportedAzIds` in
/// `limits/regions.json`, from EKS "View Amazon EKS networking requirements for VPC and subnets",
/// such as use1-az3). With a managed node group the plan keeps such an AZ for every other role and
/// places no control-plane subnet there, so the control plane needs enough of the other AZs
/// (`eks.control-plane.min-azs`). EKS Auto Mode gives the cluster the node subnets, so there the
/// AZ is refused.
struct EKSControlPlaneZonesRule: DesignRule {
    let id = "eks-control-plane-zones"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard case .ids(let ids) = design.network.azs, let region = reference.regions[design.region] else { return [] }
        let refused = region.eksUnsupportedZoneIDs
        let unsupported = ids.enumerated().filter { refused.contains($0.element) }
        guard !unsupported.isEmpty else { return [] }
        switch design.clusterMode {
        case .auto:
            return unsupported.map { i, id in
                .error("network.azs[\(i)]", "EKS does not allow cluster subnets in \(id) (EKS \"View Amazon EKS networking requirements for VPC and subnets\"), and EKS Auto Mode gives the cluster the node subnets: leave \(id) out, or use clusterMode: standard, whose control-plane subnets edgeplan keeps out of it")
            }
        case .standard:
            let supported = ids.filter { !refused.contains($0) }
            let minimum = reference.limits.eksControlPlaneMinimumAZs
            guard supported.count < minimum, ids.count >= minimum else { return [] }
            let others = (region.azIds?.ids ?? []).filter { !refused.contains($0) && !ids.contains($0) }
            let advice = others.isEmpty ? "" : "; add \(others.joined(separator: " or "))"
            return [.error("network.azs", "EKS needs control-plane subnets in at least \(minimum) Availability Zones it supports, and it does not allow cluster subnets in \(unsupported.map(\.element).joined(separator: ", ")) (EKS \"View Amazon EKS networking requirements for VPC and subnets\"), which leaves \(supported.count)\(advice)")]
        }
    }
}
