import EdgePlanCore

/// What a kind needs to know to describe one option: the design, the AWS facts and the zones.
public struct OptionContext: Sendable {
    public var design: Design
    public var limits: AWSLimits
    public var azCount: Int

    public init(design: Design, limits: AWSLimits, azCount: Int) {
        self.design = design
        self.limits = limits
        self.azCount = azCount
    }

    public var clusterMode: ClusterMode { design.clusterMode }

    /// Whether this option is asked to carry a WAF: its own `waf`, else `requirements.waf`.
    public func wafWanted(_ frontend: Frontend) -> Bool { frontend.waf ?? design.requirements.waf ?? false }
}

/// The design fields of a frontend option beyond `kind`, `id` and `waf` (which every kind takes).
public enum FrontendField: String, Sendable, CaseIterable {
    case api, originProtection, origin, deployStyle, router, loadBalancerApi, acceptRisk

    /// What the field chooses, for messages.
    public var meaning: String {
        switch self {
        case .api: return "the API Gateway API type (rest or http)"
        case .originProtection: return "how a public origin behind CloudFront is closed to everyone else"
        case .origin: return "the load balancer behind a CloudFront VPC origin (alb or nlb)"
        case .deployStyle: return "who makes the NLB of the 2018 report's options (staggered or bound)"
        case .router: return "the in-cluster router behind an NLB"
        case .loadBalancerApi: return "how Kubernetes asks the controller for the ALB it makes (ingress or gateway-api)"
        case .acceptRisk: return "risks the design accepts so that edgeplan emits the option"
        }
    }

    /// Whether `frontend` sets the field.
    public func isSet(in frontend: Frontend) -> Bool {
        switch self {
        case .api: return frontend.api != nil
        case .originProtection: return frontend.originProtection != nil
        case .origin: return frontend.origin != nil
        case .deployStyle: return frontend.deployStyle != nil
        case .router: return frontend.router != nil
        case .loadBalancerApi: return frontend.loadBalancerAPI != nil
        case .acceptRisk: return !frontend.acceptRisk.isEmpty
        }
    }
}

/// The graph of one option and the facts of how it is built, as a kind describes them.
public struct BuiltOption: Sendable, Equatable {
    public var topology: Topology
    public var router: RouterPlacement?
    public var entry: ClusterEntry
    public var discovery: Discovery?
    public var nlbTLS: NLBTLSListener?

    public init(topology: Topology, router: RouterPlacement? = nil, entry: ClusterEntry, discovery: Discovery? = nil, nlbTLS: NLBTLSListener? = nil) {
        self.topology = topology
        self.router = router
        self.entry = entry
        self.discovery = discovery
        self.nlbTLS = nlbTLS
    }
}

/// One kind of front door, described once, in its own file under `Kinds/`: the design fields it
/// takes and their defaults, its graph (components and edges, from which the subnet roles, the
/// costs and the diagram follow), who makes each load balancer, how traffic reaches the pods, and
/// how it meets each need. Validation, planning, the emitters and the deploy guide read these
/// facts from here or from the plan; nothing else decides them.
public protocol FrontendDescription: Sendable {
    /// One line on what the option is, for the report and the diagram.
    func summary(_ settings: FrontendSettings, _ context: OptionContext) -> String
    /// The design fields the kind takes besides kind, id and waf.
    var fields: Set<FrontendField> { get }
    /// The routers the kind can put behind its load balancer with these settings, the default first.
    func routers(_ settings: FrontendSettings, _ context: OptionContext) -> [Router]
    /// Why `routers` is limited, when it is (for the message that refuses another router).
    func routerLimit(_ settings: FrontendSettings) -> String?
    /// The settings in effect: the design's, with the kind's defaults (the router left to `routers`).
    func settings(_ frontend: Frontend, _ context: OptionContext) -> FrontendSettings
    func build(_ settings: FrontendSettings, _ context: OptionContext) -> BuiltOption
    func assess(_ need: Need, _ settings: FrontendSettings, _ topology: Topology, _ context: OptionContext) -> NeedAssessment
    /// How the client's address reaches the pods on this path, before any router adds its part
    /// (the `client-ip` caveat).
    func clientAddress(_ settings: FrontendSettings, _ context: OptionContext) -> ClientAddress
    /// The risks the emitted files would take with these settings. edgeplan emits the option only
    /// when the design accepts each (`acceptRisk`); the caveat of the same id explains it.
    func risks(_ settings: FrontendSettings, _ context: OptionContext) -> [AcceptedRisk]
}

/// What the application sees of the client's address, and what to do about it.
public struct ClientAddress: Sendable, Equatable {
    public var detail: String
    public var mitigation: String

    public init(detail: String, mitigation: String) {
        self.detail = detail
        self.mitigation = mitigation
    }
}

extension FrontendDescription {
    public func routerLimit(_ settings: FrontendSettings) -> String? { nil }
    public func risks(_ settings: FrontendSettings, _ context: OptionContext) -> [AcceptedRisk] { [] }

    /// The settings every kind shares; each kind adds its own on top.
    func commonSettings(_ f: Frontend, _ c: OptionContext) -> FrontendSettings {
        FrontendSettings(waf: c.wafWanted(f), acceptedRisks: f.acceptRisk)
    }

    /// A REST API requires API keys, with a usage plan, when the design needs API keys.
    func usagePlan(_ s: FrontendSettings, _ c: OptionContext) -> UsagePlan? {
        s.api == .rest && c.design.requirements.value(of: .apiKeys) ? .standard : nil
    }

    /// Whether the option meets the API-keys need: only a REST API, and only with the keys emitted.
    func apiKeysAssessment(_ s: FrontendSettings) -> NeedAssessment {
        guard s.api == .rest else { return .no(.apiKeys, "HTTP APIs throttle per route but have no API keys or usage plans; use api: rest") }
        guard let plan = s.usagePlan else { return .no(.apiKeys, "the design does not ask for API keys, so edgeplan emits none") }
        let quota = plan.quota.map { ", at most \($0) requests a \(plan.quotaPeriod.rawValue.lowercased())" } ?? ", no quota"
        return .yes(.apiKeys, "every method requires an API key; edgeplan emits one key and a usage plan of \(plan.ratePerSecond) requests a second per key (bursts of \(plan.burst))\(quota)")
    }

    /// The effective settings, router included: the design's choice, else the kind's default.
    public func resolvedSettings(_ frontend: Frontend, _ context: OptionContext) -> FrontendSettings {
        var s = settings(frontend, context)
        s.router = frontend.router ?? routers(s, context).first ?? .none
        return s
    }
}

extension FrontendKind {
    /// The kind's description. An exhaustive switch: a new kind does not compile until it is described.
    public var descriptor: any FrontendDescription {
        switch self {
        case .albPrivateLinkNLB: return ALBPrivateLinkNLB()
        case .apiGatewayVPCLinkNLB: return APIGatewayVPCLinkNLB()
        case .cloudFrontPublicNLB: return CloudFrontPublicNLB()
        case .albController: return ALBController()
        case .cloudFrontVPCOrigin: return CloudFrontVPCOrigin()
        case .apiGatewayVPCLinkALB: return APIGatewayVPCLinkALB()
        case .nlbToALB: return NLBToALB()
        case .globalAcceleratorALB: return GlobalAcceleratorALB()
        }
    }
}

extension NeedAssessment {
    static func yes(_ need: Need, _ why: String) -> NeedAssessment { NeedAssessment(need: need, met: true, why: why) }
    static func no(_ need: Need, _ why: String) -> NeedAssessment { NeedAssessment(need: need, met: false, why: why) }

    /// The WAF need, common to all options: met when the option carries a web ACL on `host`.
    static func waf(_ s: FrontendSettings, host: String?) -> NeedAssessment {
        if !s.waf { return .no(.waf, "this option is set to run without a WAF (waf: false)") }
        guard let host else { return .no(.waf, "nothing in this path can carry an AWS WAF web ACL") }
        return .yes(.waf, "an AWS WAF web ACL on \(host)")
    }
}
