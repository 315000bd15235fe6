import EdgePlanCore

/// `network.subnetSizes` fixes a role's subnet size: it must be a subnet size AWS allows, fit in
/// the block it is carved from, and name a role the design actually has.
struct SubnetSizesRule: DesignRule {
    let id = "subnet-sizes"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        let shortest = reference.limits.subnetShortestPrefix
        let longest = reference.limits.subnetLongestPrefix
        var found: [Diagnostic] = []
        for (role, length) in design.network.subnetSizes.sorted(by: { $0.key < $1.key }) {
            let path = "network.subnetSizes.\(role.rawValue)"
            if !(shortest...longest).contains(length) {
                found.append(.error(path, "/\(length): a subnet must be between /\(shortest) and /\(longest)"))
                continue
            }
            if role == .pods {
                if let pod = design.network.podCidr, length < Int(pod.length) {
                    found.append(.error(path, "/\(length) is larger than podCidr \(pod)"))
                } else if design.network.podCidr == nil {
                    found.append(.error(path, "there are no pod subnets without network.podCidr"))
                }
            } else if case .fixed(let vpc) = design.network.vpcCidr, length < Int(vpc.length) {
                found.append(.error(path, "/\(length) is larger than vpcCidr \(vpc)"))
            }
        }
        return found
    }
}
