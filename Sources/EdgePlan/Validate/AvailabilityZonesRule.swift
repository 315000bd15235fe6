import EdgePlanCore

/// `network.azs`: a count from 1 to 6 that the region can supply, or a list of distinct zone
/// names of the design's region. EKS itself needs subnets in at least two zones.
struct AvailabilityZonesRule: DesignRule {
    let id = "availability-zones"
    static let countRange = 1...6

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        let region = reference.regions[design.region]
        var found: [Diagnostic] = []
        let count: Int
        switch design.network.azs {
        case .count(let n):
            count = n
            guard AvailabilityZonesRule.countRange.contains(n) else {
                return [.error("network.azs", "\(n) is out of range: use 1 to 6 Availability Zones")]
            }
            if let region, n > region.azs.count {
                return [.error("network.azs", "\(design.region) has \(region.azs.count) Availability Zones (\(region.azs.joined(separator: ", "))), not \(n)")]
            }
        case .names(let names):
            count = names.count
            guard AvailabilityZonesRule.countRange.contains(names.count) else {
                return [.error("network.azs", "\(names.count) zones listed: use 1 to 6 Availability Zones")]
            }
            var seen: Set<String> = []
            for (i, name) in names.enumerated() {
                if !seen.insert(name).inserted {
                    found.append(.error("network.azs[\(i)]", "'\(name)' is listed twice: each Availability Zone once"))
                } else if let region, !region.azs.contains(name) {
                    found.append(.error("network.azs[\(i)]", "'\(name)' is not an Availability Zone of \(design.region) (it has \(region.azs.joined(separator: ", ")))"))
                }
            }
        }
        let eksMinimum = reference.limits.eksControlPlaneMinimumAZs
        if count < eksMinimum {
            found.append(.error("network.azs", "EKS needs control-plane subnets in at least \(eksMinimum) Availability Zones; use azs: \(eksMinimum) or more"))
        }
        return found
    }
}
