import EdgePlanCore

/// What an option needs to know to build its graph.
public struct OptionContext: Sendable {
    public var design: Design
    public var limits: AWSLimits
    public var azCount: Int

    public init(design: Design, limits: AWSLimits, azCount: Int) {
        self.design = design
        self.limits = limits
        self.azCount = azCount
    }

    /// Whether this option is asked to carry a WAF: its own `waf`, else `requirements.waf`.
    public func wafWanted(_ frontend: Frontend) -> Bool { frontend.waf ?? design.requirements.waf ?? false }
}

/// One kind of front door: its graph, and how it meets each need. One file per kind in `Options/`.
public protocol FrontendOption: Sendable {
    var kind: FrontendKind { get }
    /// One line on what the option is, for the report and `edgeplan caveats`.
    var summary: String { get }
    func topology(_ frontend: Frontend, _ context: OptionContext) -> Topology
    func assess(_ need: Need, _ frontend: Frontend, _ topology: Topology, _ context: OptionContext) -> NeedAssessment
}

/// Every option edgeplan knows, by kind.
public enum FrontendOptions {
    public static let all: [any FrontendOption] = [
        ALBPrivateLinkNLBOption(), APIGatewayVPCLinkNLBOption(), CloudFrontPublicNLBOption(), ALBControllerOption(),
        CloudFrontVPCOriginOption(), APIGatewayVPCLinkALBOption(), NLBToALBOption(),
    ]

    public static func option(for kind: FrontendKind) -> any FrontendOption {
        all.first { $0.kind == kind }!
    }
}

/// The building blocks every option is made of, so each component is described once.
enum Parts {
    static func internet() -> Component {
        Component(id: "internet", kind: .internet, label: "Internet", scheme: .internet, owner: .aws)
    }

    static func waf(_ on: String) -> Component {
        Component(id: "waf", kind: .wafWebACL, label: "WAF web ACL", scheme: .awsManaged, owner: .cloudFormation,
                  notes: ["associated with \(on)"])
    }

    static func cloudFront() -> Component {
        Component(id: "cloudfront", kind: .cloudFront, label: "CloudFront", scheme: .awsManaged, owner: .cloudFormation, wafAttachable: true)
    }

    static func alb(_ scheme: Component.Scheme, owner: Component.Owner, _ c: OptionContext) -> Component {
        Component(id: "alb", kind: .alb, label: "ALB", scheme: scheme, owner: owner,
                  subnetRole: scheme == .internetFacing ? .public : .internalELB,
                  addressesPerAZ: c.limits.albSubnetFreeAddresses, longestSubnetPrefix: c.limits.albSubnetLongestPrefix,
                  securityGroups: .supported, wafAttachable: true)
    }

    static func nlb(_ scheme: Component.Scheme, owner: Component.Owner, securityGroups: Component.SecurityGroups, _ c: OptionContext, notes: [String] = []) -> Component {
        Component(id: "nlb", kind: .nlb, label: "NLB", scheme: scheme, owner: owner,
                  subnetRole: scheme == .internetFacing ? .public : .internalELB,
                  addressesPerAZ: c.limits.nlbAddressesPerAZ, securityGroups: securityGroups, notes: notes)
    }

    static func interfaceEndpoint(_ c: OptionContext) -> Component {
        Component(id: "endpoint", kind: .interfaceEndpoint, label: "Interface endpoint", scheme: .internal, owner: .cloudFormation,
                  subnetRole: .endpoints, addressesPerAZ: c.limits.endpointENIsPerAZ, securityGroups: .supported,
                  notes: ["one ENI per AZ; its private address is fixed for the endpoint's life"])
    }

    static func endpointService() -> Component {
        Component(id: "endpoint-service", kind: .vpcEndpointService, label: "Endpoint service", scheme: .internal, owner: .cloudFormation,
                  notes: ["PrivateLink service on the NLB"])
    }

    static func apiGateway(_ api: Frontend.API) -> Component {
        api == .rest
            ? Component(id: "api", kind: .apiGatewayREST, label: "API Gateway REST", scheme: .awsManaged, owner: .cloudFormation, wafAttachable: true)
            : Component(id: "api", kind: .apiGatewayHTTP, label: "API Gateway HTTP API", scheme: .awsManaged, owner: .cloudFormation)
    }

    /// A REST API's VPC link (V1) reaches an NLB through PrivateLink, with no ENIs in the VPC; an
    /// HTTP API's (V2) has ENIs in the subnets it is given.
    static func vpcLink(_ api: Frontend.API, _ c: OptionContext, v2: Bool) -> Component {
        v2
            ? Component(id: "vpc-link", kind: .vpcLink, label: "VPC link V2", scheme: .internal, owner: .cloudFormation,
                        subnetRole: .endpoints, addressesPerAZ: c.limits.endpointENIsPerAZ, securityGroups: .supported,
                        notes: ["ENIs in the endpoint subnets; subnets and security groups are fixed at creation"])
            : Component(id: "vpc-link", kind: .vpcLink, label: "VPC link V1", scheme: .awsManaged, owner: .cloudFormation,
                        notes: ["PrivateLink to the NLB; no ENIs in the VPC"])
    }

    static func vpcOrigin(_ c: OptionContext) -> Component {
        Component(id: "vpc-origin", kind: .cloudFrontVPCOrigin, label: "VPC origin", scheme: .awsManaged, owner: .cloudFormation,
                  notes: ["CloudFront's ENIs in the load balancer's private subnets"])
    }

    static func ingress() -> Component {
        Component(id: "ingress-nginx", kind: .ingressNginx, label: "ingress-nginx", scheme: .cluster, owner: .kubernetes)
    }

    static func pods() -> Component {
        Component(id: "pods", kind: .pods, label: "Pods", scheme: .cluster, owner: .kubernetes)
    }

    /// The NLB in front of ingress-nginx in the 2018 options: created by Kubernetes (staggered) or by
    /// CloudFormation with a TargetGroupBinding (bound).
    static func ingressNLB(_ scheme: Component.Scheme, _ frontend: Frontend, _ c: OptionContext, needsSecurityGroup: Bool = false) -> Component {
        switch frontend.deployStyle ?? .staggered {
        case .bound:
            return nlb(scheme, owner: .cloudFormation, securityGroups: .attachedAtCreation, c,
                       notes: ["created by CloudFormation; a TargetGroupBinding registers the ingress-nginx pods"])
        case .staggered where needsSecurityGroup:
            return nlb(scheme, owner: .loadBalancerController, securityGroups: .attachedAtCreation, c,
                       notes: ["created by the AWS Load Balancer Controller from the ingress-nginx Service, with a security group"])
        case .staggered:
            return nlb(scheme, owner: .kubernetesInTree, securityGroups: .neverAttached, c,
                       notes: ["created by Kubernetes from the ingress-nginx Service (aws-load-balancer-type: nlb)"])
        }
    }
}

extension NeedAssessment {
    static func yes(_ need: Need, _ why: String) -> NeedAssessment { NeedAssessment(need: need, met: true, why: why) }
    static func no(_ need: Need, _ why: String) -> NeedAssessment { NeedAssessment(need: need, met: false, why: why) }

    /// The WAF need, common to all options: met when the option carries a web ACL on `host`.
    static func waf(_ frontend: Frontend, _ c: OptionContext, host: String?) -> NeedAssessment {
        if frontend.waf == false { return .no(.waf, "this option is set to run without a WAF (waf: false)") }
        guard let host else { return .no(.waf, "nothing in this path can carry an AWS WAF web ACL") }
        return .yes(.waf, "an AWS WAF web ACL on \(host)")
    }
}
