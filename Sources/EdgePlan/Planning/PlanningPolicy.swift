import EdgePlanCore

/// edgeplan's own sizing choices (not AWS facts, which live in `limits/aws.json`).
public struct PlanningPolicy: Sendable, Equatable {
    /// Load-balancer, NAT and endpoint subnets keep room for this many times what they hold, so a
    /// replacement load balancer or endpoint can be created before the old one is deleted.
    public var edgeHeadroom: Int
    /// Size each AZ's node subnet so the cluster keeps its most nodes with any one AZ lost.
    public var survivesAZLoss: Bool

    public init(edgeHeadroom: Int = 2, survivesAZLoss: Bool = true) {
        self.edgeHeadroom = edgeHeadroom
        self.survivesAZLoss = survivesAZLoss
    }

    public static let standard = PlanningPolicy()
}
