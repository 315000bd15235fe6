import EdgePlanCore
import Foundation

/// What a caveat rule looks at: one option's graph, in its design, with the AWS limits and prices.
public struct OptionFacts: Sendable {
    public var frontend: Frontend
    /// How the option is built: its settings in effect, router and entry into the cluster.
    public var realization: Realization
    public var topology: Topology
    public var design: Design
    public var limits: AWSLimits
    public var azCount: Int
    /// The region's prices, when a price file was given; rules that need a price say so without one.
    public var prices: PriceCatalog?

    public init(frontend: Frontend, realization: Realization, topology: Topology, design: Design, limits: AWSLimits, azCount: Int, prices: PriceCatalog?) {
        self.frontend = frontend
        self.realization = realization
        self.topology = topology
        self.design = design
        self.limits = limits
        self.azCount = azCount
        self.prices = prices
    }

    public var nlb: Component? { topology.components(of: .nlb).first }
    /// Whose Service or pods the load balancer reaches: "ingress-nginx", "Envoy Gateway", "the application".
    public var serviceOwner: String {
        switch realization.settings.router {
        case .ingressNginx: return "ingress-nginx"
        case .envoyGateway: return "Envoy Gateway"
        case .none: return "the application"
        }
    }
    public var settings: FrontendSettings { realization.settings }
    /// Whose TargetGroupBinding fills a target group CloudFormation made, in this cluster mode.
    public var bindingController: String {
        switch design.clusterMode {
        case .standard: return "the AWS Load Balancer Controller's"
        case .auto: return "EKS Auto Mode's"
        }
    }
    public var wafWanted: Bool { settings.waf }
}

/// One caveat rule: a small type in its own file, with a stable id, a one-line title, the AWS page
/// it rests on, and `evaluate`, which returns the caveat for an option or nil where it does not apply.
public protocol CaveatRule: Sendable {
    /// Stable kebab-case id.
    var id: String { get }
    var title: String { get }
    /// When the rule fires, in one sentence (for `edgeplan caveats`).
    var when: String { get }
    /// The AWS documentation page title it rests on.
    var reference: String { get }
    /// Where the titles of `reference` are published: one `Source` per title that has an address
    /// (its `title` exactly as in `reference`), with the day it was read.
    var referenceLinks: [Source] { get }
    func evaluate(_ facts: OptionFacts) -> Caveat?
}

extension CaveatRule {
    public var referenceLinks: [Source] { CaveatReferences.links(for: reference) }

    func caveat(_ severity: Caveat.Severity, detail: String, mitigation: String, on component: String? = nil) -> Caveat {
        Caveat(id: id, severity: severity, title: title, detail: detail, mitigation: mitigation, reference: reference, component: component,
               referenceLinks: referenceLinks)
    }
}

/// Runs every rule on an option; caveats come sorted by severity, then id.
public struct CaveatEngine: Sendable {
    public var rules: [any CaveatRule]

    public init(rules: [any CaveatRule] = CaveatEngine.standardRules) { self.rules = rules }

    public static let standardRules: [any CaveatRule] = [
        OriginBypassRule(), NLBSecurityGroupRule(), EndpointENITargetsRule(), KubernetesCreatedLoadBalancerRule(),
        PrivateLinkDataProcessingRule(), APIGatewayLimitsRule(), WAFAttachmentRule(), ClassicLoadBalancerRule(),
        PrefixListWeightRule(), NLBCrossZoneRule(), NLBCrossZoneChargesRule(), ClientIPRule(), VPCLinkV1Rule(), IngressGroupRule(),
        DefaultEndpointRule(), ElasticIPRule(), CloudFrontOriginTimeoutRule(), CloudFrontOriginTLSRule(), ServiceMutatorWebhookRule(), IngressNginxRetiredRule(),
        GatewayControllerCRDsRule(), AutoModeTargetGroupBindingRule(), GlobalAcceleratorAddressesRule(), SingleNATGatewayRule(),
    ]

    public func caveats(for facts: OptionFacts) -> [Caveat] {
        rules.compactMap { $0.evaluate(facts) }.sorted { ($0.severity, $0.id) < ($1.severity, $1.id) }
    }
}
