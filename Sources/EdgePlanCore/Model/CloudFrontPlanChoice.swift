import Foundation

/// How an option's CloudFront distribution is priced: pay-as-you-go (its CloudFront lines and the
/// lines of a web ACL on it), or the cheapest CloudFront flat-rate plan whose allowances hold the
/// traffic and whose limits the option fits, whichever costs less. Each plan considered is here
/// with what rules it out, so a reader sees why the chosen pricing won.
public struct CloudFrontPlanChoice: Sendable, Equatable {
    /// One plan of the price file, and why it cannot carry the option (nothing when it can).
    public struct Candidate: Sendable, Equatable {
        public var item: String
        public var name: String
        public var fee: Decimal
        public var ruledOutBy: [String]
        public var fits: Bool { ruledOutBy.isEmpty }

        public init(item: String, name: String, fee: Decimal, ruledOutBy: [String]) {
            self.item = item
            self.name = name
            self.fee = fee
            self.ruledOutBy = ruledOutBy
        }
    }

    /// A monthly allowance or limit of a plan, and how much of it the option uses.
    public struct Allowance: Sendable, Equatable {
        /// "requests", "GB of data transfer", "WAF rules".
        public var what: String
        public var used: Decimal
        public var allowed: Decimal

        public init(what: String, used: Decimal, allowed: Decimal) {
            self.what = what
            self.used = used
            self.allowed = allowed
        }
    }

    /// The distribution the plan covers.
    public var component: String
    /// The components whose lines a plan replaces: the distribution, its VPC origin, its web ACL.
    public var covers: [String]
    /// What the lines a plan replaces cost pay-as-you-go: the distribution's and its web ACL's.
    public var payAsYouGo: Decimal
    /// Items of those lines that have no price in the file: then a plan is chosen only when it costs
    /// less than the part that is priced, since the rest is not known.
    public var payAsYouGoUnpriced: [String]
    /// Every plan of the price file, cheapest first.
    public var candidates: [Candidate]
    /// The plan the option is priced on (an item of `candidates`); nil when it is pay-as-you-go.
    public var chosen: String?
    /// The cheapest plan that holds the option (the chosen one, or one pay-as-you-go beat).
    public var cheapestFit: String?
    /// The allowances of the cheapest plan that holds the option, and their use.
    public var allowances: [Allowance]
    /// Monthly data out above which that plan's allowances no longer hold the traffic (requests and
    /// data in scaled in proportion, as the sweep scales them), and which allowance runs out first.
    public var outgrownAboveDataOutGB: Decimal?
    public var outgrownBy: String?
    /// What that plan includes, and what a distribution on it cannot use.
    public var includes: [String]
    public var notAllowed: [String]
    /// What taking the plan asks of the option beyond its price (AWS requires a web ACL on the distribution).
    public var conditions: [String]
    /// The pay-as-you-go lines the chosen plan replaced (none when pay-as-you-go is chosen).
    public var replaced: [MonthlyCost.Line]
    /// One sentence: what was chosen and why.
    public var summary: String

    public init(component: String, covers: [String], payAsYouGo: Decimal, payAsYouGoUnpriced: [String] = [], candidates: [Candidate], chosen: String?,
                cheapestFit: String?, allowances: [Allowance] = [], outgrownAboveDataOutGB: Decimal? = nil, outgrownBy: String? = nil,
                includes: [String] = [], notAllowed: [String] = [], conditions: [String] = [], replaced: [MonthlyCost.Line] = [], summary: String = "") {
        self.component = component
        self.covers = covers
        self.payAsYouGo = payAsYouGo
        self.payAsYouGoUnpriced = payAsYouGoUnpriced
        self.candidates = candidates
        self.chosen = chosen
        self.cheapestFit = cheapestFit
        self.allowances = allowances
        self.outgrownAboveDataOutGB = outgrownAboveDataOutGB
        self.outgrownBy = outgrownBy
        self.includes = includes
        self.notAllowed = notAllowed
        self.conditions = conditions
        self.replaced = replaced
        self.summary = summary
    }

    /// The chosen plan, when there is one.
    public var chosenPlan: Candidate? { chosen.flatMap { item in candidates.first { $0.item == item } } }
}
