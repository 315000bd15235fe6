import EdgePlanCore

/// What a frontend stack is built from: the plan, the option (whose realization says how it is
/// built) and the shared names. Every fact here is read from the plan, never worked out again.
struct FrontendContext: Sendable {
    var plan: Plan
    var option: PlannedOption
    var names: DeploymentNames

    var id: String { option.id }
    var frontend: Frontend { option.frontend }
    var realization: Realization { option.realization }
    var settings: FrontendSettings { realization.settings }
    var azCount: Int { plan.availabilityZones.count }
    /// Whether the option carries a web ACL (its topology says where).
    var waf: Bool { option.topology.wafOn != nil }
    /// Kubernetes makes the NLB and a discovery function finds it (the 2018 report's staggered deployment).
    var staggered: Bool { realization.staggered }
    /// `NlbPresent` in the staggered style, where everything that needs the NLB waits for discovery.
    var condition: String? { staggered ? "NlbPresent" : nil }
    var stackName: String { names.frontendStack(id) }
    var folder: String { "cloudformation/\(id)" }
    var needsLoadBalancerController: Bool { realization.needsLoadBalancerController }
    /// What the last load balancer sends to, in prose: "ingress-nginx", "Envoy Gateway", "pods".
    var routerName: String { realization.router?.router.displayName ?? "pods" }
    /// The Service whose NLB the staggered style waits for, in prose: "the ingress-nginx Service".
    var backendService: String { "the \(realization.backend.name) Service" }

    /// Adds `NetworkStack` and, in the staggered style, the SSM-backed NLB parameter and `NlbPresent`.
    func start(_ description: String) -> CloudFormationTemplate {
        let style = settings.deployStyle.map { ", \($0.rawValue) deployment" } ?? ""
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): \(id) (\(frontend.kind.rawValue)\(style)): \(description)")
        t.parameter("NetworkStack", description: "Name of the network stack", default: .string(names.networkStack))
        return t
    }

    /// The staggered style's NLB parameter (read from SSM when the stack is deployed) and the
    /// `NlbPresent` condition on it, as in the 2018 report.
    func addDiscoveredNLB(_ t: inout CloudFormationTemplate) {
        guard let discovery = realization.discovery else { return }
        let parameter: String, what: String
        switch discovery.reads {
        case .nlbArn: (parameter, what) = ("NlbArn", "ARN of the ingress NLB")
        case .listenerArn: (parameter, what) = ("NlbListenerArn", "ARN of the ingress NLB's port-80 listener")
        }
        t.parameter(parameter, type: "AWS::SSM::Parameter::Value<String>",
                    description: "\(what), kept in SSM by the discovery stack (None until Kubernetes has made the NLB)",
                    default: .string(names.parameter(for: discovery)))
        t.condition("NlbPresent", Fn.not(Fn.equals(Fn.ref(parameter), "None")))
    }

    /// The discovered NLB's ARN or listener ARN parameter, as the frontend stack refers to it.
    var discoveredNLB: JSONValue {
        switch realization.discovery?.reads {
        case .listenerArn: return Fn.ref("NlbListenerArn")
        case .nlbArn, nil: return Fn.ref("NlbArn")
        }
    }

    static let certificatePattern = "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$"

    func addCertificateParameter(_ t: inout CloudFormationTemplate, name: String = "CertificateArn", what: String) {
        t.parameter(name, description: "ACM certificate ARN for \(what)", allowedPattern: Self.certificatePattern)
    }
}
