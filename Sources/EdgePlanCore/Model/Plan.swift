/// The planned design: everything renderers and emitters need, and nothing from the parser.
public struct Plan: Sendable, Equatable {
    public static let schemaVersion = 1

    public var design: DesignSummary
    public var vpc: VPCPlan
    /// The plan's zones in order: zone names, or AZ IDs when the design lists AZ IDs (`azKind`).
    public var availabilityZones: [String]
    /// Whether `availabilityZones` are zone names (account-specific in older regions) or AZ IDs.
    public var azKind: AZKind = .name
    public var subnets: [PlannedSubnet]
    public var sizing: [RoleSizing]
    public var capacity: Capacity
    public var layout: Layout
    /// Free space left in the VPC (and the pod CIDR), as the fewest CIDR blocks, in address order.
    public var freeCidrs: [IPv4Prefix]
    /// Warnings and notes about the plan (never errors: a plan with errors is not made).
    public var notes: [Diagnostic]
    /// The frontend options compared, in the design's order.
    public var options: [PlannedOption] = []
    public var recommendation: Recommendation?
    /// Where the cheapest option changes with traffic, and the sweep behind it (once priced).
    public var breakEven: [BreakEven] = []
    public var costSweep: CostSweep?
    /// The price file used and the source of every price the costs rest on (nil when not priced).
    public var pricing: PricingSummary?
    /// Why the options carry no costs (nil when they are priced, or when there is nothing to price).
    public var unpriced: UnpricedReason?
    /// The releases of what the emitted manifests and deploy guide install.
    public var software: Software
    /// The cluster's Kubernetes version and its EKS support.
    public var kubernetes: KubernetesVersionPlan
    /// The nodes' instance type and how the VPC CNI gives their pods addresses.
    public var nodes: NodePlan

    public init(
        design: DesignSummary, vpc: VPCPlan, availabilityZones: [String], subnets: [PlannedSubnet],
        sizing: [RoleSizing], capacity: Capacity, layout: Layout, freeCidrs: [IPv4Prefix], notes: [Diagnostic],
        software: Software, kubernetes: KubernetesVersionPlan, nodes: NodePlan
    ) {
        self.nodes = nodes
        self.kubernetes = kubernetes
        self.software = software
        self.design = design
        self.vpc = vpc
        self.availabilityZones = availabilityZones
        self.subnets = subnets
        self.sizing = sizing
        self.capacity = capacity
        self.layout = layout
        self.freeCidrs = freeCidrs
        self.notes = notes
    }

    public func subnets(role: SubnetRole) -> [PlannedSubnet] { subnets.filter { $0.role == role } }

    /// Addresses in the VPC block and its secondary blocks.
    public var totalAddresses: UInt64 { vpc.cidr.size + vpc.secondaryCidrs.reduce(0) { $0 + $1.size } }
    /// Addresses left free by the subnets.
    public var freeAddresses: UInt64 { freeCidrs.reduce(0) { $0 + $1.size } }
    public func subnets(az: String) -> [PlannedSubnet] { subnets.filter { $0.az == az } }
}

public struct DesignSummary: Sendable, Equatable {
    public var name: String
    public var region: String
    public var regionName: String?
    public var cluster: String
    public var frontends: [Frontend]
    /// The monthly traffic the design states (costs use it with their documented defaults).
    public var traffic: Traffic
    public var requirements: Requirements
    public var clusterMode: ClusterMode
    /// The subnets the EKS cluster is given (`ResourcesVpcConfig.SubnetIds`): its own control-plane
    /// subnets, or in EKS Auto Mode the node subnets, where Auto Mode's default NodeClass puts the nodes.
    public var clusterSubnets: SubnetRole

    public init(name: String, region: String, regionName: String?, cluster: String, frontends: [Frontend],
                traffic: Traffic = Traffic(), requirements: Requirements = Requirements(), clusterMode: ClusterMode = .standard,
                clusterSubnets: SubnetRole = .controlPlane) {
        self.name = name
        self.region = region
        self.regionName = regionName
        self.cluster = cluster
        self.frontends = frontends
        self.traffic = traffic
        self.requirements = requirements
        self.clusterMode = clusterMode
        self.clusterSubnets = clusterSubnets
    }
}

public struct VPCPlan: Sendable, Equatable {
    public var cidr: IPv4Prefix
    public var secondaryCidrs: [IPv4Prefix]
    /// How private subnets reach the internet, as the design asked (emitters build the NAT gateways from it).
    public var natGateways: Network.NATGateways
    /// The VPC endpoints the network stack makes: with no NAT gateway, every service the cluster
    /// must reach without the internet (`privateCluster` in `limits/aws.json`); otherwise none.
    public var endpoints: [VPCEndpointService]

    public init(cidr: IPv4Prefix, secondaryCidrs: [IPv4Prefix], natGateways: Network.NATGateways = .perAZ,
                endpoints: [VPCEndpointService] = []) {
        self.cidr = cidr
        self.secondaryCidrs = secondaryCidrs
        self.natGateways = natGateways
        self.endpoints = endpoints
    }

    /// The endpoints with an ENI in every AZ's endpoint subnet.
    public var interfaceEndpoints: [VPCEndpointService] { endpoints.filter { $0.type == .interface } }
}

/// A tag as a key and a value; a subnet's tags are kept sorted by key.
public struct ResourceTag: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// How a plan names its Availability Zones.
public enum AZKind: String, Sendable, Equatable, Codable {
    /// Zone names (`us-east-1a`): in older regions each account maps them to its own zones.
    case name
    /// AZ IDs (`use1-az1`): the same physical zone in every account; the names are unknown at plan time.
    case id
}

public struct PlannedSubnet: Sendable, Equatable {
    public var name: String
    public var role: SubnetRole
    /// The subnet's zone as the plan names it (`Plan.availabilityZones`): a zone name, or the AZ ID.
    public var az: String
    /// The AZ ID, when the design lists AZ IDs (nil with zone names: the account decides it).
    public var azId: String?
    public var cidr: IPv4Prefix
    /// Addresses left after AWS reserves its five (first four, last one).
    public var usableAddresses: Int
    public var tags: [ResourceTag]
    /// In prefix mode, the block at the end of a node or pod subnet reserved for the VPC CNI's /28
    /// prefixes (a subnet CIDR reservation of type prefix), so single addresses never fragment it.
    public var prefixReservation: IPv4Prefix?

    public init(name: String, role: SubnetRole, az: String, cidr: IPv4Prefix, usableAddresses: Int, tags: [ResourceTag],
                prefixReservation: IPv4Prefix? = nil, azId: String? = nil) {
        self.prefixReservation = prefixReservation
        self.azId = azId
        self.name = name
        self.role = role
        self.az = az
        self.cidr = cidr
        self.usableAddresses = usableAddresses
        self.tags = tags
    }
}

/// Why a role's subnets have the size they have.
public struct RoleSizing: Sendable, Equatable {
    /// One thing a subnet of this role holds in each AZ, and how many addresses it may take.
    public struct Demand: Sendable, Equatable {
        public var what: String
        public var addresses: Int

        public init(what: String, addresses: Int) {
            self.what = what
            self.addresses = addresses
        }
    }

    public var role: SubnetRole
    public var demands: [Demand]
    /// Addresses each AZ's subnet must leave usable, headroom included.
    public var addressesNeeded: Int
    /// The shortest allowed length that AWS or a component imposes (e.g. /27 for an ALB), if any.
    public var longestAllowedLength: Int?
    /// The chosen prefix length.
    public var length: Int
    /// Whether the design fixed the size in `network.subnetSizes`.
    public var fixedByDesign: Bool
    public var reason: String

    public init(role: SubnetRole, demands: [Demand], addressesNeeded: Int, longestAllowedLength: Int?, length: Int, fixedByDesign: Bool, reason: String) {
        self.role = role
        self.demands = demands
        self.addressesNeeded = addressesNeeded
        self.longestAllowedLength = longestAllowedLength
        self.length = length
        self.fixedByDesign = fixedByDesign
        self.reason = reason
    }
}

/// The nodes: their instance type (the design's, or the first of edgeplan's default order that runs
/// the pods), the VPC CNI's mode, and what each node takes from its subnets.
public struct NodePlan: Sendable, Equatable {
    public var instanceType: InstanceType
    /// Whether the design named the instance type (else edgeplan chose it).
    public var instanceTypeChosen: Bool
    public var cni: VPCCNI
    /// The most pods a node of the type runs: the EKS max-pods formula in this mode, capped by the
    /// ceiling managed node groups enforce (110 below 30 vCPUs, 250 above).
    public var maxPods: Int
    /// The kubelet's maxPods, set in the node group's launch template: the design's podsPerNode, so
    /// no node takes more addresses than the subnets were sized for.
    public var kubeletMaxPods: Int
    /// What one full node takes from its subnets.
    public var perNode: NodeAddresses

    /// Single addresses a node takes from the subnet its pods are in (the pod subnet with custom networking).
    public var singleAddressesBesidePods: Int { cni.customNetworking ? perNode.podSubnet : perNode.nodeSubnet }
    /// ENIs that carry pods (with custom networking the primary one does not).
    public var podENIsPerNode: Int { cni.customNetworking ? perNode.enis - 1 : perNode.enis }

    public init(instanceType: InstanceType, instanceTypeChosen: Bool, cni: VPCCNI, maxPods: Int, kubeletMaxPods: Int, perNode: NodeAddresses) {
        self.instanceType = instanceType
        self.instanceTypeChosen = instanceTypeChosen
        self.cni = cni
        self.maxPods = maxPods
        self.kubeletMaxPods = kubeletMaxPods
        self.perNode = perNode
    }
}

/// How many nodes and pods the planned subnets hold.
public struct Capacity: Sendable, Equatable {
    /// Nodes the design asks for at most, and pods per node.
    public var requestedNodes: Int
    public var podsPerNode: Int
    /// Nodes each AZ's subnets are sized for (enough to keep `requestedNodes` with one AZ lost).
    public var plannedNodesPerAZ: Int
    /// Nodes and pods that fit in the planned subnets, over all AZs.
    public var nodes: Int
    public var pods: Int
    /// Nodes that fit with the largest AZ lost.
    public var nodesWithOneAZLost: Int

    public init(requestedNodes: Int, podsPerNode: Int, plannedNodesPerAZ: Int, nodes: Int, pods: Int, nodesWithOneAZLost: Int) {
        self.requestedNodes = requestedNodes
        self.podsPerNode = podsPerNode
        self.plannedNodesPerAZ = plannedNodesPerAZ
        self.nodes = nodes
        self.pods = pods
        self.nodesWithOneAZLost = nodesWithOneAZLost
    }
}

/// How subnets were laid out in the VPC, which decides what stays put when the design grows.
public struct Layout: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Each role owns one aligned block with a slot per AZ up to `azSlots`: adding an AZ
        /// up to that count moves nothing.
        case roleBlocks = "role-blocks"
        /// The VPC was too small to keep empty AZ slots: subnets packed largest first.
        case compact
    }

    public var kind: Kind
    public var azSlots: Int
    /// Each role's whole block (role-blocks layout), in address order.
    public var roleBlocks: [RoleBlock]

    public struct RoleBlock: Sendable, Equatable {
        public var role: SubnetRole
        public var cidr: IPv4Prefix

        public init(role: SubnetRole, cidr: IPv4Prefix) {
            self.role = role
            self.cidr = cidr
        }
    }

    public init(kind: Kind, azSlots: Int, roleBlocks: [RoleBlock]) {
        self.kind = kind
        self.azSlots = azSlots
        self.roleBlocks = roleBlocks
    }
}

/// The Kubernetes software the emitted manifests and the deploy guide install, at the releases
/// `limits/kubernetes.json` names (with their sources).
public struct Software: Sendable, Equatable {
    public var gatewayAPIVersion: String
    public var envoyGatewayVersion: String
    public var envoyGatewayChart: String
    public var envoyGatewayCRDsChart: String
    public var envoyGatewayControllerName: String
    public var loadBalancerControllerChartVersion: String
    /// The GatewayClass controllerName of the AWS Load Balancer Controller's ALB Gateways.
    public var loadBalancerControllerALBGateway: String
    public var ingressNginxLastRelease: String
    /// EKS Auto Mode's IngressClass controller, NLB class and API version of its own objects.
    public var autoModeIngressClassController: String
    public var autoModeLoadBalancerClass: String
    public var autoModeAPIVersion: String

    public init(gatewayAPIVersion: String, envoyGatewayVersion: String, envoyGatewayChart: String, envoyGatewayCRDsChart: String,
                envoyGatewayControllerName: String, loadBalancerControllerChartVersion: String, loadBalancerControllerALBGateway: String,
                ingressNginxLastRelease: String, autoModeIngressClassController: String, autoModeLoadBalancerClass: String,
                autoModeAPIVersion: String) {
        self.autoModeIngressClassController = autoModeIngressClassController
        self.autoModeLoadBalancerClass = autoModeLoadBalancerClass
        self.autoModeAPIVersion = autoModeAPIVersion
        self.gatewayAPIVersion = gatewayAPIVersion
        self.envoyGatewayVersion = envoyGatewayVersion
        self.envoyGatewayChart = envoyGatewayChart
        self.envoyGatewayCRDsChart = envoyGatewayCRDsChart
        self.envoyGatewayControllerName = envoyGatewayControllerName
        self.loadBalancerControllerChartVersion = loadBalancerControllerChartVersion
        self.loadBalancerControllerALBGateway = loadBalancerControllerALBGateway
        self.ingressNginxLastRelease = ingressNginxLastRelease
    }

    public init(_ l: AWSLimits) {
        self.init(gatewayAPIVersion: l.gatewayAPIVersion, envoyGatewayVersion: l.envoyGatewayVersion, envoyGatewayChart: l.envoyGatewayChart,
                  envoyGatewayCRDsChart: l.envoyGatewayCRDsChart, envoyGatewayControllerName: l.envoyGatewayControllerName,
                  loadBalancerControllerChartVersion: l.loadBalancerControllerChartVersion,
                  loadBalancerControllerALBGateway: l.loadBalancerControllerALBGatewayController, ingressNginxLastRelease: l.ingressNginxLastRelease,
                  autoModeIngressClassController: l.autoModeIngressClassController, autoModeLoadBalancerClass: l.autoModeLoadBalancerClass,
                  autoModeAPIVersion: l.autoModeAPIVersion)
    }
}
