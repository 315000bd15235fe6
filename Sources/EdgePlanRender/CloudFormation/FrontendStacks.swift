import EdgePlanCore

/// Builds the stacks of one kind of frontend option. One type per kind, each in its own file.
protocol FrontendStacks: Sendable {
    var kind: FrontendKind { get }
    func stacks(_ c: FrontendContext) -> [EmittedStack]
}

enum FrontendStackCatalog {
    static let all: [any FrontendStacks] = [
        ALBPrivateLinkNLBStack(), APIGatewayVPCLinkNLBStack(), CloudFrontPublicNLBStack(), ALBControllerStack(),
        CloudFrontVPCOriginStack(), APIGatewayVPCLinkALBStack(), NLBToALBStack(),
    ]

    static func builder(for kind: FrontendKind) -> any FrontendStacks {
        all.first { $0.kind == kind }!
    }
}
