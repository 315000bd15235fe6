import Foundation

/// Where a number from AWS comes from: the page title, its address and the day it was read.
public struct Source: Hashable, Sendable, Codable {
    public var title: String
    public var url: String?
    public var region: String?
    public var read: String?
    /// The kind of evidence: an AWS page, a repository file at a tag, an official blog.
    public var kind: String?

    public init(title: String, url: String? = nil, region: String? = nil, read: String? = nil, kind: String? = nil) {
        self.title = title
        self.url = url
        self.region = region
        self.read = read
        self.kind = kind
    }
}

/// One documented AWS limit (a quota, a size rule), with its source.
public struct Limit: Hashable, Sendable, Codable {
    public enum Value: Hashable, Sendable, Codable {
        case number(Int)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let t): try c.encode(t)
            }
        }
    }

    public var id: String
    public var value: Value
    public var unit: String?
    public var description: String?
    public var note: String?
    public var source: Source
}

/// An AWS region, the Availability Zone names customers see in it, and, where a source lists
/// them, its AZ IDs (the same physical zone in every account) and those EKS refuses cluster subnets in.
public struct RegionInfo: Hashable, Sendable, Codable {
    /// A list of AZ IDs with its source.
    public struct AZIDList: Hashable, Sendable, Codable {
        public var ids: [String]
        /// True where AWS maps zone names to zones per account (accounts created before November
        /// 2025, per the AWS "AZ IDs" page), so a name does not say which zone it is.
        public var namesMappedPerAccount: Bool?
        public var note: String?
        public var source: Source

        public init(ids: [String], namesMappedPerAccount: Bool? = nil, note: String? = nil, source: Source) {
            self.ids = ids
            self.namesMappedPerAccount = namesMappedPerAccount
            self.note = note
            self.source = source
        }
    }

    public var code: String
    public var name: String
    public var azs: [String]
    /// The region's AZ IDs; nil where edgeplan has no source for them.
    public var azIds: AZIDList?
    /// The AZ IDs EKS does not allow cluster (control-plane) subnets in (EKS "View Amazon EKS
    /// networking requirements for VPC and subnets"); empty ids where the page lists none.
    public var eksControlPlaneUnsupportedAzIds: AZIDList?
    /// The prefix of this Region's usage types in the AWS Price List (`EU` in `EU-LoadBalancerUsage`,
    /// none in us-east-1); nil where edgeplan has no source for it (then only unprefixed rows match).
    public var priceListUsagePrefix: UsageTypePrefix?
    public var note: String?
    public var source: Source?

    /// A Region's usage-type prefix with its source.
    public struct UsageTypePrefix: Hashable, Sendable, Codable {
        public var prefix: String
        public var note: String?
        public var source: Source

        public init(prefix: String, note: String? = nil, source: Source) {
            self.prefix = prefix
            self.note = note
            self.source = source
        }

        /// Capital letters and digits, such as `EU`, `EUC2` or `APS3`; empty for none.
        public var isWellFormed: Bool {
            prefix.count <= 8 && prefix.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    public init(code: String, name: String, azs: [String], azIds: AZIDList? = nil, eksControlPlaneUnsupportedAzIds: AZIDList? = nil,
                priceListUsagePrefix: UsageTypePrefix? = nil, note: String? = nil, source: Source? = nil) {
        self.code = code
        self.name = name
        self.azs = azs
        self.azIds = azIds
        self.eksControlPlaneUnsupportedAzIds = eksControlPlaneUnsupportedAzIds
        self.priceListUsagePrefix = priceListUsagePrefix
        self.note = note
        self.source = source
    }

    /// The AZ IDs EKS refuses cluster subnets in (none when the data file lists none).
    public var eksUnsupportedZoneIDs: [String] { eksControlPlaneUnsupportedAzIds?.ids ?? [] }

    /// Whether `text` has the form of an AZ ID (`use1-az1`: letters, digits, `-az`, digits)
    /// rather than of a zone name (`us-east-1a`).
    public static func isZoneID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let head = parts.first, let tail = parts.last,
              let firstDigit = head.firstIndex(where: \.isNumber), firstDigit != head.startIndex,
              head[..<firstDigit].allSatisfy({ $0.isASCII && $0.isLowercase }),
              head[firstDigit...].allSatisfy({ $0.isASCII && $0.isNumber }),
              tail.hasPrefix("az"), tail.count > 2, tail.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        return true
    }
}

/// An AWS service a cluster with no route to the internet reaches through a VPC endpoint
/// (`privateCluster.endpoints` in `limits/aws.json`), with why it is needed and its source.
public struct VPCEndpointService: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An interface endpoint: one ENI per AZ in the endpoint subnets, billed per endpoint-AZ-hour.
        case interface
        /// A gateway endpoint (S3): routes on the route tables, no ENI, no hourly charge.
        case gateway
    }

    /// The service's part of its endpoint name, `com.amazonaws.<region>.<service>`: `ecr.api`, `s3`.
    public var service: String
    public var type: Kind
    public var name: String
    /// What in the cluster calls it.
    public var why: String
    public var note: String?
    public var source: Source

    public init(service: String, type: Kind, name: String, why: String, note: String? = nil, source: Source) {
        self.service = service
        self.type = type
        self.name = name
        self.why = why
        self.note = note
        self.source = source
    }
}

/// The AWS facts the planner needs, passed in as a value (the CLI reads them from `limits/`).
/// Every number the code uses is a typed field, checked present when the reference is made.
public struct AWSReference: Sendable, Equatable {
    /// Every limit entry by id, with its source.
    public var entries: [String: Limit]
    public var regions: [String: RegionInfo]
    public var limits: AWSLimits
    /// The EKS release calendar (`eksVersions` in `limits/aws.json`).
    public var eksVersions: EKSVersionCalendar
    /// The ENI limits of the instance types nodes may use (`instanceTypes` in `limits/aws.json`).
    public var instanceTypes: InstanceTypeTable
    /// The VPC endpoints a cluster with `natGateways: none` needs (`privateCluster` in `limits/aws.json`).
    public var privateClusterEndpoints: [VPCEndpointService]
    /// Secondary blocks a VPC refuses by the range of its primary block (`vpcCidrAssociation`).
    public var cidrAssociation: CIDRAssociationRules
    /// `instanceTypes.defaultOrder`, resolved once (the order edgeplan tries when a design names no type).
    public var defaultInstanceTypes: [InstanceType]

    /// Each Region's usage-type prefix in the AWS Price List, for the Regions `limits/regions.json`
    /// gives one (the offer importer matches usage types after it).
    public var priceListUsagePrefixes: [String: String] { regions.compactMapValues(\.priceListUsagePrefix?.prefix) }

    public init(limits: [Limit], regions: [RegionInfo], eksVersions: EKSVersionCalendar, instanceTypes: InstanceTypeTable,
                privateClusterEndpoints: [VPCEndpointService] = [], cidrAssociation: CIDRAssociationRules = CIDRAssociationRules(rules: [])) throws(ReferenceError) {
        var defaults: [InstanceType] = []
        for name in instanceTypes.defaultOrder.types {
            guard let type = instanceTypes.type(named: name) else {
                throw .malformed("limits/aws.json", "instanceTypes.defaultOrder names \(name), which is not in instanceTypes.types")
            }
            defaults.append(type)
        }
        self.defaultInstanceTypes = defaults
        self.cidrAssociation = cidrAssociation
        if let bad = instanceTypes.types.first(where: { $0.enis < 2 || $0.ipv4PerENI < 2 || $0.vcpus < 1 }) {
            throw .malformed("limits/aws.json", "instanceTypes: \(bad.name) has fewer than 2 ENIs or addresses per ENI, or no vCPU")
        }
        self.instanceTypes = instanceTypes
        self.privateClusterEndpoints = privateClusterEndpoints
        self.entries = Dictionary(limits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for region in regions {
            let lists = [region.azIds, region.eksControlPlaneUnsupportedAzIds].compactMap { $0 }
            if let bad = lists.flatMap(\.ids).first(where: { !RegionInfo.isZoneID($0) }) {
                throw .malformed("limits/regions.json", "\(region.code): '\(bad)' is not an AZ ID (such as use1-az1)")
            }
            if let ids = region.azIds?.ids, Set(ids).count != ids.count {
                throw .malformed("limits/regions.json", "\(region.code): an AZ ID is listed twice in azIds")
            }
            if let usage = region.priceListUsagePrefix, !usage.isWellFormed {
                throw .malformed("limits/regions.json", "\(region.code): priceListUsagePrefix '\(usage.prefix)' is not a usage-type prefix (capital letters and digits, such as EUC1)")
            }
        }
        let prefixes = regions.compactMap(\.priceListUsagePrefix?.prefix).sorted()
        if let twice = zip(prefixes, prefixes.dropFirst()).first(where: { $0 == $1 })?.0 {
            throw .malformed("limits/regions.json", "priceListUsagePrefix '\(twice)' is given for two Regions; a usage type would not say which Region it is in")
        }
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.limits = try AWSLimits(entries: entries)
        guard eksVersions.newestInStandardSupport != nil else {
            throw .malformed("limits/aws.json", "eksVersions: no version is in standard support on \(eksVersions.asOf)")
        }
        self.eksVersions = eksVersions
    }
}

/// The numeric AWS limits the planner and validators use, by the id they have in `limits/aws.json`.
public struct AWSLimits: Sendable, Equatable {
    public var vpcCidrShortestPrefix: Int
    public var vpcCidrLongestPrefix: Int
    public var subnetShortestPrefix: Int
    public var subnetLongestPrefix: Int
    public var subnetReservedAddresses: Int
    public var albSubnetLongestPrefix: Int
    public var albSubnetFreeAddresses: Int
    public var nlbAddressesPerAZ: Int
    public var endpointENIsPerAZ: Int
    public var natAddressesPerGateway: Int
    public var eksControlPlaneRecommendedFreeAddresses: Int
    public var eksControlPlaneMinimumAZs: Int
    public var eksClusterNameMaxLength: Int
    public var elbNameMaxLength: Int
    public var apiGatewayRESTTimeoutSeconds: Int
    public var apiGatewayHTTPTimeoutSeconds: Int
    public var apiGatewayPayloadMB: Int
    public var apiGatewayRESTVPCLinks: Int
    public var apiGatewayHTTPVPCLinks: Int
    public var vpcLinkInactiveDays: Int
    public var cloudFrontPrefixListWeight: Int
    public var cloudFrontPrefixListName: String
    public var securityGroupInboundRules: Int
    public var cloudFrontOriginTimeoutSeconds: Int
    public var stackNameMaxLength: Int
    public var webACLNameMaxLength: Int
    public var autoModeMaxPodsPerNode: Int
    public var cniWarmENITarget: Int
    public var cniWarmPrefixTarget: Int
    public var cniPrefixAddresses: Int
    public var maxPodsHostNetworkPods: Int
    public var nodeGroupMaxPodsLowVCPU: Int
    public var nodeGroupMaxPodsHighVCPU: Int
    public var nodeGroupMaxPodsVCPUThreshold: Int
    public var autoModeIngressClassController: String
    public var autoModeLoadBalancerClass: String
    public var autoModeAPIVersion: String
    public var globalAcceleratorStaticIPs: Int
    public var globalAcceleratorENIsPerALBSubnet: Int
    public var globalAcceleratorTCPIdleTimeoutSeconds: Int
    // The Kubernetes components edgeplan installs (`limits/kubernetes.json`).
    public var envoyGatewayVersion: String
    public var envoyGatewayChart: String
    public var envoyGatewayCRDsChart: String
    public var envoyGatewayControllerName: String
    public var envoyGatewayPrivilegedPortOffset: Int
    public var envoyGatewayReadinessPort: Int
    public var envoyGatewayReadinessPath: String
    public var gatewayAPIVersion: String
    public var ingressNginxHealthPort: Int
    public var ingressNginxHealthPath: String
    public var ingressNginxEndOfMaintenance: String
    public var ingressNginxLastRelease: String
    public var loadBalancerControllerChartVersion: String
    public var loadBalancerControllerALBGatewayController: String

    /// The ids read, so a test can check the data file has each one.
    public static let ids = [
        "vpc.cidr.min-prefix", "vpc.cidr.max-prefix", "vpc.subnet.min-prefix", "vpc.subnet.max-prefix",
        "vpc.subnet.reserved-addresses", "elb.alb.subnet.min-prefix", "elb.alb.subnet.min-free-addresses",
        "elb.nlb.addresses-per-az", "privatelink.endpoint.enis-per-az", "natgw.addresses-per-gateway",
        "eks.control-plane.subnet.recommended-free-addresses", "eks.control-plane.min-azs",
        "eks.cluster-name.max-length", "elb.name.max-length",
        "apigw.rest.integration-timeout-seconds", "apigw.http.integration-timeout-seconds", "apigw.payload-size-mb",
        "apigw.rest.vpc-links-per-region", "apigw.http.vpc-links-per-region", "apigw.vpc-link.inactive-days",
        "cloudfront.origin-facing-prefix-list.weight", "cloudfront.origin-facing-prefix-list.name",
        "ec2.security-group.inbound-rules.default-quota", "cloudfront.origin-response-timeout-seconds",
        "cloudformation.stack-name.max-length", "waf.web-acl-name.max-length",
        "eks.auto-mode.max-pods-per-node", "vpc-cni.warm-eni-target", "vpc-cni.warm-prefix-target", "vpc-cni.prefix-addresses",
        "eks.max-pods.host-network-pods", "eks.managed-node-group.max-pods-low-vcpu", "eks.managed-node-group.max-pods-high-vcpu", "eks.managed-node-group.max-pods-vcpu-threshold",
        "eks.auto-mode.ingress-class-controller", "eks.auto-mode.load-balancer-class", "eks.auto-mode.api-version",
        "globalaccelerator.static-ipv4-addresses", "globalaccelerator.enis-per-alb-subnet", "globalaccelerator.tcp-idle-timeout-seconds",
        "envoy-gateway.version", "envoy-gateway.chart", "envoy-gateway.crds-chart", "envoy-gateway.controller-name",
        "envoy-gateway.privileged-port-offset", "envoy-gateway.readiness-port", "envoy-gateway.readiness-path", "gateway-api.version",
        "ingress-nginx.health-port", "ingress-nginx.health-path", "ingress-nginx.end-of-maintenance", "ingress-nginx.last-release",
        "aws-load-balancer-controller.chart-version", "aws-load-balancer-controller.alb-gateway-controller",
    ]

    public init(entries: [String: Limit]) throws(ReferenceError) {
        func n(_ id: String) throws(ReferenceError) -> Int {
            guard let limit = entries[id] else { throw .missing(id) }
            guard case .number(let value) = limit.value else { throw .wrongType(id) }
            return value
        }
        func t(_ id: String) throws(ReferenceError) -> String {
            guard let limit = entries[id] else { throw .missing(id) }
            guard case .text(let value) = limit.value else { throw .wrongType(id) }
            return value
        }
        vpcCidrShortestPrefix = try n("vpc.cidr.min-prefix")
        vpcCidrLongestPrefix = try n("vpc.cidr.max-prefix")
        subnetShortestPrefix = try n("vpc.subnet.min-prefix")
        subnetLongestPrefix = try n("vpc.subnet.max-prefix")
        subnetReservedAddresses = try n("vpc.subnet.reserved-addresses")
        albSubnetLongestPrefix = try n("elb.alb.subnet.min-prefix")
        albSubnetFreeAddresses = try n("elb.alb.subnet.min-free-addresses")
        nlbAddressesPerAZ = try n("elb.nlb.addresses-per-az")
        endpointENIsPerAZ = try n("privatelink.endpoint.enis-per-az")
        natAddressesPerGateway = try n("natgw.addresses-per-gateway")
        eksControlPlaneRecommendedFreeAddresses = try n("eks.control-plane.subnet.recommended-free-addresses")
        eksControlPlaneMinimumAZs = try n("eks.control-plane.min-azs")
        eksClusterNameMaxLength = try n("eks.cluster-name.max-length")
        elbNameMaxLength = try n("elb.name.max-length")
        apiGatewayRESTTimeoutSeconds = try n("apigw.rest.integration-timeout-seconds")
        apiGatewayHTTPTimeoutSeconds = try n("apigw.http.integration-timeout-seconds")
        apiGatewayPayloadMB = try n("apigw.payload-size-mb")
        apiGatewayRESTVPCLinks = try n("apigw.rest.vpc-links-per-region")
        apiGatewayHTTPVPCLinks = try n("apigw.http.vpc-links-per-region")
        vpcLinkInactiveDays = try n("apigw.vpc-link.inactive-days")
        cloudFrontPrefixListWeight = try n("cloudfront.origin-facing-prefix-list.weight")
        cloudFrontPrefixListName = try t("cloudfront.origin-facing-prefix-list.name")
        securityGroupInboundRules = try n("ec2.security-group.inbound-rules.default-quota")
        cloudFrontOriginTimeoutSeconds = try n("cloudfront.origin-response-timeout-seconds")
        stackNameMaxLength = try n("cloudformation.stack-name.max-length")
        webACLNameMaxLength = try n("waf.web-acl-name.max-length")
        autoModeMaxPodsPerNode = try n("eks.auto-mode.max-pods-per-node")
        cniWarmENITarget = try n("vpc-cni.warm-eni-target")
        cniWarmPrefixTarget = try n("vpc-cni.warm-prefix-target")
        cniPrefixAddresses = try n("vpc-cni.prefix-addresses")
        maxPodsHostNetworkPods = try n("eks.max-pods.host-network-pods")
        nodeGroupMaxPodsLowVCPU = try n("eks.managed-node-group.max-pods-low-vcpu")
        nodeGroupMaxPodsHighVCPU = try n("eks.managed-node-group.max-pods-high-vcpu")
        nodeGroupMaxPodsVCPUThreshold = try n("eks.managed-node-group.max-pods-vcpu-threshold")
        autoModeIngressClassController = try t("eks.auto-mode.ingress-class-controller")
        autoModeLoadBalancerClass = try t("eks.auto-mode.load-balancer-class")
        autoModeAPIVersion = try t("eks.auto-mode.api-version")
        globalAcceleratorStaticIPs = try n("globalaccelerator.static-ipv4-addresses")
        globalAcceleratorENIsPerALBSubnet = try n("globalaccelerator.enis-per-alb-subnet")
        globalAcceleratorTCPIdleTimeoutSeconds = try n("globalaccelerator.tcp-idle-timeout-seconds")
        envoyGatewayVersion = try t("envoy-gateway.version")
        envoyGatewayChart = try t("envoy-gateway.chart")
        envoyGatewayCRDsChart = try t("envoy-gateway.crds-chart")
        envoyGatewayControllerName = try t("envoy-gateway.controller-name")
        envoyGatewayPrivilegedPortOffset = try n("envoy-gateway.privileged-port-offset")
        envoyGatewayReadinessPort = try n("envoy-gateway.readiness-port")
        envoyGatewayReadinessPath = try t("envoy-gateway.readiness-path")
        gatewayAPIVersion = try t("gateway-api.version")
        ingressNginxHealthPort = try n("ingress-nginx.health-port")
        ingressNginxHealthPath = try t("ingress-nginx.health-path")
        ingressNginxEndOfMaintenance = try t("ingress-nginx.end-of-maintenance")
        ingressNginxLastRelease = try t("ingress-nginx.last-release")
        loadBalancerControllerChartVersion = try t("aws-load-balancer-controller.chart-version")
        loadBalancerControllerALBGatewayController = try t("aws-load-balancer-controller.alb-gateway-controller")
    }
}

public enum ReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case wrongType(String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case .missing(let id): return "limits/aws.json and limits/kubernetes.json have no entry '\(id)'; add it with its source"
        case .wrongType(let id): return "the limits entry '\(id)' has the wrong type of value"
        case .malformed(let file, let detail): return "\(file) is not a valid edgeplan data file: \(detail)"
        }
    }
}

extension AWSReference {
    /// The zones a design's `azs` stands for: its zone names, or its AZ IDs when it lists those; a
    /// count takes the region's first zone names in order. Nil when the region is unknown or has
    /// fewer zones than asked for.
    public func azNames(_ choice: Network.AZChoice, region: String) -> [String]? {
        switch choice {
        case .names(let names): return names
        case .ids(let ids): return ids
        case .count(let n):
            guard let info = regions[region], n >= 0, n <= info.azs.count else { return nil }
            return Array(info.azs.prefix(n))
        }
    }

    /// The region whose AZ IDs (in `limits/regions.json`) include `zoneID`; nil when none does.
    public func region(ofZoneID zoneID: String) -> String? {
        regions.values.filter { $0.azIds?.ids.contains(zoneID) == true }.map(\.code).min()
    }
}

extension AWSReference {
    private struct LimitsFile: Decodable {
        var formatVersion: Int
        var limits: [Limit]
        var eksVersions: EKSVersionCalendar?
        var instanceTypes: InstanceTypeTable?
        var privateCluster: PrivateCluster?
        var vpcCidrAssociation: CIDRAssociationRules?
    }

    private struct PrivateCluster: Decodable {
        var note: String?
        var endpoints: [VPCEndpointService]
    }

    private struct RegionsFile: Decodable {
        var formatVersion: Int
        var regions: [RegionInfo]
    }

    /// Decodes `limits/aws.json`, `limits/kubernetes.json` and `limits/regions.json` (given as
    /// bytes: the caller reads them).
    public init(limitsJSON: Data, kubernetesJSON: Data, regionsJSON: Data) throws(ReferenceError) {
        let limits: LimitsFile
        let kubernetes: LimitsFile
        let regions: RegionsFile
        do { limits = try JSONDecoder().decode(LimitsFile.self, from: limitsJSON) } catch {
            throw .malformed("limits/aws.json", "\(error)")
        }
        do { kubernetes = try JSONDecoder().decode(LimitsFile.self, from: kubernetesJSON) } catch {
            throw .malformed("limits/kubernetes.json", "\(error)")
        }
        do { regions = try JSONDecoder().decode(RegionsFile.self, from: regionsJSON) } catch {
            throw .malformed("limits/regions.json", "\(error)")
        }
        guard let calendar = limits.eksVersions else { throw .malformed("limits/aws.json", "no eksVersions: the EKS release calendar is missing") }
        guard let instanceTypes = limits.instanceTypes else { throw .malformed("limits/aws.json", "no instanceTypes: the nodes' ENI limits are missing") }
        guard let privateCluster = limits.privateCluster, !privateCluster.endpoints.isEmpty else {
            throw .malformed("limits/aws.json", "no privateCluster.endpoints: the VPC endpoints of a cluster without NAT are missing")
        }
        let services = privateCluster.endpoints.map(\.service)
        guard Set(services).count == services.count else {
            throw .malformed("limits/aws.json", "privateCluster.endpoints: a service is listed twice")
        }
        guard let association = limits.vpcCidrAssociation, !association.rules.isEmpty,
              association.rules.allSatisfy({ ($0.primaryIn == "other" || IPv4Prefix($0.primaryIn) != nil) && $0.restricted.allSatisfy { IPv4Prefix($0) != nil } })
        else { throw .malformed("limits/aws.json", "vpcCidrAssociation: no rules, or a rule that is not a CIDR block") }
        try self.init(limits: limits.limits + kubernetes.limits, regions: regions.regions, eksVersions: calendar, instanceTypes: instanceTypes,
                      privateClusterEndpoints: privateCluster.endpoints, cidrAssociation: association)
    }
}

/// Which secondary IPv4 blocks a VPC refuses, by the range its primary block is in (Amazon VPC User
/// Guide, "IPv4 CIDR block association restrictions"); `other` stands for a primary block in none
/// of the listed ranges.
public struct CIDRAssociationRules: Sendable, Equatable, Codable {
    public struct Rule: Sendable, Equatable, Codable {
        public var primaryIn: String
        public var restricted: [String]
    }

    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// The restricted ranges a secondary block must stay out of beside `primary`.
    public func restricted(beside primary: IPv4Prefix) -> [IPv4Prefix] {
        let listed = rules.compactMap { r in IPv4Prefix(r.primaryIn).map { ($0, r) } }
        let matching = listed.filter { $0.0.contains(primary) }.map(\.1)
        let applying = matching.isEmpty ? rules.filter { $0.primaryIn == "other" } : matching
        return applying.flatMap { $0.restricted.compactMap(IPv4Prefix.init) }
    }
}
