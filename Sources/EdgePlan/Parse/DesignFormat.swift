import EdgePlanCore
import Foundation

/// Design format 1, field by field: the one description that the parser reads its field names,
/// ranges and choices from and that `edgeplan schema` turns into a JSON Schema, so the two cannot
/// drift. Meaning (a CIDR that fits, a Region edgeplan knows) is the validator's; this is shape and type.
public enum DesignFormat {
    public indirect enum Shape: Sendable {
        case text(pattern: String? = nil)
        /// A whole number in plain digits.
        case integer(ClosedRange<Int>)
        /// A plain decimal (digits and at most one '.'), from 0 up to `max`.
        case decimal(max: Decimal?)
        case boolean
        case choice([String])
        case object([Field])
        case list(of: Shape, maxItems: Int?)
        /// Any one of the shapes.
        case either([Shape])
    }

    public struct Field: Sendable {
        public var name: String
        public var shape: Shape
        public var required: Bool
        public var description: String
        /// What the parser's error for a missing field shows (`name: example`).
        public var example: String?
        public var defaultValue: JSONValue?

        init(_ name: String, _ shape: Shape, required: Bool = false, _ description: String, example: String? = nil, default value: JSONValue? = nil) {
            self.name = name
            self.shape = shape
            self.required = required
            self.description = description
            self.example = example
            self.defaultValue = value
        }
    }

    static func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> Shape where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }

    /// A CIDR block as edgeplan reads it: four decimal octets and a prefix length of 0 to 32.
    static let cidr = #"^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"#

    public static let nodes: [Field] = [
        Field("max", .integer(1...100_000), required: true, "The most worker nodes across all AZs.", example: "30"),
        Field("podsPerNode", .integer(1...737), required: true, "Pods per node: the kubelet's maxPods; with the VPC CNI each pod takes a VPC address.", example: "110"),
        Field("instanceType", .text(), "The node group's EC2 instance type (default: the first of m6i.large … m6i.32xlarge that runs podsPerNode)."),
        Field("prefixDelegation", .boolean, "VPC CNI prefix delegation: /28 prefixes per ENI (default false; always on in EKS Auto Mode).", default: false),
    ]

    public static let network: [Field] = [
        Field("vpcCidr", .either([.text(pattern: cidr), .choice(["allocate"])]), required: true,
              "The VPC's IPv4 block (/16 to /28), or `allocate` to take one from the CIDR ledger (--ledger).", example: "10.128.0.0/16"),
        Field("azs", .either([.integer(1...6), .list(of: .text(), maxItems: 6)]), required: true,
              "A count of Availability Zones (the Region's first ones), or a list of AZ IDs (use1-az1, the same zones in every account) or of zone names.",
              example: "3"),
        Field("nodes", .object(nodes), required: true, "The worker nodes and their pods.", example: "{max: 30, podsPerNode: 110}"),
        Field("podCidr", .text(pattern: cidr), "Pods in a secondary block of the VPC (VPC CNI custom networking), such as 100.64.0.0/16."),
        Field("natGateways", choices(Network.NATGateways.self), "NAT gateways: one per AZ, a single one, or none (VPC endpoints instead).", default: "per-az"),
        Field("subnetSizes", .object(SubnetRole.allCases.map { role in
            Field(role.rawValue, .either([.integer(0...32), .text(pattern: #"^/?(3[0-2]|[12]?[0-9])$"#)]), "The \(role.rawValue) subnets' prefix length, such as /24.")
        }), "Fix a role's subnet size (a prefix length such as /24) instead of letting edgeplan size it."),
    ]

    public static let frontend: [Field] = [
        Field("kind", choices(FrontendKind.self), required: true, "The front door's design (README, \"Frontend options\").", example: "alb-privatelink-nlb"),
        Field("id", .text(), "A unique name for the option (default: the kind, plus -rest or -http where api is given)."),
        Field("waf", .boolean, "Whether the option carries an AWS WAF web ACL (default: requirements.waf)."),
        Field(FrontendField.api.rawValue, choices(Frontend.API.self), FrontendField.api.meaning + "."),
        Field(FrontendField.originProtection.rawValue, choices(Frontend.OriginProtection.self), FrontendField.originProtection.meaning + ".", default: "none"),
        Field(FrontendField.origin.rawValue, choices(Frontend.VPCOriginTarget.self), FrontendField.origin.meaning + "."),
        Field(FrontendField.deployStyle.rawValue, choices(Frontend.DeployStyle.self), FrontendField.deployStyle.meaning + "."),
        Field(FrontendField.router.rawValue, choices(Router.self), FrontendField.router.meaning + "."),
        Field(FrontendField.loadBalancerApi.rawValue, choices(LoadBalancerAPI.self), FrontendField.loadBalancerApi.meaning + "."),
        Field(FrontendField.acceptRisk.rawValue, .either([choices(AcceptedRisk.self), .list(of: choices(AcceptedRisk.self), maxItems: nil)]),
              FrontendField.acceptRisk.meaning + ": one risk or a list."),
    ]

    public static let traffic: [Field] = [
        Field("requests", .decimal(max: Traffic.limits.requests), "Requests a month (default 20,000 per GB of dataOutGB, or 10,000,000)."),
        Field("dataOutGB", .decimal(max: Traffic.limits.dataGB), "GB sent to clients a month (default requests / 20,000, or 500)."),
        Field("dataInGB", .decimal(max: Traffic.limits.dataGB), "GB received from clients a month (default 5% of dataOutGB)."),
        Field("newConnectionsPerSecond", .decimal(max: Traffic.limits.connections), "New connections a second, on average (default the average requests a second)."),
        Field("activeConnections", .decimal(max: Traffic.limits.connections), "Concurrent connections, on average (default newConnectionsPerSecond × 60)."),
        Field("wafRules", .integer(0...10_000), "Rules in the web ACL.", default: 10),
    ]

    public static let requirements: [Field] = [
        Field("waf", .boolean, "A web application firewall in the path."),
        Field("apiKeys", .boolean, "API keys, usage plans and rate limiting."),
        Field("caching", .boolean, "Edge caching (CloudFront)."),
        Field("privateOrigin", .boolean, "Nothing on the origin side reachable from the internet."),
        Field("staticIps", .boolean, "Fixed public IP addresses clients can allow-list."),
    ]

    public static let top: [Field] = [
        Field("edgeplan", .integer(DesignParser.supportedVersions), required: true, "The design format version.", example: "1"),
        Field("name", .text(), required: true, "The environment's name: lower-case letters, digits and '-', at most 24 characters.", example: "shop-prod"),
        Field("region", .text(), required: true, "The AWS Region, such as eu-west-1.", example: "eu-west-1"),
        Field("cluster", .text(), required: true, "The EKS cluster's name, used in the kubernetes.io/cluster/<name> tag.", example: "shop-prod-eks"),
        Field("clusterMode", choices(ClusterMode.self), "standard (a managed node group) or auto (EKS Auto Mode).", default: "standard"),
        Field("network", .object(network), required: true, "The VPC, its AZs and its nodes.", example: "{vpcCidr: 10.0.0.0/16, azs: 3, nodes: {max: 30, podsPerNode: 110}}"),
        Field("frontends", .list(of: .object(frontend), maxItems: DesignParser.maxFrontends), required: true,
              "The front-door options to compare, one or more.", example: "[{kind: alb-privatelink-nlb}]"),
        Field("traffic", .object(traffic), "Monthly usage, for the costs; every field is optional."),
        Field("requirements", .object(requirements), "What the front door must provide; options are ranked against it."),
        Field("hoursPerMonth", .decimal(max: nil), "Hours a month the costs assume.", default: 730),
        // A minor version, read as the text written: YAML reads an unquoted 1.36 as a number.
        Field("kubernetesVersion", .either([.text(pattern: #"^1\.[0-9]{1,3}$"#), .decimal(max: nil)]),
              "The Kubernetes minor version, such as 1.36 (default: the newest in EKS standard support)."),
    ]

    /// The fields of an object-shaped field.
    static func fieldsOf(_ shape: Shape) -> [Field] {
        if case .object(let fields) = shape { return fields }
        preconditionFailure("not an object")
    }

    /// The field names of a section, for the parser's check of unknown fields.
    static func names(_ fields: [Field]) -> [String] { fields.map(\.name) }

    static func field(_ fields: [Field], _ name: String) -> Field {
        guard let f = fields.first(where: { $0.name == name }) else { preconditionFailure("no design field \(name)") }
        return f
    }

    /// The range of a whole-number field, as the parser enforces it.
    static func range(_ fields: [Field], _ name: String) -> ClosedRange<Int> {
        switch field(fields, name).shape {
        case .integer(let r): return r
        default: preconditionFailure("\(name) is not a whole number")
        }
    }

    static func example(_ fields: [Field], _ name: String) -> String { field(fields, name).example ?? "" }
}
