import EdgePlanCore

/// Builds every frontend option of a design from its kind's description: the settings in effect,
/// the graph and how it is built, the needs it meets, its caveats.
public struct OptionPlanner: Sendable {
    public var caveats: CaveatEngine
    /// When false, the options carry no caveats and no refusals (the risks they take go unweighed):
    /// for `plan --fleet`, whose summary shows neither and plans thousands of designs.
    public var judges = true

    public init(caveats: CaveatEngine = CaveatEngine()) { self.caveats = caveats }

    public func options(for design: Design, limits: AWSLimits, azCount: Int, prices: PriceCatalog?) -> [PlannedOption] {
        let context = OptionContext(design: design, limits: limits, azCount: azCount)
        let stated = Need.allCases.filter { design.requirements.value(of: $0) }
        return design.frontends.enumerated().map { index, frontend in
            let kind = frontend.kind.descriptor
            let settings = kind.resolvedSettings(frontend, context)
            let built = kind.build(settings, context)
            let realization = Realization(kind: frontend.kind, clusterMode: design.clusterMode, settings: settings, router: built.router,
                                          entry: built.entry, discovery: built.discovery, nlbTLS: built.nlbTLS)
            let meets = stated.map { kind.assess($0, settings, built.topology, context) }
            let facts = OptionFacts(frontend: frontend, realization: realization, topology: built.topology, design: design, limits: limits,
                                    azCount: azCount, prices: prices)
            var option = PlannedOption(frontend: frontend, summary: kind.summary(settings, context), realization: realization,
                                       topology: built.topology, meets: meets, caveats: judges ? caveats.caveats(for: facts) : [])
            if judges { Self.weighRisks(&option, kind.risks(settings, context), at: "frontends[\(index)]") }
            return option
        }
    }

    /// Each risk the option takes (its kind's `risks`) is explained by the caveat of the same id.
    /// Accepted by the design, the caveat says so; otherwise it says edgeplan will not emit the
    /// option, and the option carries the refusal, located at the field that takes the risk.
    static func weighRisks(_ option: inout PlannedOption, _ risks: [AcceptedRisk], at path: String) {
        let accepted = option.realization.settings.acceptedRisks
        for risk in risks {
            let i = option.caveats.firstIndex { $0.id == risk.rawValue }
            if accepted.contains(risk) {
                if let i { option.caveats[i].detail += " The design accepts this risk (acceptRisk: \(risk.rawValue)), so edgeplan emits the option as it is." }
                continue
            }
            var why = "it takes the risk '\(risk.rawValue)'"
            if let i {
                let caveat = option.caveats[i]
                why = "\(lowercasedFirst(caveat.title)) (caveat \(caveat.id)). \(caveat.mitigation)"
                option.caveats[i].mitigation += " Until then edgeplan emits no files for this option, unless the design accepts the risk (acceptRisk: \(risk.rawValue))."
            }
            option.refusals.append(.error("\(path).\(risk.field)",
                "edgeplan will not emit option '\(option.id)': \(why) To emit it as it is, add acceptRisk: \(risk.rawValue) to the option."))
        }
    }

    private static func lowercasedFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
