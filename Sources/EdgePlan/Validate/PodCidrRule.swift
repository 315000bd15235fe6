import EdgePlanCore

/// `network.podCidr` is a secondary VPC block for pods (VPC CNI custom networking): it must be a
/// size AWS allows for a VPC block and must not overlap the primary block.
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
        } else if !PrivateRanges.isPrivate(pod) {
            found.append(.warning("network.podCidr", "\(pod) is outside the private ranges; 100.64.0.0/10 is the usual choice for pods"))
        }
        return found
    }
}
