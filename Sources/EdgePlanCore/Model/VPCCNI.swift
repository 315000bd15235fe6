/// One EC2 instance type's networking, as the VPC CNI sees it (`limits/aws.json` `instanceTypes`).
public struct InstanceType: Sendable, Equatable, Codable {
    public var name: String
    public var vcpus: Int
    /// Network interfaces on the default network card, the only card the VPC CNI gives pods.
    public var enis: Int
    /// IPv4 addresses per interface, its own primary address included.
    public var ipv4PerENI: Int
    /// Nitro types can take /28 prefixes (prefix delegation); others only single addresses.
    public var nitro: Bool

    public init(name: String, vcpus: Int, enis: Int, ipv4PerENI: Int, nitro: Bool) {
        self.name = name
        self.vcpus = vcpus
        self.enis = enis
        self.ipv4PerENI = ipv4PerENI
        self.nitro = nitro
    }

    /// An AWS Graviton (arm64) type: its family's generation digit is followed by `g` (m7g, c6gn, t4g).
    public var graviton: Bool {
        let family = name.prefix { $0 != "." }
        guard let digit = family.firstIndex(where: \.isNumber) else { return false }
        return family[family.index(after: digit)...].hasPrefix("g")
    }
}

/// The instance types edgeplan knows, where their numbers come from, and the order it tries them
/// in when a design names none.
public struct InstanceTypeTable: Sendable, Equatable, Codable {
    public struct DefaultOrder: Sendable, Equatable, Codable {
        public var note: String
        public var types: [String]
    }

    public var note: String
    public var sources: [Source]
    public var defaultOrder: DefaultOrder
    public var types: [InstanceType]

    public init(note: String, sources: [Source], defaultOrder: DefaultOrder, types: [InstanceType]) {
        self.note = note
        self.sources = sources
        self.defaultOrder = defaultOrder
        self.types = types
    }

    public func type(named name: String) -> InstanceType? { types.first { $0.name == name } }
}

/// How the Amazon VPC CNI gives pods VPC addresses, and so how many addresses a node takes from
/// its subnets: the model edgeplan sizes node and pod subnets with (README, "Subnet sizing").
///
/// - Secondary-IP mode (the default), `WARM_ENI_TARGET=1`: a node attaches ENIs one at a time and
///   fills each with secondary addresses; ipamd keeps one whole ENI free beyond what pods use, up
///   to the type's ENI limit. A node with `p` pods holds `min(ENIs, ⌈p / (IPv4 per ENI − 1)⌉ + 1)`
///   ENIs, each with all its addresses.
/// - Prefix mode (`ENABLE_PREFIX_DELEGATION=true`, `WARM_PREFIX_TARGET=1`): ENIs take /28 prefixes
///   in place of secondary addresses; a node holds `⌈p / 16⌉ + 1` prefixes and one primary address
///   per ENI it needs for them. Prefixes must be contiguous, aligned /28s: edgeplan reserves them
///   (a subnet CIDR reservation of type prefix) so that single addresses never fragment them.
/// - Custom networking (a `podCidr`): the node's primary ENI, in the node subnet, carries no pods;
///   the other ENIs and their addresses or prefixes are in the pod subnet of the node's AZ.
public struct VPCCNI: Sendable, Equatable, Codable {
    public enum Mode: String, Sendable, Equatable, Codable {
        case secondaryIP = "secondary-ip"
        case prefix
    }

    public var mode: Mode
    public var customNetworking: Bool
    public var warmENITarget: Int
    public var warmPrefixTarget: Int
    public var prefixAddresses: Int
    /// The "+ 2" of the max-pods formula: host-network pods that take no VPC address.
    public var hostNetworkPods: Int

    public init(mode: Mode, customNetworking: Bool, warmENITarget: Int, warmPrefixTarget: Int, prefixAddresses: Int, hostNetworkPods: Int) {
        self.mode = mode
        self.customNetworking = customNetworking
        self.warmENITarget = warmENITarget
        self.warmPrefixTarget = warmPrefixTarget
        self.prefixAddresses = prefixAddresses
        self.hostNetworkPods = hostNetworkPods
    }

    /// ENIs that can carry pods: with custom networking the primary one does not.
    public func podENIs(_ type: InstanceType) -> Int { type.enis - (customNetworking ? 1 : 0) }

    /// The most pods a node of this type runs in this mode (the EKS max-pods formula, before any
    /// recommended ceiling). Prefix mode on a type that is not Nitro falls back to single addresses.
    public func maxPods(_ type: InstanceType) -> Int {
        let perENI = type.ipv4PerENI - 1
        let slots = mode == .prefix && type.nitro ? perENI * prefixAddresses : perENI
        return podENIs(type) * slots + hostNetworkPods
    }

    /// What one node with `pods` pods takes from its subnets.
    public func addresses(pods: Int, on type: InstanceType) -> NodeAddresses {
        let perENI = type.ipv4PerENI - 1
        switch mode {
        case .secondaryIP:
            let enis = min(podENIs(type), pods == 0 ? warmENITarget : divideRoundingUp(pods, perENI) + warmENITarget)
            let pool = enis * type.ipv4PerENI
            return customNetworking
                ? NodeAddresses(enis: enis + 1, prefixes: 0, nodeSubnet: 1, podSubnet: pool)
                : NodeAddresses(enis: enis, prefixes: 0, nodeSubnet: pool, podSubnet: 0)
        case .prefix:
            let prefixes = min(podENIs(type) * perENI, divideRoundingUp(pods, prefixAddresses) + warmPrefixTarget)
            let enis = max(1, divideRoundingUp(prefixes, perENI))
            return customNetworking
                ? NodeAddresses(enis: enis + 1, prefixes: prefixes, nodeSubnet: 1, podSubnet: enis)
                : NodeAddresses(enis: enis, prefixes: prefixes, nodeSubnet: enis, podSubnet: 0)
        }
    }

    private func divideRoundingUp(_ a: Int, _ b: Int) -> Int { b > 0 ? (a + b - 1) / b : 0 }
}

/// What one node takes: its ENIs, its /28 prefixes (prefix mode), and the single addresses it
/// takes from the node subnet and from the pod subnet (custom networking). Prefixes come from the
/// subnet the pods are in.
public struct NodeAddresses: Sendable, Equatable, Codable {
    public var enis: Int
    public var prefixes: Int
    public var nodeSubnet: Int
    public var podSubnet: Int

    public init(enis: Int, prefixes: Int, nodeSubnet: Int, podSubnet: Int) {
        self.enis = enis
        self.prefixes = prefixes
        self.nodeSubnet = nodeSubnet
        self.podSubnet = podSubnet
    }
}
