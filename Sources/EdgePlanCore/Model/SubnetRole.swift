/// What a subnet is for. The order of the cases is the order subnets are listed in.
public enum SubnetRole: String, Sendable, Equatable, Hashable, CaseIterable, Codable, Comparable {
    /// Internet-facing load balancers (ALB, public NLB) and NAT gateways.
    case `public`
    /// Internal NLBs and ALBs that Kubernetes or CloudFormation create.
    case internalELB = "internal-elb"
    /// PrivateLink interface endpoint ENIs and VPC link ENIs.
    case endpoints
    /// The EKS control plane's cross-account ENIs.
    case controlPlane = "control-plane"
    /// Worker nodes, and their pods unless pods have their own CIDR.
    case nodes
    /// Pods in a secondary CIDR (VPC CNI custom networking).
    case pods

    public static func < (a: SubnetRole, b: SubnetRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
