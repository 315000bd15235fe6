import EdgePlanCore

extension Pipeline {
    /// What planning against a ledger produced.
    public struct LedgerOutcome: Sendable {
        public var outcome: Outcome
        /// The name the design is recorded under in the ledger (its `name`), when it parsed.
        public var env: String?
        /// The ledger block the design was planned in, when it said `vpcCidr: allocate`.
        public var allocation: LedgerAllocator.Outcome?

        public init(outcome: Outcome, env: String?, allocation: LedgerAllocator.Outcome? = nil) {
            self.outcome = outcome
            self.env = env
            self.allocation = allocation
        }
    }

    /// The whole flow for a design that may say `vpcCidr: allocate`:
    ///
    ///     design.yaml ──parse/validate──▶ Design ──size──▶ ledger block ──plan──▶ Plan
    ///
    /// The design gets the block its name already has, or the lowest free block of the size its
    /// subnets need (`SubnetPlanner.requiredLength`). A new block stays in `allocator` only when
    /// the plan succeeds, so a failed design changes nothing. A design with a fixed `vpcCidr` is
    /// planned as it is, with a warning when that block overlaps the ledger's other entries.
    public func run(_ text: String, file: String, allocator: inout LedgerAllocator,
                    pricing: (String) -> PlanPricing = { _ in .none }) -> LedgerOutcome {
        let staged = allocate(prepare(text, file: file, sizing: { _ in false }), allocator: &allocator)
        let result = finish(staged, pricing: pricing)
        if result.outcome.plan == nil, let allocation = staged.allocation, allocation.isNew { allocator.release(env: allocation.allocation.env) }
        return result
    }

    /// A design parsed, validated and, when it says `vpcCidr: allocate`, sized: what `run` does
    /// before it touches the ledger. Depends on the text alone, so designs can be prepared in parallel.
    public struct Prepared: Sendable {
        var parsed: ParsedDesign?
        var found: [Diagnostic]
        /// The block length `allocate` asks the ledger for, or why the design cannot be sized (nil:
        /// not sized yet, `allocate` sizes it when it needs a new block).
        var length: Result<Int, DiagnosticError>?

        /// The name the design is recorded under, when it parsed.
        public var env: String? { parsed?.design.name }
        /// The location of a field, when the design parsed.
        public func location(of path: String) -> SourceLocation? { parsed?.location(of: path) }
    }

    /// A prepared design with its ledger block (or its fixed block's ledger warnings): what is left
    /// is planning, which reads the allocator no more.
    public struct Allocated: Sendable {
        var prepared: Prepared
        var design: Design?
        var notes: [Diagnostic] = []
        /// Set when preparing or allocating already failed.
        var failed: LedgerOutcome?
        /// The ledger block the design is planned in, when it said `vpcCidr: allocate`.
        public var allocation: LedgerAllocator.Outcome?
    }

    /// Parses, validates and, when `sizing` says its name will want a new block, sizes; no ledger.
    public func prepare(_ text: String, file: String, sizing: (String) -> Bool = { _ in true }) -> Prepared {
        let (parsed, found) = validate(text, file: file)
        guard let parsed, !found.hasErrors else { return Prepared(parsed: parsed, found: found) }
        guard case .allocate = parsed.design.network.vpcCidr, sizing(parsed.design.name) else { return Prepared(parsed: parsed, found: found) }
        do throws(DiagnosticError) {
            return Prepared(parsed: parsed, found: found, length: .success(try planner.requiredLength(for: parsed.design)))
        } catch {
            return Prepared(parsed: parsed, found: found, length: .failure(error))
        }
    }

    /// The design gets the block its name already has, or the lowest free block of the size its
    /// subnets need; a fixed block gets its warnings against the ledger's other entries.
    public func allocate(_ prepared: Prepared, allocator: inout LedgerAllocator) -> Allocated {
        let found = prepared.found
        guard let parsed = prepared.parsed, !found.hasErrors else {
            return Allocated(prepared: prepared, failed: LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found), env: prepared.env))
        }
        var design = parsed.design
        let env = design.name
        switch design.network.vpcCidr {
        case .allocate:
            let allocation: LedgerAllocator.Outcome
            if let existing = allocator.allocation(env: env) {
                allocation = LedgerAllocator.Outcome(allocation: existing, isNew: false)
            } else {
                let length: Int
                do throws(DiagnosticError) {
                    length = try (prepared.length ?? Result { () throws(DiagnosticError) in try planner.requiredLength(for: design) }).get()
                } catch {
                    return Allocated(prepared: prepared, failed: LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + parsed.locate(error.diagnostics)), env: env))
                }
                switch allocator.allocate(env: env, size: .atLeast(length)) {
                case .success(let outcome): allocation = outcome
                case .failure(let failure):
                    let d = Diagnostic.error("network.vpcCidr", "'allocate' needs a /\(length) from the ledger: \(failure.message)")
                    return Allocated(prepared: prepared, failed: LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + parsed.locate([d])), env: env))
                }
            }
            design.network.vpcCidr = .fixed(allocation.allocation.cidr)
            return Allocated(prepared: prepared, design: design, allocation: allocation)
        case .fixed(let vpc):
            return Allocated(prepared: prepared, design: design, notes: parsed.locate(Pipeline.ledgerConflicts(vpc, env: env, allocator)))
        }
    }

    /// Plans an allocated design. A new block whose plan fails is the caller's to release
    /// (`run` does), so this reads nothing shared and designs can be finished in parallel.
    public func finish(_ staged: Allocated, pricing: (String) -> PlanPricing = { _ in .none }) -> LedgerOutcome {
        if let failed = staged.failed { return failed }
        guard let parsed = staged.prepared.parsed, let design = staged.design else { preconditionFailure("an allocated design has its design") }
        let found = staged.prepared.found
        let env = design.name
        do {
            var plan = try planner.plan(design, pricing: pricing(design.region))
            parsed.locate(&plan)
            return LedgerOutcome(outcome: Outcome(plan: plan, diagnostics: found + staged.notes + plan.notes), env: env, allocation: staged.allocation)
        } catch {
            var diagnostics = parsed.locate(error.diagnostics)
            if let allocation = staged.allocation, !allocation.isNew {
                diagnostics.append(Diagnostic(.note, "network.vpcCidr", "\(env) keeps \(allocation.allocation.cidr) from the ledger; to plan it in a larger block, release it (`edgeplan cidr release --env \(env)`) and plan again", at: parsed.location(of: "network.vpcCidr")))
            }
            return LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + staged.notes + diagnostics), env: env)
        }
    }

    /// Warnings for a fixed VPC block that shares addresses with another environment's block or a
    /// taken range in the ledger: the overlap that would break peering or a transit gateway later.
    static func ledgerConflicts(_ vpc: IPv4Prefix, env: String, _ allocator: LedgerAllocator) -> [Diagnostic] {
        // A block wholly free in the pools overlaps nothing recorded, but the ledger could hand it out.
        if allocator.isFree(vpc) {
            return [.warning("network.vpcCidr", "\(vpc) lies in the ledger's pools but is not recorded there, so the ledger could hand it to another environment: record it with `edgeplan cidr allocate --env \(env) --cidr \(vpc)`, or use `vpcCidr: allocate`")]
        }
        var found: [Diagnostic] = []
        for a in allocator.ledger.allocations where a.env != env && a.cidr.overlaps(vpc) {
            found.append(.warning("network.vpcCidr", "\(vpc) overlaps \(a.cidr), the ledger's block for env \(a.env): the two VPCs could never be peered or share a transit gateway; use `vpcCidr: allocate`"))
        }
        if let own = allocator.allocation(env: env), own.cidr != vpc {
            found.append(.warning("network.vpcCidr", "the ledger records \(own.cidr) for \(env), but the design fixes \(vpc)"))
        }
        // A taken range equal to the block, or inside it, is most likely this VPC itself or its
        // subnets, imported from AWS; one that strictly contains it is someone else's.
        if let t = allocator.ledger.taken.first(where: { $0.cidr != vpc && $0.cidr.contains(vpc) }) {
            found.append(.warning("network.vpcCidr", "\(vpc) lies inside \(t.cidr), taken by \(t.source) in the ledger; use `vpcCidr: allocate`"))
        }
        return found
    }
}
