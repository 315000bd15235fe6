import EdgePlan

/// What `plan`, `emit` and `cost` share: the design read, the prices of its region found the same
/// way (`--pricing DIR`, else the bundled `pricing/aws`) and the pipeline run with them, so the
/// three price a design alike: `emit --out` writes the plan.json that `plan --out` writes.
enum DesignPlanning {
    /// `pricesRequired`: a missing price or price file is an error (`cost`) rather than a note.
    /// `freeTier`: deduct the account's free allowances (`--free-tier`).
    static func outcome(design: String, pricing: String?, ledger: String? = nil, pricesRequired: Bool = false, freeTier: Bool = false,
                        deployStyle: Frontend.DeployStyle? = nil, record: Bool = true, analysesTraffic: Bool = true) throws -> Pipeline.Outcome {
        try outcome(text: try DesignInput.read(design), file: design, pricing: pricing, ledger: ledger, pricesRequired: pricesRequired,
                    freeTier: freeTier, deployStyle: deployStyle, record: record, analysesTraffic: analysesTraffic)
    }

    /// The same for a design's text read elsewhere (`diff --git`); `file` names it in diagnostics.
    static func outcome(text: String, file: String, pricing: String?, ledger: String? = nil, pricesRequired: Bool = false, freeTier: Bool = false,
                        deployStyle: Frontend.DeployStyle? = nil, record: Bool = false, analysesTraffic: Bool = true) throws -> Pipeline.Outcome {
        let reference = try DataFiles.reference()
        let prices = try PricingFiles(option: pricing)
        var pipeline = Pipeline(reference: reference)
        pipeline.planner.costPlanner.pricesRequired = pricesRequired
        pipeline.planner.costPlanner.analysesTraffic = analysesTraffic
        if freeTier { pipeline.planner.costPlanner.model.lines.insert(.freeTier) }
        pipeline.deployStyleOverride = deployStyle
        return try PlanLedger.outcome(text, file: file, ledger: ledger, pipeline: pipeline, pricing: prices.pricing(for:), record: record)
    }
}
