import EdgePlanCore

/// Builds every frontend option of a design: its graph, the needs it meets, its caveats.
public struct OptionPlanner: Sendable {
    public var caveats: CaveatEngine

    public init(caveats: CaveatEngine = CaveatEngine()) { self.caveats = caveats }

    public func options(for design: Design, limits: AWSLimits, azCount: Int, prices: PriceCatalog?) -> [PlannedOption] {
        let context = OptionContext(design: design, limits: limits, azCount: azCount)
        let stated = Need.allCases.filter { design.requirements.value(of: $0) }
        return design.frontends.map { frontend in
            let option = FrontendOptions.option(for: frontend.kind)
            let topology = option.topology(frontend, context)
            let meets = stated.map { option.assess($0, frontend, topology, context) }
            let facts = OptionFacts(frontend: frontend, topology: topology, design: design, limits: limits, azCount: azCount, prices: prices)
            return PlannedOption(frontend: frontend, summary: option.summary, topology: topology, meets: meets, caveats: caveats.caveats(for: facts))
        }
    }
}
