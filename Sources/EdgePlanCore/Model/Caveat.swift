/// Something an architect must know about an option: a risk, a limit or an operational chore.
public struct Caveat: Sendable, Equatable {
    public enum Severity: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
        case critical, warning, info

        private var rank: Int { self == .critical ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Stable kebab-case id of the rule that raised it.
    public var id: String
    public var severity: Severity
    public var title: String
    /// Why it matters for this option.
    public var detail: String
    /// What to do about it.
    public var mitigation: String
    /// The AWS documentation page it rests on: page titles, separated by "; ".
    public var reference: String
    /// Addresses for the titles of `reference`, each with when it was read (a title without one
    /// stays plain text).
    public var referenceLinks: [Source] = []
    /// The component of the option's graph it concerns, where it concerns one (the diagram marks it).
    public var component: String?

    public init(id: String, severity: Severity, title: String, detail: String, mitigation: String, reference: String, component: String? = nil,
                referenceLinks: [Source] = []) {
        self.referenceLinks = referenceLinks
        self.id = id
        self.severity = severity
        self.title = title
        self.detail = detail
        self.mitigation = mitigation
        self.reference = reference
        self.component = component
    }
}

/// The needs a design can state, in the order they are reported.
public enum Need: String, Sendable, Equatable, CaseIterable, Codable {
    case waf, apiKeys, caching, privateOrigin, staticIps
}

/// Whether an option meets one stated need, and how (or why not).
public struct NeedAssessment: Sendable, Equatable {
    public var need: Need
    public var met: Bool
    public var why: String

    public init(need: Need, met: Bool, why: String) {
        self.need = need
        self.met = met
        self.why = why
    }
}

/// One frontend option of the plan: its graph, the needs it meets and its caveats.
public struct PlannedOption: Sendable, Equatable {
    public var frontend: Frontend
    /// One line on what the option is.
    public var summary: String
    /// How it is built: the settings in effect and the facts the emitters read.
    public var realization: Realization
    public var topology: Topology
    /// One entry per need the design states, in `Need` order.
    public var meets: [NeedAssessment]
    /// Sorted by severity, then id.
    public var caveats: [Caveat]
    /// The option's monthly cost, once priced.
    public var monthlyCost: MonthlyCost?
    /// Why edgeplan will not emit the option as designed: one error per risk the option takes that
    /// the design has not accepted (`acceptRisk`). The plan still compares it.
    public var refusals: [Diagnostic] = []
    /// Where the option's entry sits in the design file (`frontends[i]`), once located.
    public var location: SourceLocation?

    public init(frontend: Frontend, summary: String, realization: Realization, topology: Topology, meets: [NeedAssessment], caveats: [Caveat],
                monthlyCost: MonthlyCost? = nil) {
        self.frontend = frontend
        self.summary = summary
        self.realization = realization
        self.topology = topology
        self.meets = meets
        self.caveats = caveats
        self.monthlyCost = monthlyCost
    }

    public var id: String { frontend.id }
    public var unmetNeeds: [NeedAssessment] { meets.filter { !$0.met } }
    public func caveats(_ severity: Caveat.Severity) -> [Caveat] { caveats.filter { $0.severity == severity } }
}

/// The option edgeplan recommends, and why, in two sentences.
public struct Recommendation: Sendable, Equatable {
    public var option: String
    public var why: String
    /// Every option id, best first.
    public var ranking: [String]

    public init(option: String, why: String, ranking: [String]) {
        self.option = option
        self.why = why
        self.ranking = ranking
    }
}
