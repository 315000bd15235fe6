import EdgePlan

/// `edgeplan plan DESIGN --ledger L`: a design that says `vpcCidr: allocate` gets its block from
/// the ledger (the one its name already has, or a new one) under the ledger's lock, and the
/// ledger is written only when the plan succeeds.
enum PlanLedger {
    /// `record: false` (for `validate`) plans in the block the ledger would give and writes nothing.
    static func outcome(_ text: String, file: String, ledger: String?, pipeline: Pipeline,
                        pricing: (String) -> PlanPricing, record: Bool = true) throws -> Pipeline.Outcome {
        guard let ledger else { return pipeline.run(text, file: file, pricing: pricing) }
        let result = try LedgerFile.update(ledger) { parsed -> (Pipeline.LedgerOutcome, Ledger?) in
            try LedgerFile.requireNoProblems(parsed)
            var allocator = LedgerAllocator(parsed.ledger)
            let result = pipeline.run(text, file: file, allocator: &allocator, pricing: pricing)
            let changed = record && result.allocation?.isNew == true && result.outcome.plan != nil
            return (result, changed ? allocator.ledger : nil)
        }
        if record, let allocation = result.allocation, allocation.isNew, result.outcome.plan != nil {
            Console.err("note: allocated \(allocation.allocation.cidr) to \(allocation.allocation.env) in \(ledger)\n")
        }
        return result.outcome
    }

    /// The argument rules of `plan`: one design, or `--fleet` (which prints only its table).
    static func validate(design: String?, fleet: String?, out: String?, json: Bool) -> String? {
        if design != nil && fleet != nil { return "give a design file or --fleet DIR, not both" }
        if design == nil && fleet == nil { return "give a design file, or --fleet DIR to plan every design in a folder" }
        if fleet != nil && (out != nil || json) { return "--fleet prints one summary table and writes no reports; --out and --format json work with one design" }
        return nil
    }
}
