import EdgePlanCore

/// `network.azs`: a count from 1 to 6 that the region can supply, or a list of distinct zone
/// names, or of AZ IDs, of the design's region (AZ IDs from `limits/regions.json`). EKS itself
/// needs subnets in at least two zones; which AZ IDs it takes is `EKSControlPlaneZonesRule`'s.
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
        case .ids(let ids):
            count = ids.count
            guard AvailabilityZonesRule.countRange.contains(ids.count) else {
                return [.error("network.azs", "\(ids.count) AZ IDs listed: use 1 to 6 Availability Zones")]
            }
            if let region, region.azIds == nil {
                return [.error("network.azs", "edgeplan has no AZ IDs of \(design.region) (limits/regions.json lists them for \(Self.regionsWithIDs(reference))): list zone names (\(region.azs.prefix(3).joined(separator: ", "))) or a count instead")]
            }
            var seen: Set<String> = []
            for (i, id) in ids.enumerated() {
                if !seen.insert(id).inserted {
                    found.append(.error("network.azs[\(i)]", "'\(id)' is listed twice: each Availability Zone once"))
                } else if let region, let known = region.azIds?.ids, !known.contains(id) {
                    let home = reference.region(ofZoneID: id).map { "an AZ ID of \($0), not of \(design.region)" } ?? "not an AZ ID of \(design.region)"
                    found.append(.error("network.azs[\(i)]", "'\(id)' is \(home): the design's subnets are all in \(design.region) (its AZ IDs are \(known.joined(separator: ", ")))"))
                }
            }
        }
        let eksMinimum = reference.limits.eksControlPlaneMinimumAZs
        if count < eksMinimum {
            found.append(.error("network.azs", "EKS needs control-plane subnets in at least \(eksMinimum) Availability Zones; use azs: \(eksMinimum) or more"))
        }
        return found
    }

    static func regionsWithIDs(_ reference: AWSReference) -> String {
        reference.regions.values.filter { $0.azIds != nil }.map(\.code).sorted().joined(separator: ", ")
    }
}
