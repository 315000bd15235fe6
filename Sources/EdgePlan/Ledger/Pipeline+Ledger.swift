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
        let (parsed, found) = validate(text, file: file)
        guard let parsed, !found.hasErrors else { return LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found), env: parsed?.design.name) }
        var design = parsed.design
        let env = design.name
        var allocation: LedgerAllocator.Outcome?
        var notes: [Diagnostic] = []
        switch design.network.vpcCidr {
        case .allocate:
            if let existing = allocator.allocation(env: env) {
                allocation = LedgerAllocator.Outcome(allocation: existing, isNew: false)
            } else {
                let length: Int
                do {
                    length = try planner.requiredLength(for: design)
                } catch {
                    return LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + parsed.locate(error.diagnostics)), env: env)
                }
                switch allocator.allocate(env: env, size: .atLeast(length)) {
                case .success(let outcome): allocation = outcome
                case .failure(let failure):
                    let d = Diagnostic.error("network.vpcCidr", "'allocate' needs a /\(length) from the ledger: \(failure.message)")
                    return LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + parsed.locate([d])), env: env)
                }
            }
            design.network.vpcCidr = .fixed(allocation!.allocation.cidr)
        case .fixed(let vpc):
            notes = parsed.locate(Pipeline.ledgerConflicts(vpc, env: env, allocator))
        }
        do {
            var plan = try planner.plan(design, pricing: pricing(design.region))
            parsed.locate(&plan)
            return LedgerOutcome(outcome: Outcome(plan: plan, diagnostics: found + notes + plan.notes), env: env, allocation: allocation)
        } catch {
            if let allocation, allocation.isNew { allocator.release(env: env) }
            var diagnostics = parsed.locate(error.diagnostics)
            if let allocation, !allocation.isNew {
                diagnostics.append(Diagnostic(.note, "network.vpcCidr", "\(env) keeps \(allocation.allocation.cidr) from the ledger; to plan it in a larger block, release it (`edgeplan cidr release --env \(env)`) and plan again", at: parsed.location(of: "network.vpcCidr")))
            }
            return LedgerOutcome(outcome: Outcome(plan: nil, diagnostics: found + notes + diagnostics), env: env)
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
