import EdgePlanCore

/// `network.podCidr` is a secondary VPC block for pods (VPC CNI custom networking): it must be a
/// size AWS allows for a VPC block, must not overlap the primary block, and must be a block AWS lets
/// a VPC with that primary block add (`limits/aws.json` `vpcCidrAssociation`).
struct PodCidrRule: DesignRule {
    let id = "pod-cidr"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard let pod = design.network.podCidr else { return [] }
        let shortest = reference.limits.vpcCidrShortestPrefix
        let longest = reference.limits.vpcCidrLongestPrefix
        var found: [Diagnostic] = []
        if !(shortest...longest).contains(Int(pod.length)) {
            found.append(.error("network.podCidr", "\(pod): a secondary VPC block must be between /\(shortest) and /\(longest)"))
        }
        if case .fixed(let vpc) = design.network.vpcCidr, vpc.overlaps(pod) {
            found.append(.error("network.podCidr", "\(pod) overlaps vpcCidr \(vpc): pods need a separate block, e.g. 100.64.0.0/16"))
        } else if case .fixed(let vpc) = design.network.vpcCidr, let refused = reference.cidrAssociation.restricted(beside: vpc).first(where: { $0.overlaps(pod) }) {
            found.append(.error("network.podCidr", "a VPC whose primary block is \(vpc) cannot add \(pod): AWS refuses secondary blocks in \(refused) beside it (Amazon VPC \"IPv4 CIDR block association restrictions\"); use a block of 100.64.0.0/10, e.g. 100.64.0.0/16"))
        } else if !PrivateRanges.isPrivate(pod) && !PrivateRanges.podRanges.contains(where: { $0.contains(pod) }) {
            found.append(.warning("network.podCidr", "\(pod) is outside the private ranges and the ranges EKS suggests for pods (100.64.0.0/10, 198.19.0.0/16)"))
        }
        return found
    }
}
