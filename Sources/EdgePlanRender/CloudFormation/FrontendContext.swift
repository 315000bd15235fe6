import EdgePlanCore

/// What a frontend stack is built from: the plan, the option (with its effective deploy style)
/// and the shared names.
struct FrontendContext: Sendable {
    var plan: Plan
    var option: PlannedOption
    var names: DeploymentNames

    var id: String { option.id }
    var frontend: Frontend { option.frontend }
    var azCount: Int { plan.availabilityZones.count }
    /// Whether the option carries a web ACL (its topology says where).
    var waf: Bool { option.topology.wafOn != nil }
    /// For the three NLB options of the 2018 report: who makes the NLB. Other kinds are always bound.
    var style: Frontend.DeployStyle {
        Self.nlbKinds.contains(frontend.kind) ? (frontend.deployStyle ?? .staggered) : .bound
    }
    var staggered: Bool { style == .staggered }
    /// `NlbPresent` in the staggered style, where everything that needs the NLB waits for discovery.
    var condition: String? { staggered ? "NlbPresent" : nil }
    var stackName: String { names.frontendStack(id) }
    var folder: String { "cloudformation/\(id)" }

    static let nlbKinds: Set<FrontendKind> = [.albPrivateLinkNLB, .apiGatewayVPCLinkNLB, .cloudFrontPublicNLB]

    /// Whether the AWS Load Balancer Controller runs for this option: it makes the ALB, registers
    /// targets for a TargetGroupBinding, or makes the NLB with a security group.
    var needsLoadBalancerController: Bool {
        !staggered || frontend.kind == .albController
            || option.topology.components.contains { $0.owner == .loadBalancerController }
            || (frontend.kind == .cloudFrontPublicNLB && frontend.originProtection == .prefixListSG)
    }

    /// The NLB the staggered style waits for: internal (PrivateLink, API Gateway) or internet-facing (CloudFront).
    var discoveredNLBIsPublic: Bool { frontend.kind == .cloudFrontPublicNLB }

    /// Adds `NetworkStack` and, in the staggered style, the SSM-backed NLB parameter and `NlbPresent`.
    func start(_ description: String) -> CloudFormationTemplate {
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): \(id) (\(frontend.kind.rawValue)\(Self.nlbKinds.contains(frontend.kind) ? ", \(style.rawValue) deployment" : "")): \(description)")
        t.parameter("NetworkStack", description: "Name of the network stack", default: .string(names.networkStack))
        return t
    }

    /// The staggered style's NLB parameter (read from SSM when the stack is deployed) and the
    /// `NlbPresent` condition on it, as in the 2018 report.
    func addDiscoveredNLB(_ t: inout CloudFormationTemplate, parameter: String = "NlbArn", ssmName: String? = nil, what: String = "ARN of the ingress NLB") {
        t.parameter(parameter, type: "AWS::SSM::Parameter::Value<String>",
                    description: "\(what), kept in SSM by the discovery stack (None until Kubernetes has made the NLB)",
                    default: .string(ssmName ?? (discoveredNLBIsPublic ? names.publicNLBArnParameter : names.internalNLBArnParameter)))
        t.condition("NlbPresent", Fn.not(Fn.equals(Fn.ref(parameter), "None")))
    }

    static let certificatePattern = "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$"

    func addCertificateParameter(_ t: inout CloudFormationTemplate, name: String = "CertificateArn", what: String) {
        t.parameter(name, description: "ACM certificate ARN for \(what)", allowedPattern: Self.certificatePattern)
    }
}
