import EdgePlanCore

/// `network.nodes`: the instance type must be one edgeplan knows the ENI limits of, take /28
/// prefixes when prefix delegation is asked for, and run `podsPerNode` pods with the VPC CNI in the
/// design's mode; more pods than EKS recommends for its vCPUs is a warning. The checks are
/// `NodeSizing`'s, which also picks the type when the design names none.
struct NodesRule: DesignRule {
    let id = "nodes"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        NodeSizing.plan(design, reference: reference).diagnostics
    }
}
