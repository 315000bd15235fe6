import Foundation

/// A design file, format version 1, as values. Field names follow the YAML contract.
public struct Design: Sendable, Equatable {
    public var formatVersion: Int
    public var name: String
    public var region: String
    public var cluster: String
    public var network: Network
    public var frontends: [Frontend]
    public var traffic: Traffic
    public var requirements: Requirements
    /// Hours billed in a month; 730 unless the design says otherwise.
    public var hoursPerMonth: Decimal
    /// How the cluster runs its nodes and load balancers: EKS as configured by edgeplan, or EKS Auto Mode.
    public var clusterMode: ClusterMode
    /// The cluster's Kubernetes minor version (`1.36`); nil for the newest in EKS standard support.
    public var kubernetesVersion: String?

    public init(
        formatVersion: Int = 1, name: String, region: String, cluster: String, network: Network,
        frontends: [Frontend], traffic: Traffic = Traffic(), requirements: Requirements = Requirements(),
        hoursPerMonth: Decimal = 730, clusterMode: ClusterMode = .standard, kubernetesVersion: String? = nil
    ) {
        self.kubernetesVersion = kubernetesVersion
        self.formatVersion = formatVersion
        self.name = name
        self.region = region
        self.cluster = cluster
        self.network = network
        self.frontends = frontends
        self.traffic = traffic
        self.requirements = requirements
        self.hoursPerMonth = hoursPerMonth
        self.clusterMode = clusterMode
    }
}

/// How the EKS cluster runs. Every place that depends on it switches over it exhaustively.
public enum ClusterMode: String, Sendable, Equatable, CaseIterable, Codable {
    /// A managed node group, the VPC CNI and (where an option needs it) the AWS Load Balancer Controller, installed by edgeplan's guide.
    case standard
    /// EKS Auto Mode: AWS runs the nodes (Karpenter), the VPC networking and a built-in load balancer controller.
    case auto
}

/// The VPC side of a design.
public struct Network: Sendable, Equatable {
    public enum CIDRChoice: Sendable, Equatable {
        case fixed(IPv4Prefix)
        /// `vpcCidr: allocate`: taken from a CIDR ledger when planning.
        case allocate
    }

    /// How nodes reach the internet: a NAT gateway per AZ (default), one shared, or none.
    public enum NATGateways: String, Sendable, Equatable, CaseIterable {
        case perAZ = "per-az"
        case single
        case none
    }

    /// Availability Zones: a count (the region's first N zones), a list of zone names (which
    /// AWS maps to zones per account in older regions), or a list of AZ IDs (the same zone in every account).
    public enum AZChoice: Sendable, Equatable {
        case count(Int)
        case names([String])
        case ids([String])
    }

    public var vpcCidr: CIDRChoice
    public var azs: AZChoice
    public var nodes: Nodes
    public var podCidr: IPv4Prefix?
    public var natGateways: NATGateways
    /// Per-role subnet prefix lengths the design fixes instead of letting the planner size them.
    public var subnetSizes: [SubnetRole: Int]

    public init(
        vpcCidr: CIDRChoice, azs: AZChoice, nodes: Nodes, podCidr: IPv4Prefix? = nil,
        natGateways: NATGateways = .perAZ, subnetSizes: [SubnetRole: Int] = [:]
    ) {
        self.vpcCidr = vpcCidr
        self.azs = azs
        self.nodes = nodes
        self.podCidr = podCidr
        self.natGateways = natGateways
        self.subnetSizes = subnetSizes
    }
}

public struct Nodes: Sendable, Equatable {
    /// Most worker nodes across all AZs.
    public var max: Int
    /// Pods per node; with the VPC CNI each pod takes a VPC address.
    public var podsPerNode: Int
    /// The managed node group's EC2 instance type; nil lets edgeplan pick one that runs the pods.
    public var instanceType: String?
    /// VPC CNI prefix delegation (/28 prefixes per ENI in place of single addresses); nil is off,
    /// except in EKS Auto Mode, which always delegates prefixes.
    public var prefixDelegation: Bool?

    public init(max: Int, podsPerNode: Int, instanceType: String? = nil, prefixDelegation: Bool? = nil) {
        self.max = max
        self.podsPerNode = podsPerNode
        self.instanceType = instanceType
        self.prefixDelegation = prefixDelegation
    }
}

/// The kinds of front door edgeplan can plan: three from the 2018 field report, five that AWS made possible since.
/// Each kind is described once, in `EdgePlan/Topology/Kinds/`; every place that depends on the kind
/// switches over it exhaustively, so a new case is a compile error wherever it must be handled.
public enum FrontendKind: String, Sendable, Equatable, CaseIterable, Codable {
    case albPrivateLinkNLB = "alb-privatelink-nlb"
    case apiGatewayVPCLinkNLB = "apigw-vpclink-nlb"
    case cloudFrontPublicNLB = "cloudfront-public-nlb"
    case albController = "alb-controller"
    case cloudFrontVPCOrigin = "cloudfront-vpc-origin"
    case apiGatewayVPCLinkALB = "apigw-vpclink-alb"
    case nlbToALB = "nlb-to-alb"
    case globalAcceleratorALB = "global-accelerator-alb"
}

/// What carries requests from the AWS load balancer to the application pods inside the cluster.
public enum Router: String, Sendable, Equatable, CaseIterable, Codable {
    /// Envoy Gateway, a maintained, conformant Gateway API implementation: the default behind an NLB.
    case envoyGateway = "envoy-gateway"
    /// ingress-nginx, as in the 2018 report: retired by Kubernetes SIG Network in March 2026.
    case ingressNginx = "ingress-nginx"
    /// No router: the AWS load balancer targets the application pods themselves (target type ip).
    case none
}

extension Router {
    /// The router's name in prose: "Envoy Gateway", "ingress-nginx"; nil for no router.
    public var displayName: String? {
        switch self {
        case .envoyGateway: return "Envoy Gateway"
        case .ingressNginx: return "ingress-nginx"
        case .none: return nil
        }
    }
}

/// How Kubernetes asks a load balancer controller for an ALB it makes.
public enum LoadBalancerAPI: String, Sendable, Equatable, CaseIterable, Codable {
    case ingress
    /// Gateway API: a Gateway of the controller's GatewayClass and HTTPRoutes.
    case gatewayAPI = "gateway-api"
}

/// A risk a design accepts explicitly, so that edgeplan emits an option it would otherwise refuse to.
public enum AcceptedRisk: String, Sendable, Equatable, CaseIterable, Codable {
    /// A public origin that anyone can reach around CloudFront and its WAF (`originProtection: none`).
    case originBypass = "origin-bypass"

    /// The design field whose value takes the risk: where a refusal points.
    public var field: String {
        switch self {
        case .originBypass: return "originProtection"
        }
    }
}

/// One frontend option to compare.
public struct Frontend: Sendable, Equatable {
    public enum API: String, Sendable, Equatable, CaseIterable, Codable {
        case rest, http
    }

    public enum OriginProtection: String, Sendable, Equatable, CaseIterable, Codable {
        case none
        /// A security group that admits only CloudFront's origin-facing addresses (every distribution's).
        case prefixListSG = "prefix-list-sg"
        /// A header with a secret value that CloudFront adds and the router requires.
        case secretHeader = "secret-header"
        /// Both: only CloudFront connects, and only this distribution is served.
        case prefixListSGAndSecretHeader = "prefix-list-sg-and-secret-header"

        /// The NLB's security group admits only the CloudFront origin-facing prefix list.
        public var admitsOnlyCloudFront: Bool { self == .prefixListSG || self == .prefixListSGAndSecretHeader }
        /// CloudFront adds the secret header and the router turns away requests without it.
        public var checksSecretHeader: Bool { self == .secretHeader || self == .prefixListSGAndSecretHeader }
    }

    /// How CloudFormation learns of the NLB in front of ingress-nginx: Kubernetes creates it and a
    /// discovery function finds it (the 2018 staggered deployment), or CloudFormation creates it and a
    /// TargetGroupBinding binds the pods to it.
    public enum DeployStyle: String, Sendable, Equatable, CaseIterable, Codable {
        case staggered, bound
    }

    /// The load balancer behind a CloudFront VPC origin.
    public enum VPCOriginTarget: String, Sendable, Equatable, CaseIterable, Codable {
        case alb, nlb
    }

    /// Unique among the design's frontends; defaults to the kind (plus the API type where given).
    public var id: String
    public var kind: FrontendKind
    public var api: API?
    public var originProtection: OriginProtection?
    public var origin: VPCOriginTarget?
    public var deployStyle: DeployStyle?
    /// Whether a WAF is asked for on this option; nil follows `requirements.waf`.
    public var waf: Bool?
    /// The in-cluster router; nil takes the kind's default.
    public var router: Router?
    /// How Kubernetes asks the controller for the ALB it makes; nil takes the kind's default.
    public var loadBalancerAPI: LoadBalancerAPI?
    /// Risks the design accepts for this option.
    public var acceptRisk: [AcceptedRisk]

    public init(
        id: String? = nil, kind: FrontendKind, api: API? = nil, originProtection: OriginProtection? = nil,
        origin: VPCOriginTarget? = nil, deployStyle: DeployStyle? = nil, waf: Bool? = nil, router: Router? = nil,
        loadBalancerAPI: LoadBalancerAPI? = nil, acceptRisk: [AcceptedRisk] = []
    ) {
        self.id = id ?? Frontend.defaultID(kind: kind, api: api)
        self.kind = kind
        self.api = api
        self.originProtection = originProtection
        self.origin = origin
        self.deployStyle = deployStyle
        self.waf = waf
        self.router = router
        self.loadBalancerAPI = loadBalancerAPI
        self.acceptRisk = acceptRisk
    }

    public static func defaultID(kind: FrontendKind, api: API?) -> String {
        guard let api else { return kind.rawValue }
        return "\(kind.rawValue)-\(api.rawValue)"
    }
}

/// Monthly usage; fields left out get documented defaults from the cost model.
public struct Traffic: Sendable, Equatable {
    /// The most a design may state: far above any real front door, well inside Decimal's range.
    public static let limits = (requests: Decimal(1_000_000_000_000), dataGB: Decimal(1_000_000_000), connections: Decimal(1_000_000_000))

    public var requests: Decimal?
    public var dataOutGB: Decimal?
    public var dataInGB: Decimal?
    public var newConnectionsPerSecond: Decimal?
    public var activeConnections: Decimal?
    public var wafRules: Int?

    public init(
        requests: Decimal? = nil, dataOutGB: Decimal? = nil, dataInGB: Decimal? = nil,
        newConnectionsPerSecond: Decimal? = nil, activeConnections: Decimal? = nil, wafRules: Int? = nil
    ) {
        self.requests = requests
        self.dataOutGB = dataOutGB
        self.dataInGB = dataInGB
        self.newConnectionsPerSecond = newConnectionsPerSecond
        self.activeConnections = activeConnections
        self.wafRules = wafRules
    }
}

/// What the front door must provide; nil means the design does not say.
public struct Requirements: Sendable, Equatable {
    public var waf: Bool?
    public var apiKeys: Bool?
    public var caching: Bool?
    public var privateOrigin: Bool?
    public var staticIps: Bool?

    public init(waf: Bool? = nil, apiKeys: Bool? = nil, caching: Bool? = nil, privateOrigin: Bool? = nil, staticIps: Bool? = nil) {
        self.waf = waf
        self.apiKeys = apiKeys
        self.caching = caching
        self.privateOrigin = privateOrigin
        self.staticIps = staticIps
    }
}

extension Requirements {
    /// Whether the design asks for a need (`true`); false or absent means not asked.
    public func value(of need: Need) -> Bool {
        switch need {
        case .waf: return waf ?? false
        case .apiKeys: return apiKeys ?? false
        case .caching: return caching ?? false
        case .privateOrigin: return privateOrigin ?? false
        case .staticIps: return staticIps ?? false
        }
    }
}
