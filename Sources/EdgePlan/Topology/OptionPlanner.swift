import EdgePlanCore

/// Builds every frontend option of a design from its kind's description: the settings in effect,
/// the graph and how it is built, the needs it meets, its caveats.
public struct OptionPlanner: Sendable {
    public var caveats: CaveatEngine

    public init(caveats: CaveatEngine = CaveatEngine()) { self.caveats = caveats }

    public func options(for design: Design, limits: AWSLimits, azCount: Int, prices: PriceCatalog?) -> [PlannedOption] {
        let context = OptionContext(design: design, limits: limits, azCount: azCount)
        let stated = Need.allCases.filter { design.requirements.value(of: $0) }
        return design.frontends.map { frontend in
            let kind = frontend.kind.descriptor
            let settings = kind.resolvedSettings(frontend, context)
            let built = kind.build(settings, context)
            let realization = Realization(kind: frontend.kind, clusterMode: design.clusterMode, settings: settings, router: built.router,
                                          entry: built.entry, discovery: built.discovery)
            let meets = stated.map { kind.assess($0, settings, built.topology, context) }
            let facts = OptionFacts(frontend: frontend, realization: realization, topology: built.topology, design: design, limits: limits,
                                    azCount: azCount, prices: prices)
            return PlannedOption(frontend: frontend, summary: kind.summary(settings, context), realization: realization, topology: built.topology,
                                 meets: meets, caveats: caveats.caveats(for: facts))
        }
    }
}
