@_exported import EdgePlanCore

/// The whole flow in one place:
///
///     design.yaml ──parse──▶ Design ──validate──▶ Design ──plan──▶ Plan ──render/emit──▶ [OutputFile]
///                                                        ▲
///                      pricing/aws/<region>.json ────────┘ (a PriceCatalog value, read by the caller)
///
/// Planning runs subnets → options → costs (`CostPlanner`) → recommendation, so the ranking can
/// weigh each option's monthly cost. Every stage is a value with one method; nothing here touches disk.
public struct Pipeline: Sendable {
    public var parser = DesignParser()
    public var validator = DesignValidator()
    public var planner: SubnetPlanner
    /// Sets `deployStyle` on every option whose kind takes one, before validation (`emit --deploy-style`).
    public var deployStyleOverride: Frontend.DeployStyle?

    public init(reference: AWSReference, policy: PlanningPolicy = .standard) {
        planner = SubnetPlanner(reference: reference, policy: policy)
    }

    /// What a run produced: the plan when there were no errors, and every diagnostic, located.
    public struct Outcome: Sendable {
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
    }

    /// Parses and validates only.
    public func validate(_ text: String, file: String) -> (ParsedDesign?, [Diagnostic]) {
        var parsed: ParsedDesign
        do {
            parsed = try parser.parse(text, file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        if let style = deployStyleOverride {
            for i in parsed.design.frontends.indices where parsed.design.frontends[i].kind.descriptor.fields.contains(.deployStyle) {
                parsed.design.frontends[i].deployStyle = style
            }
        }
        let found = parsed.diagnostics + parsed.locate(validator.validate(parsed.design, reference: planner.reference))
        return (parsed, found)
    }

    /// Runs the whole flow. `prices` gives the catalog for a region (nil when there is none).
    public func run(_ text: String, file: String, prices: (String) -> PriceCatalog? = { _ in nil }) -> Outcome {
        run(text, file: file, pricing: { region in prices(region).map(PlanPricing.catalog) ?? .none })
    }

    /// Runs the whole flow; `pricing` gives the prices of a region, or why there are none.
    public func run(_ text: String, file: String, pricing: (String) -> PlanPricing) -> Outcome {
        plan(validate(text, file: file), pricing: pricing)
    }

    /// Plans what `validate` returned, so a caller that keeps the parsed design parses it once.
    public func plan(_ validated: (ParsedDesign?, [Diagnostic]), pricing: (String) -> PlanPricing = { _ in .none }) -> Outcome {
        let (parsed, found) = validated
        guard let parsed, !found.hasErrors else { return Outcome(plan: nil, diagnostics: found) }
        do {
            var plan = try planner.plan(parsed.design, pricing: pricing(parsed.design.region))
            parsed.locate(&plan)
            return Outcome(plan: plan, diagnostics: found + plan.notes)
        } catch {
            return Outcome(plan: nil, diagnostics: found + parsed.locate(error.diagnostics))
        }
    }
}

extension ParsedDesign {
    /// Gives the plan's notes and its options' refusals the locations of their fields.
    func locate(_ plan: inout Plan) {
        plan.notes = locate(plan.notes)
        for i in plan.options.indices {
            plan.options[i].refusals = locate(plan.options[i].refusals)
            plan.options[i].location = location(of: "frontends[\(i)]")
        }
    }
}
