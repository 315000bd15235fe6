import EdgePlanCore

extension LedgerAllocator {
    /// What importing ranges in use changed.
    public struct ImportReport: Sendable, Equatable {
        /// Ranges recorded as taken, in address order.
        public var added: [Ledger.TakenRange] = []
        /// Ranges already covered by the ledger (a taken range, or an environment's own VPC), as notes.
        public var skipped: [Diagnostic] = []
        /// Allocations that now record their VPC, found by its `edgeplan:env` tag.
        public var bound: [Ledger.Allocation] = []
        /// Added ranges that overlap an environment's block: someone uses addresses edgeplan handed
        /// out. `edgeplan cidr check` reports them until they are resolved.
        public var conflicts: [Diagnostic] = []

        /// Whether the ledger must be written.
        public var changed: Bool { !added.isEmpty || !bound.isEmpty }
    }

    /// Records every block not already covered. A block inside a taken range (or one added
    /// earlier in the same import) is skipped. A block inside an environment's allocation is that
    /// environment's own only by identity: its VPC is the one the allocation records, or, when it
    /// records none yet, the VPC carries the tag `edgeplan:env=<env>` (and is then recorded). Any
    /// other block there (another VPC, a subnet of an unknown VPC) is recorded as taken and
    /// reported as a conflict, as is a block that holds allocations. Importing the same output
    /// twice changes nothing.
    public mutating func importTaken(_ blocks: [AWSImport.Block]) -> ImportReport {
        var report = ImportReport()
        let incoming = blocks.sorted { $0.range.cidr != $1.range.cidr ? $0.range.cidr < $1.range.cidr : $0.range.source < $1.range.source }
        var covered = AddressSpace.canonicalCover(of: ledger.taken.map(\.cidr))
        // Indices into ledger.allocations by address, so a binding is seen by later blocks.
        let byAddress = ledger.allocations.indices.sorted { ledger.allocations[$0].cidr < ledger.allocations[$1].cidr }
        let sorted = byAddress.map { ledger.allocations[$0] }
        var addedSinceCover: [IPv4Prefix] = []
        for block in incoming {
            let range = block.range
            // Incoming ranges come in address order, so a range covered by one added in this run
            // is covered by the last one added.
            if AllocationOutsidePoolsRule.covered(range.cidr, by: covered) || addedSinceCover.last?.contains(range.cidr) == true {
                report.skipped.append(Diagnostic(.note, "", "\(range.cidr) (\(range.source)) is already recorded as taken"))
                continue
            }
            if let k = LedgerAllocator.containingIndex(range.cidr, in: sorted) {
                let i = byAddress[k]
                let owner = ledger.allocations[i]
                switch LedgerAllocator.identity(of: block, in: owner) {
                case .own:
                    report.skipped.append(Diagnostic(.note, "", "\(range.cidr) (\(range.source)) lies in \(owner.cidr), the block of env \(owner.env), and belongs to its VPC \(owner.vpc!): taken as that environment's own"))
                    continue
                case .bind(let vpc):
                    recordVPC(vpc, env: owner.env)
                    report.bound.append(ledger.allocations[i])
                    report.skipped.append(Diagnostic(.note, "", "\(range.cidr) (\(range.source)) lies in \(owner.cidr), the block of env \(owner.env), and its VPC is tagged \(AWSImport.envTagKey)=\(owner.env): \(vpc) is now recorded as that environment's VPC"))
                    continue
                case .stranger(let why):
                    report.conflicts.append(Diagnostic(.warning, block.path, "\(range.cidr) (\(range.source)) lies in \(owner.cidr), the block of env \(owner.env), but is not \(owner.env)'s VPC: \(why). Recorded as taken, so `edgeplan cidr check` reports the overlap until it is resolved; if it is \(owner.env)'s, remove that taken range and record the VPC with `edgeplan cidr allocate --env \(owner.env) --cidr \(owner.cidr) --vpc VPC-ID` (or tag it \(AWSImport.envTagKey)=\(owner.env) and import again)", at: block.location))
                }
            } else {
                for a in LedgerAllocator.inside(range.cidr, in: sorted) {
                    report.conflicts.append(Diagnostic(.warning, block.path, "\(range.cidr) (\(range.source)) overlaps \(a.cidr), allocated to env \(a.env): addresses edgeplan handed out are in use elsewhere; resolve it before allocating again", at: block.location))
                }
            }
            markTaken(range)
            report.added.append(range)
            addedSinceCover.append(range.cidr)
            if addedSinceCover.count > 64 {
                covered = AddressSpace.canonicalCover(of: covered + addedSinceCover)
                addedSinceCover = []
            }
        }
        return report
    }

    /// Whose a block inside `owner`'s allocation is.
    enum Identity: Equatable {
        /// The VPC the allocation records, or one of its subnets.
        case own
        /// The allocation records no VPC, and this one is tagged for its environment.
        case bind(vpc: String)
        /// Someone else's, and why.
        case stranger(String)
    }

    static func identity(of block: AWSImport.Block, in owner: Ledger.Allocation) -> Identity {
        let tag = AWSImport.envTagKey
        guard let vpc = block.vpc else { return .stranger("it names no VPC, so nothing shows it belongs to \(owner.env)") }
        if let recorded = owner.vpc {
            return recorded == vpc ? .own : .stranger("the ledger records \(recorded) as \(owner.env)'s VPC, not \(vpc)")
        }
        if block.envTag == owner.env, Ledger.isValidVPCId(vpc) { return .bind(vpc: vpc) }
        let tagged = block.envTag.map { "is tagged \(tag)=\($0)" } ?? "has no \(tag) tag"
        return .stranger("the ledger records no VPC for \(owner.env), and \(vpc) \(tagged)")
    }

    /// Imported blocks that hold a whole pool: recorded as taken, each would leave that pool
    /// nothing to hand out (`0.0.0.0/0` blocks every later allocation). Errors at the block, for
    /// the caller to refuse the import unless forced.
    public func blocksCoveringAPool(_ blocks: [AWSImport.Block]) -> [Diagnostic] {
        blocks.compactMap { block in
            guard let pool = ledger.pools.first(where: { block.range.cidr.contains($0.cidr) }) else { return nil }
            let why = block.range.cidr.length < 16 ? " No VPC or subnet block is larger than a /16, so this is not one; check the file." : ""
            return .error(block.path, "\(block.range.cidr) (\(block.range.source)) holds the whole pool \(pool.cidr): recorded as taken, it would leave nothing in that pool to allocate.\(why) Pass --force to record it anyway", at: block.location)
        }
    }

    /// The index of the allocation that contains `prefix`, in allocations sorted by address and disjoint.
    static func containingIndex(_ prefix: IPv4Prefix, in sorted: [Ledger.Allocation]) -> Int? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].cidr.network <= prefix.network { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, sorted[lo - 1].cidr.contains(prefix) else { return nil }
        return lo - 1
    }

    /// The allocations that lie inside `prefix`, from allocations sorted by address.
    static func inside(_ prefix: IPv4Prefix, in sorted: [Ledger.Allocation]) -> ArraySlice<Ledger.Allocation> {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].cidr.network < prefix.network { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < sorted.count, prefix.contains(sorted[end].cidr) { end += 1 }
        return sorted[lo..<end]
    }
}
