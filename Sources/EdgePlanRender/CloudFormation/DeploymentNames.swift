import EdgePlanCore

/// The names every stack and manifest of one plan agree on: stack names (and so export prefixes),
/// SSM parameter names, the ingress-nginx Service.
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

    /// The ingress-nginx Service whose NLB the discovery function looks for, by its
    /// `kubernetes.io/service-name` tag (`namespace/name`).
    static let ingressNamespace = "ingress-nginx"
    static let ingressService = "ingress-nginx"
    static var ingressServiceTag: String { "\(ingressNamespace)/\(ingressService)" }
    /// The example workload that ALB-targeted options bind to.
    static let appNamespace = "default"
    static let appName = "example-app"
    static let appPort = 8080
}

extension SubnetRole {
    /// `PublicSubnetA` style logical-ID stem: `Public`, `InternalElb`, `ControlPlane`, …
    var logicalName: String {
        rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The network stack's export with this role's subnet IDs, comma-separated in AZ order.
    var exportName: String { "\(logicalName)SubnetIds" }
}
