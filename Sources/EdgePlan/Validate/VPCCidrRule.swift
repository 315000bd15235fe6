import EdgePlanCore

/// `network.vpcCidr` must be a block size AWS allows for a VPC; outside the private ranges it
/// works but is usually a mistake (those addresses belong to someone on the internet).
struct VPCCidrRule: DesignRule {
    let id = "vpc-cidr"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard case .fixed(let cidr) = design.network.vpcCidr else { return [] }
        let shortest = reference.limits.vpcCidrShortestPrefix
        let longest = reference.limits.vpcCidrLongestPrefix
        guard (shortest...longest).contains(Int(cidr.length)) else {
            return [.error("network.vpcCidr", "\(cidr): a VPC block must be between /\(shortest) and /\(longest)")]
        }
        if !PrivateRanges.isPrivate(cidr) {
            return [.warning("network.vpcCidr", "\(cidr) is outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10): hosts in it could not reach the internet addresses it shadows")]
        }
        return []
    }
}

/// RFC 1918 private ranges and RFC 6598 shared address space.
enum PrivateRanges {
    static let rfc1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].compactMap(IPv4Prefix.init)
    static let shared = IPv4Prefix("100.64.0.0/10")!
    /// The blocks EKS best practices suggest for pods in a secondary block (CG-NAT space and 198.19.0.0/16).
    static let podRanges = ["100.64.0.0/10", "198.19.0.0/16"].compactMap(IPv4Prefix.init)

    static func isPrivate(_ cidr: IPv4Prefix) -> Bool {
        (rfc1918 + [shared]).contains { $0.contains(cidr) }
    }
}
