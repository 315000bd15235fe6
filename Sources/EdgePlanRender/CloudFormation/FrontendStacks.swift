import EdgePlanCore

/// Builds the stacks of one kind of frontend option. One type per kind, each in its own file.
protocol FrontendStacks: Sendable {
    func stacks(_ c: FrontendContext) -> [EmittedStack]
}

extension FrontendKind {
    /// The kind's stack builder. An exhaustive switch: a new kind does not compile until it has one.
    var stacks: any FrontendStacks {
        switch self {
        case .albPrivateLinkNLB: return ALBPrivateLinkNLBStack()
        case .apiGatewayVPCLinkNLB: return APIGatewayVPCLinkNLBStack()
        case .cloudFrontPublicNLB: return CloudFrontPublicNLBStack()
        case .albController: return ALBControllerStack()
        case .cloudFrontVPCOrigin: return CloudFrontVPCOriginStack()
        case .apiGatewayVPCLinkALB: return APIGatewayVPCLinkALBStack()
        case .nlbToALB: return NLBToALBStack()
        case .globalAcceleratorALB: return GlobalAcceleratorALBStack()
        }
    }
}
