import EdgePlanCore

/// One check of a design's meaning (the parser has already checked its shape and types).
/// Each rule lives in its own file, named for what it checks, with its messages beside it.
public protocol DesignRule: Sendable {
    /// Stable kebab-case id, for documentation.
    var id: String { get }
    func check(_ design: Design, reference: AWSReference) -> [Diagnostic]
}

/// Stage 2: runs every rule and returns what they found; errors stop the pipeline.
public struct DesignValidator: Sendable {
    public var rules: [any DesignRule]

    public init(rules: [any DesignRule] = DesignValidator.standardRules) { self.rules = rules }

    public static let standardRules: [any DesignRule] = [
        NameRule(), ClusterNameRule(), RegionRule(), AvailabilityZonesRule(), EKSControlPlaneZonesRule(), VPCCidrRule(),
        PodCidrRule(), SubnetSizesRule(), FrontendsRule(), HoursPerMonthRule(), ClusterModeRule(),
        KubernetesVersionRule(), NodesRule(),
    ]

    public func validate(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        rules.flatMap { $0.check(design, reference: reference) }
    }
}
