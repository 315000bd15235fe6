import EdgePlanCore

/// The CIDR ledger: the pools that environments get VPC blocks from, the ranges already taken
/// elsewhere, and every block handed out. It lives in the user's repository as `cidr-ledger.yaml`
/// (read by `LedgerParser`, written by `LedgerSerializer`), so an allocation is a reviewed change.
///
/// The arrays keep the order they were read in (so diagnostics can point at entries); the file is
/// always written sorted by address.
public struct Ledger: Sendable, Equatable {
    /// The format version this build reads and writes (`edgeplan-ledger: 1`).
    public static let formatVersion = 1

    /// A range environments may be given blocks from. Several pools are allowed.
    public struct Pool: Sendable, Equatable {
        public var cidr: IPv4Prefix
        public var note: String?

        public init(cidr: IPv4Prefix, note: String? = nil) {
            self.cidr = cidr
            self.note = note
        }
    }

    /// A range that must never be handed out: reserved by the organisation, or in use somewhere
    /// edgeplan did not allocate (imported from `aws ec2 describe-vpcs` / `describe-subnets`).
    public struct TakenRange: Sendable, Equatable {
        public var cidr: IPv4Prefix
        /// Who holds it: `reserved`, or the VPC or subnet id it was imported from.
        public var source: String
        public var note: String?

        public init(cidr: IPv4Prefix, source: String, note: String? = nil) {
            self.cidr = cidr
            self.source = source
            self.note = note
        }
    }

    /// A block handed out to an environment. An environment has at most one.
    public struct Allocation: Sendable, Equatable {
        public var env: String
        public var cidr: IPv4Prefix
        /// What the block is for; `vpc` unless said otherwise.
        public var purpose: String
        /// The id of the AWS VPC that uses the block (`vpc-0abc…`), once known: recorded by
        /// `cidr allocate --cidr … --vpc …`, or by `cidr import` from the VPC's `edgeplan:env` tag.
        /// Only that VPC (and its subnets) may use the block; any other is an overlap.
        public var vpc: String?
        public var note: String?

        public init(env: String, cidr: IPv4Prefix, purpose: String = Allocation.defaultPurpose, vpc: String? = nil, note: String? = nil) {
            self.env = env
            self.cidr = cidr
            self.purpose = purpose
            self.vpc = vpc
            self.note = note
        }

        public static let defaultPurpose = "vpc"
    }

    public var pools: [Pool]
    public var taken: [TakenRange]
    public var allocations: [Allocation]

    public init(pools: [Pool], taken: [TakenRange] = [], allocations: [Allocation] = []) {
        self.pools = pools
        self.taken = taken
        self.allocations = allocations
    }

    /// The same entries in file order: each section by address, then by name, so the file is
    /// stable and a change shows up as the few lines it touches.
    public var sorted: Ledger {
        Ledger(
            pools: pools.sorted { ($0.cidr, $0.note ?? "") < ($1.cidr, $1.note ?? "") },
            taken: taken.sorted { ($0.cidr, $0.source, $0.note ?? "") < ($1.cidr, $1.source, $1.note ?? "") },
            allocations: allocations.sorted { ($0.cidr, $0.env) < ($1.cidr, $1.env) })
    }

    /// The block recorded for `env`, if any.
    public func allocation(env: String) -> Allocation? { allocations.first { $0.env == env } }

    /// Whether `name` can name an environment: lower-case letters, digits and single '-', starting
    /// and ending with a letter or digit, at most 63 characters (a DNS label, like design names).
    public static func isValidEnvName(_ name: String) -> Bool {
        name.utf8.count <= 63 && isKebab(name)
    }

    /// Whether `id` looks like an AWS VPC id: `vpc-` and 1 to 64 ASCII letters and digits
    /// (AWS writes 8 or 17 hexadecimal digits; its documentation's examples end in `EXAMPLE`).
    public static func isValidVPCId(_ id: String) -> Bool {
        let rest = id.utf8.dropFirst(4)
        return id.hasPrefix("vpc-") && (1...64).contains(rest.count)
            && rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
}

extension Ledger {
    /// Removes every allocation of `env` (one in a sound ledger) and returns what was removed.
    /// Works on a ledger with problems too: releasing is how some of them are fixed.
    public mutating func removeAllocations(env: String) -> [Allocation] {
        let removed = allocations.filter { $0.env == env }
        if !removed.isEmpty { allocations.removeAll { $0.env == env } }
        return removed
    }
}
