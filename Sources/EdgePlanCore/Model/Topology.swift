/// One frontend option as a small graph: what sits where, and how traffic flows between them.
public struct Topology: Sendable, Equatable {
    public var components: [Component]
    public var edges: [Edge]
    /// The component the WAF web ACL is associated with, if the option carries one.
    public var wafOn: String?

    public init(components: [Component], edges: [Edge], wafOn: String? = nil) {
        self.components = components
        self.edges = edges
        self.wafOn = wafOn
    }

    public func component(_ id: String) -> Component? { components.first { $0.id == id } }
    public func components(of kind: Component.Kind) -> [Component] { components.filter { $0.kind == kind } }
    public func has(_ kind: Component.Kind) -> Bool { components.contains { $0.kind == kind } }

    /// The path as one line: `Internet → CloudFront (WAF) → NLB (public, 3 AZ) → ingress-nginx → Pods`.
    public func pathLine(azCount: Int) -> String {
        mainPath.map { c -> String in
            var details: [String] = []
            switch c.kind {
            case .alb, .nlb:
                details.append(c.scheme == .internetFacing ? "public" : "internal")
                details.append("\(azCount) AZ")
            case .interfaceEndpoint:
                details.append("\(azCount) ENIs")
            default:
                break
            }
            if wafOn == c.id { details.append("WAF") }
            return details.isEmpty ? c.label : "\(c.label) (\(details.joined(separator: ", ")))"
        }.joined(separator: " → ")
    }

    /// The request path from the internet to the pods (bypass edges left out).
    public var mainPath: [Component] {
        var path: [Component] = []
        var current = components.first { $0.kind == .internet }
        var seen: Set<String> = []
        while let c = current, seen.insert(c.id).inserted {
            path.append(c)
            current = edges.first { $0.from == c.id && !$0.bypass }.flatMap { e in component(e.to) }
        }
        return path
    }
}

/// A piece of the front door: a managed service, a load balancer, an endpoint, the ingress, the pods.
public struct Component: Sendable, Equatable {
    public static func == (a: Component, b: Component) -> Bool {
        a.id == b.id && a.kind == b.kind && a.label == b.label && a.scheme == b.scheme && a.owner == b.owner && a.subnetRole == b.subnetRole
            && a.addressesPerAZ == b.addressesPerAZ && a.longestSubnetPrefix == b.longestSubnetPrefix && a.securityGroups == b.securityGroups
            && a.wafAttachable == b.wafAttachable && a.notes == b.notes && a.reserves?.role == b.reserves?.role
            && a.reserves?.addressesPerAZ == b.reserves?.addressesPerAZ && a.staticIPv4Addresses == b.staticIPv4Addresses
            && a.elasticIPPerAZ == b.elasticIPPerAZ
    }

    public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
        case internet
        case cloudFront = "cloudfront"
        case globalAccelerator = "global-accelerator"
        case wafWebACL = "waf-web-acl"
        case apiGatewayREST = "api-gateway-rest"
        case apiGatewayHTTP = "api-gateway-http"
        case vpcLink = "vpc-link"
        case cloudFrontVPCOrigin = "cloudfront-vpc-origin"
        case alb
        case nlb
        case vpcEndpointService = "vpc-endpoint-service"
        case interfaceEndpoint = "interface-endpoint"
        case ingressNginx = "ingress-nginx"
        case envoyGateway = "envoy-gateway"
        case pods
    }

    /// Where the component lives and who can reach it.
    public enum Scheme: String, Sendable, Equatable, Codable {
        case internet
        case internetFacing = "internet-facing"
        case `internal`
        /// Runs outside the VPC, operated by AWS (CloudFront, API Gateway, WAF).
        case awsManaged = "aws-managed"
        /// Runs in the cluster.
        case cluster
    }

    /// Who creates it, which decides whether CloudFormation knows about it.
    public enum Owner: String, Sendable, Equatable, Codable {
        case aws
        case cloudFormation = "cloudformation"
        /// The in-tree Kubernetes cloud provider, from a `type: LoadBalancer` Service (the 2018 way).
        case kubernetesInTree = "kubernetes-in-tree"
        /// The AWS Load Balancer Controller, from a Service, an Ingress or a Gateway.
        case loadBalancerController = "aws-load-balancer-controller"
        /// EKS Auto Mode's built-in load balancing, from a Service or an Ingress.
        case eksAutoMode = "eks-auto-mode"
        case kubernetes
    }

    /// Whether a security group can guard the component.
    public enum SecurityGroups: String, Sendable, Equatable, Codable {
        case supported
        case notSupported = "not-supported"
        /// An NLB created with security groups: they can be changed later.
        case attachedAtCreation = "attached-at-creation"
        /// An NLB created without security groups: it can never get one.
        case neverAttached = "never-attached"
    }

    public var id: String
    public var kind: Kind
    /// Short label for paths and diagrams ("ALB", "NLB", "CloudFront").
    public var label: String
    public var scheme: Scheme
    public var owner: Owner
    /// The subnet role it has an ENI or node in, one per AZ; nil when outside the VPC or in the cluster.
    public var subnetRole: SubnetRole?
    /// Addresses it may take in its subnet in each AZ.
    public var addressesPerAZ: Int
    /// The smallest subnet it accepts (e.g. /27 for an ALB), as a prefix length.
    public var longestSubnetPrefix: Int?
    public var securityGroups: SecurityGroups
    /// Whether an AWS WAF web ACL can be associated with it.
    public var wafAttachable: Bool
    /// Free-text facts shown with the component.
    public var notes: [String]
    /// Addresses it takes in another component's subnets without sitting there itself (Global
    /// Accelerator's ENIs in its ALB's subnets), per AZ.
    public var reserves: (role: SubnetRole, addressesPerAZ: Int)?
    /// Static public IPv4 addresses it holds whatever the AZ count (an accelerator's two); nil when
    /// it holds none of its own (an internet-facing load balancer holds one per AZ, counted by its kind).
    public var staticIPv4Addresses: Int?
    /// Whether the option's stack allocates one Elastic IP per AZ for it (an NLB whose addresses
    /// clients allow-list), fixed for the load balancer's life.
    public var elasticIPPerAZ: Bool = false

    public init(
        id: String, kind: Kind, label: String, scheme: Scheme, owner: Owner, subnetRole: SubnetRole? = nil,
        addressesPerAZ: Int = 0, longestSubnetPrefix: Int? = nil, securityGroups: SecurityGroups = .notSupported,
        wafAttachable: Bool = false, notes: [String] = [], reserves: (role: SubnetRole, addressesPerAZ: Int)? = nil,
        staticIPv4Addresses: Int? = nil
    ) {
        self.reserves = reserves
        self.staticIPv4Addresses = staticIPv4Addresses
        self.id = id
        self.kind = kind
        self.label = label
        self.scheme = scheme
        self.owner = owner
        self.subnetRole = subnetRole
        self.addressesPerAZ = addressesPerAZ
        self.longestSubnetPrefix = longestSubnetPrefix
        self.securityGroups = securityGroups
        self.wafAttachable = wafAttachable
        self.notes = notes
    }
}

/// Why a hop in the VPC sends requests to targets in every AZ, not only its own: with targets
/// spread evenly over n AZs, (n−1)/n of its bytes cross an AZ boundary.
public enum CrossAZ: String, Sendable, Equatable, Codable {
    /// An NLB with cross-zone load balancing on: each node sends to targets in every AZ (EC2 data
    /// transfer charges apply, unlike an ALB's cross-zone traffic).
    case nlbCrossZone = "nlb-cross-zone"
    /// Instance targets: the NLB sends to a node in its own AZ, and kube-proxy forwards to a pod on
    /// any node (the Service's default `externalTrafficPolicy: Cluster`).
    case kubeProxy = "kube-proxy"
    /// An in-cluster router sends to the application's pods wherever they run.
    case clusterRouting = "cluster-routing"
}

/// A hop between two components.
public struct Edge: Sendable, Equatable {
    /// What happens to TLS on this hop.
    public enum TLS: String, Sendable, Equatable, Codable {
        /// Encrypted, and the receiving component terminates TLS.
        case terminates
        /// Encrypted end to end through the receiving component (TCP passthrough).
        case passthrough
        /// Plain HTTP or TCP.
        case none
    }

    /// Which network the hop crosses.
    public enum Hop: String, Sendable, Equatable, Codable {
        /// Over the internet.
        case `public`
        /// Inside AWS's network (CloudFront to a VPC origin, API Gateway to a VPC link, PrivateLink).
        case aws
        /// Inside the VPC.
        case `private`
    }

    public var from: String
    public var to: String
    public var `protocol`: String
    public var port: Int
    public var tls: TLS
    public var hop: Hop
    /// A path that goes around the front door (drawn red and dashed).
    public var bypass: Bool
    public var note: String?
    /// Why this hop sends requests to targets in other AZs, which AWS bills as data transfer between
    /// AZs; nil where it stays in its AZ or crossing is not billed (an ALB to its targets).
    public var crossesAZs: CrossAZ?

    public init(_ from: String, _ to: String, _ proto: String, _ port: Int, tls: TLS, hop: Hop, bypass: Bool = false, note: String? = nil,
                crossesAZs: CrossAZ? = nil) {
        self.crossesAZs = crossesAZs
        self.from = from
        self.to = to
        self.protocol = proto
        self.port = port
        self.tls = tls
        self.hop = hop
        self.bypass = bypass
        self.note = note
    }
}
