import EdgePlanCore

/// The names every stack and manifest of one plan agree on: stack names (and so export prefixes),
/// SSM parameter names.
struct DeploymentNames: Sendable {
    var design: String

    var networkStack: String { "\(design)-network" }
    var clusterStack: String { "\(design)-cluster" }
    var discoveryStack: String { "\(design)-discovery" }
    var controllerStack: String { "\(design)-lb-controller" }
    func frontendStack(_ option: String) -> String { "\(design)-\(option)" }
    func edgeWAFStack(_ option: String) -> String { "\(design)-\(option)-waf" }

    /// Where the discovery function keeps what it found; each starts as "None" (the seed's convention).
    var parameterPath: String { "/edgeplan/\(design)/" }
    var internalNLBArnParameter: String { parameterPath + "ingress-nlb-arn" }
    var internalNLBListenerParameter: String { parameterPath + "ingress-nlb-listener-arn" }
    var publicNLBArnParameter: String { parameterPath + "public-ingress-nlb-arn" }

    /// The tag edgeplan puts on a target group CloudFormation makes for a TargetGroupBinding, with the
    /// cluster's name: the AWS Load Balancer Controller's role may register targets only in those
    /// (and in its own), never in any target group of the account.
    static let bindingTag = "edgeplan:cluster"

    /// The SSM parameter the discovery function keeps what `discovery` asks for in.
    func parameter(for discovery: Discovery) -> String {
        switch (discovery.internetFacing, discovery.reads) {
        case (true, _): return publicNLBArnParameter
        case (false, .nlbArn): return internalNLBArnParameter
        case (false, .listenerArn): return internalNLBListenerParameter
        }
    }

}

extension SubnetRole {
    /// `PublicSubnetA` style logical-ID stem: `Public`, `InternalElb`, `ControlPlane`, …
    var logicalName: String {
        rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The network stack's export with this role's subnet IDs, comma-separated in AZ order.
    var exportName: String { "\(logicalName)SubnetIds" }
}
