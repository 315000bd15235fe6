import Foundation

/// How an option's CloudFront distribution is priced: pay-as-you-go (its CloudFront lines and the
/// lines of a web ACL on it), or the cheapest CloudFront flat-rate plan whose allowances hold the
/// traffic and whose limits the option fits, whichever costs less. Each plan considered is here
/// with what rules it out, so a reader sees why the chosen pricing won.
public struct CloudFrontPlanChoice: Sendable, Equatable {
    /// Why a plan cannot carry the option; `sentence` says it.
    public enum Reason: Sendable, Equatable {
        case requests(used: Decimal, allowed: Decimal)
        /// GB of data out and to the origin.
        case data(used: Decimal, allowed: Decimal)
        case wafRules(used: Decimal, allowed: Decimal)
        /// The option uses a feature the plan does not include.
        case notIncluded(FlatRateFeature)
        /// The option uses a feature the plan does not allow.
        case notAllowed(FlatRateFeature)
        /// The price file does not state this term of the plan (a dimension's name).
        case unstated(String)

        public var sentence: String {
            switch self {
            case .requests(let used, let allowed):
                return "\(groupedDecimal(used.rounded(0))) requests a month are more than its \(groupedDecimal(allowed)) allowance"
            case .data(let used, let allowed):
                return "\(groupedDecimal(used.rounded(2))) GB a month (data out and to the origin) are more than its \(groupedDecimal(allowed)) GB allowance"
            case .wafRules(let used, let allowed):
                return "\(groupedDecimal(used)) WAF rules are more than the \(groupedDecimal(allowed)) it allows"
            case .notIncluded(let f): return "it does not include \(f.phrase)"
            case .notAllowed(let f): return "it does not allow \(f.phrase)"
            case .unstated(let term): return "the price file does not state its '\(term)'"
            }
        }
    }

    /// One plan of the price file, and why it cannot carry the option (nothing when it can).
    public struct Candidate: Sendable, Equatable {
        public var item: String
        public var name: String
        public var fee: Decimal
        public var ruledOutBy: [Reason]
        public var fits: Bool { ruledOutBy.isEmpty }

        public init(item: String, name: String, fee: Decimal, ruledOutBy: [Reason]) {
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
    /// Whether the web ACL (and so its lines) is on the distribution.
    public var wafOnDistribution: Bool
    /// What that plan includes, the features other plans of the file include and it does not, what
    /// no distribution on it may use, and its WAF rule limit.
    public var includes: [FlatRateFeature]
    public var unavailable: [FlatRateFeature]
    public var excludes: [FlatRateFeature]
    public var wafRuleLimit: Decimal?
    /// What taking the plan asks of the option beyond its price (AWS requires a web ACL on the distribution).
    public var conditions: [String]
    /// The pay-as-you-go lines the chosen plan replaced (none when pay-as-you-go is chosen).
    public var replaced: [MonthlyCost.Line]

    public init(component: String, covers: [String], payAsYouGo: Decimal, payAsYouGoUnpriced: [String] = [], candidates: [Candidate], chosen: String?,
                cheapestFit: String?, wafOnDistribution: Bool, allowances: [Allowance] = [], outgrownAboveDataOutGB: Decimal? = nil, outgrownBy: String? = nil,
                includes: [FlatRateFeature] = [], unavailable: [FlatRateFeature] = [], excludes: [FlatRateFeature] = [], wafRuleLimit: Decimal? = nil,
                conditions: [String] = [], replaced: [MonthlyCost.Line] = []) {
        self.wafOnDistribution = wafOnDistribution
        self.unavailable = unavailable
        self.excludes = excludes
        self.wafRuleLimit = wafRuleLimit
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
        self.conditions = conditions
        self.replaced = replaced
    }

    /// The chosen plan, when there is one.
    public var chosenPlan: Candidate? { chosen.flatMap { item in candidates.first { $0.item == item } } }

    // The sentences, written only when shown (a sweep prices thousands of times and shows none).

    /// What the cheapest plan that holds the option includes.
    public var includesText: [String] {
        cheapestFit == nil ? [] : ["the distribution's data transfer out, data transfer to the origin and requests"] + includes.map(\.phrase)
    }

    /// What a distribution on that plan cannot use.
    public var notAllowedText: [String] {
        guard cheapestFit != nil else { return [] }
        return (wafRuleLimit.map { ["more than \(groupedDecimal($0)) WAF rules (custom rules and AWS Managed Rules)"] } ?? [])
            + unavailable.map { "\($0.phrase) (not on this plan)" } + excludes.map(\.phrase)
    }

    /// One sentence: what was chosen and why.
    public var summary: String {
        let lines = wafOnDistribution ? "the CloudFront and WAF lines" : "the CloudFront lines"
        func reasons(_ list: [Candidate]) -> String {
            list.map { "\($0.name): \($0.ruledOutBy.map(\.sentence).joined(separator: "; "))" }.joined(separator: "; ")
        }
        if let chosen = chosenPlan {
            let cheaper = candidates.prefix { $0.item != chosen.item }.filter { !$0.fits }
            return "Priced on the CloudFront \(chosen.name) flat-rate plan (\(money(chosen.fee)) a month) instead of pay-as-you-go (\(money(payAsYouGo)) for \(lines)"
                + (payAsYouGoUnpriced.isEmpty ? "" : " before \(payAsYouGoUnpriced.joined(separator: ", ")), which has no price") + "): "
                + "the cheapest plan that holds the traffic and the option" + (cheaper.isEmpty ? "." : " (\(reasons(cheaper))).")
        }
        if let fit = cheapestFit, let plan = candidates.first(where: { $0.item == fit }) {
            if !payAsYouGoUnpriced.isEmpty {
                return "Priced pay-as-you-go: the cheapest plan that holds the traffic, \(plan.name) (\(money(plan.fee)) a month), costs more than the priced part of \(lines) (\(money(payAsYouGo))), and \(payAsYouGoUnpriced.joined(separator: ", ")) has no price, so edgeplan cannot tell which is cheaper."
            }
            return "Priced pay-as-you-go (\(money(payAsYouGo)) for \(lines)): the cheapest plan that holds the traffic, \(plan.name), costs \(money(plan.fee)) a month."
        }
        return "Priced pay-as-you-go (\(money(payAsYouGo)) for \(lines)): no flat-rate plan holds the option (\(reasons(candidates)))."
    }
}
