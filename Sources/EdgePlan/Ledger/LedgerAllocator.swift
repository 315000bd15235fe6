import EdgePlanCore

/// Hands out and takes back blocks of a ledger, keeping its free space as a buddy-style index of
/// free blocks per prefix length (`AddressSpace`): allocating looks at the lowest free block of
/// each length at most as long as the one asked for, and never scans addresses or entries.
///
/// Build it once per run from a ledger that `LedgerChecker` found no problems in (no overlaps,
/// nothing outside the pools); every change keeps the ledger and the index in step.
public struct LedgerAllocator: Sendable {
    public private(set) var ledger: Ledger
    private var space: AddressSpace
    private var index: [String: Int]

    /// How big a block an environment needs.
    public enum Size: Sendable, Equatable {
        /// A block of exactly this prefix length (`--size /16`).
        case exactly(Int)
        /// A block of this length or a larger one (shorter prefix): what a design needs.
        case atLeast(Int)

        public var length: Int {
            switch self {
            case .exactly(let l), .atLeast(let l): return l
            }
        }
    }

    public struct Outcome: Sendable, Equatable {
        public var allocation: Ledger.Allocation
        /// False when the environment already had a block and got it again.
        public var isNew: Bool
    }

    /// Why a request cannot be met; `message` says what would work instead.
    public enum Failure: Error, Sendable, Equatable {
        case invalidEnv(String)
        case invalidLength(Int)
        case sizeMismatch(env: String, existing: IPv4Prefix, asked: Size)
        case full(length: Int, largestFree: IPv4Prefix?, freeAddresses: UInt64, pools: [IPv4Prefix])
        case notFree(IPv4Prefix)
        case otherVPC(env: String, recorded: String, asked: String)

        public var message: String {
            switch self {
            case .invalidEnv(let env):
                return "'\(env)' is not an environment name: use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. shop-prod)"
            case .invalidLength(let l):
                return "/\(l) is not a prefix length (0–32)"
            case .sizeMismatch(let env, let existing, let asked):
                let wanted: String
                switch asked {
                case .exactly(let l): wanted = "a /\(l)"
                case .atLeast(let l): wanted = "a /\(l) or larger"
                }
                return "\(env) already has \(existing) (a /\(existing.length)), not \(wanted); an environment keeps its block: release it first (`edgeplan cidr release --env \(env)`) to get one of another size"
            case .otherVPC(let env, let recorded, let asked):
                return "\(env)'s block is already used by \(recorded), not \(asked); an environment has one VPC: release it first to record another"
            case .notFree(let cidr):
                return "\(cidr) is not free: it overlaps an allocation or a taken range, or lies outside the pools (`edgeplan cidr list` shows them)"
            case .full(let length, let largest, let free, let pools):
                let poolText = pools.map(\.description).joined(separator: ", ")
                guard let largest else {
                    return "no /\(length) is free: the pools (\(poolText)) are fully used; add a pool to the ledger or release an environment"
                }
                return "no aligned /\(length) is free in the pools (\(poolText)): \(grouped(free)) addresses are free but the largest free block is \(largest) (a /\(largest.length)); ask for a /\(largest.length) or smaller, add a pool, or release an environment"
            }
        }
    }

    /// Indexes the free space of `ledger`: its pools minus every taken range and allocation.
    public init(_ ledger: Ledger) {
        self.ledger = ledger
        space = AddressSpace(pools: ledger.pools.map(\.cidr))
        for range in ledger.taken { space.remove(range.cidr) }
        index = [:]
        index.reserveCapacity(ledger.allocations.count)
        for (i, allocation) in ledger.allocations.enumerated() {
            space.remove(allocation.cidr)
            index[allocation.env] = index[allocation.env] ?? i
        }
    }

    public func allocation(env: String) -> Ledger.Allocation? { index[env].map { ledger.allocations[$0] } }

    /// Gives `env` its block: the one it already has (if its size fits the request), else the
    /// lowest-addressed aligned free block of the requested length. Deterministic: the same ledger
    /// and requests give the same blocks.
    public mutating func allocate(env: String, size: Size, purpose: String = Ledger.Allocation.defaultPurpose, note: String? = nil) -> Result<Outcome, Failure> {
        guard Ledger.isValidEnvName(env) else { return .failure(.invalidEnv(env)) }
        guard (0...32).contains(size.length) else { return .failure(.invalidLength(size.length)) }
        if let existing = allocation(env: env) {
            let fits: Bool
            switch size {
            case .exactly(let l): fits = Int(existing.cidr.length) == l
            case .atLeast(let l): fits = Int(existing.cidr.length) <= l
            }
            guard fits else { return .failure(.sizeMismatch(env: env, existing: existing.cidr, asked: size)) }
            return .success(Outcome(allocation: existing, isNew: false))
        }
        guard let block = space.allocate(length: size.length) else {
            let largest = space.largestFreeLength.flatMap { l in space.freeBlocks.first { Int($0.length) == l } }
            return .failure(.full(length: size.length, largestFree: largest, freeAddresses: space.freeAddressCount, pools: space.roots))
        }
        let allocation = Ledger.Allocation(env: env, cidr: block, purpose: purpose, note: note)
        index[env] = ledger.allocations.count
        ledger.allocations.append(allocation)
        return .success(Outcome(allocation: allocation, isNew: true))
    }

    /// Records `cidr`, a block `env` already uses (a VPC made before the ledger), as its
    /// allocation, with the id of the VPC that uses it when given; the block must be wholly free.
    /// Recording the same block again changes nothing, except to record a VPC it had none for
    /// (`isNew` is then true: the ledger changed).
    public mutating func claim(env: String, cidr: IPv4Prefix, purpose: String = Ledger.Allocation.defaultPurpose, vpc: String? = nil, note: String? = nil) -> Result<Outcome, Failure> {
        guard Ledger.isValidEnvName(env) else { return .failure(.invalidEnv(env)) }
        if let existing = allocation(env: env) {
            guard existing.cidr == cidr else { return .failure(.sizeMismatch(env: env, existing: existing.cidr, asked: .exactly(Int(cidr.length)))) }
            guard let vpc, existing.vpc != vpc else { return .success(Outcome(allocation: existing, isNew: false)) }
            if let recorded = existing.vpc { return .failure(.otherVPC(env: env, recorded: recorded, asked: vpc)) }
            recordVPC(vpc, env: env)
            return .success(Outcome(allocation: allocation(env: env)!, isNew: true))
        }
        guard space.take(cidr) else { return .failure(.notFree(cidr)) }
        let allocation = Ledger.Allocation(env: env, cidr: cidr, purpose: purpose, vpc: vpc, note: note)
        index[env] = ledger.allocations.count
        ledger.allocations.append(allocation)
        return .success(Outcome(allocation: allocation, isNew: true))
    }

    /// Records `vpc` as the VPC that uses `env`'s block (which must exist).
    public mutating func recordVPC(_ vpc: String, env: String) {
        guard let i = index[env] else { return }
        ledger.allocations[i].vpc = vpc
    }

    /// Takes `env`'s block back into the free space; nil when it had none.
    @discardableResult
    public mutating func release(env: String) -> Ledger.Allocation? {
        guard let i = index.removeValue(forKey: env) else { return nil }
        let allocation = ledger.allocations[i]
        let last = ledger.allocations.count - 1
        if i != last {
            ledger.allocations.swapAt(i, last)
            index[ledger.allocations[i].env] = i
        }
        ledger.allocations.removeLast()
        space.release(allocation.cidr)
        return allocation
    }

    /// Records a range in use elsewhere; it is never handed out while it stays in the ledger.
    public mutating func markTaken(_ range: Ledger.TakenRange) {
        space.remove(range.cidr)
        ledger.taken.append(range)
    }

    /// Whether every address of `prefix` is free (inside a pool, not taken, not allocated).
    public func isFree(_ prefix: IPv4Prefix) -> Bool { space.isFree(prefix) }

    /// Free addresses left in the pools.
    public var freeAddressCount: UInt64 { space.freeAddressCount }

    /// The lowest of the largest free blocks, or nil when the pools are full.
    public var largestFreeBlock: IPv4Prefix? {
        space.largestFreeLength.flatMap { l in space.freeBlocks.first { Int($0.length) == l } }
    }
}
