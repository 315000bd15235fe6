import Foundation

/// An option's monthly cost as priced lines; money in `Decimal`, never `Double`.
public struct MonthlyCost: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var component: String
        public var item: String
        public var quantity: Decimal
        public var unit: String
        /// The unit price, or a description of the tiers used.
        public var unitPrice: String
        public var amount: Decimal
        /// The price-file entry it used (`pricing/aws/<region>.json#<item>`).
        public var priceRef: String
        /// How the quantity was reached, when it is not plain (capacity units, metering steps).
        public var basis: String?
        /// How directly the price used comes from AWS (its `source.kind`).
        public var evidence: PriceCatalog.Evidence
        /// The price-file entry's `description`, when the line was priced in detail.
        public var description: String?
        /// For a tiered price, the tiers the quantity reached, in order (empty for a flat price):
        /// so a report can show one row per tier.
        public var tiers: [TierUse]

        public init(component: String, item: String, quantity: Decimal, unit: String, unitPrice: String, amount: Decimal, priceRef: String, basis: String? = nil,
                    evidence: PriceCatalog.Evidence = .priceList, description: String? = nil, tiers: [TierUse] = []) {
            self.evidence = evidence
            self.description = description
            self.tiers = tiers
            self.component = component
            self.item = item
            self.quantity = quantity
            self.unit = unit
            self.unitPrice = unitPrice
            self.amount = amount
            self.priceRef = priceRef
            self.basis = basis
        }
    }

    /// One tier's share of a tiered line: the tier spans `from` to `upTo` (nil: no upper bound) in
    /// the item's unit, cumulative over the month, and `quantity` of the line falls in it at `usd`.
    public struct TierUse: Sendable, Equatable {
        public var from: Decimal
        public var upTo: Decimal?
        public var quantity: Decimal
        public var usd: Decimal

        public init(from: Decimal, upTo: Decimal?, quantity: Decimal, usd: Decimal) {
            self.from = from
            self.upTo = upTo
            self.quantity = quantity
            self.usd = usd
        }

        /// The tier's charge, unrounded.
        public var amount: Decimal { quantity * usd }
    }

    /// A billed item the price file has no price for: shown as its own line, left out of `total`.
    public struct Unpriced: Sendable, Equatable {
        public var component: String
        public var item: String
        /// The quantity billed, when it is known without the price (a capacity unit's size comes
        /// with its price, so a missing LCU or NLCU price leaves its quantity unknown too).
        public var quantity: Decimal?
        public var unit: String?

        public init(component: String, item: String, quantity: Decimal? = nil, unit: String? = nil) {
            self.component = component
            self.item = item
            self.quantity = quantity
            self.unit = unit
        }

        /// "nlb.nlcu-hour × 123.4 NLCU-hour: no sourced price".
        public var sentence: String {
            let amount = quantity.map { " × \(groupedDecimal($0.rounded(4)))\(unit.map { " \($0)" } ?? "")" } ?? " (quantity not known without the price's unit definition)"
            return "\(item)\(amount): no sourced price"
        }
    }

    public var currency: String
    public var lines: [Line]
    public var total: Decimal
    /// Items billed but not priced (the price file lacks them), in line order; not in `total`.
    public var unpriced: [Unpriced] = []
    /// The items of `unpriced`, each once, sorted: options compare by cost only when these are equal.
    public var unpricedItems: [String] { Array(Set(unpriced.map(\.item))).sorted() }
    /// Whether totals compare: only when every cost (nil for an option not priced) lacks the same
    /// prices, since totals that leave out different items do not.
    public static func comparable(_ costs: [MonthlyCost?]) -> Bool {
        Set(costs.map { $0?.unpricedItems }).count <= 1
    }

    /// "$1,234.56", or "$1,234.56 + unpriced items" when some billed items have no price.
    public var totalText: String { money(total) + (unpriced.isEmpty ? "" : " + unpriced items") }
    /// Lines that are the same for every option (the EKS control plane): shown for context and
    /// left out of `total`, so that options compare like with like.
    public var shared: [Line]
    /// For an option with CloudFront: pay-as-you-go or a flat-rate plan, and why (nil without
    /// CloudFront, when the price file has no plans, and in totals-only costings for sweeps).
    public var cloudFrontPlan: CloudFrontPlanChoice?

    public init(currency: String = "USD", lines: [Line], shared: [Line] = [], unpriced: [Unpriced] = [],
                cloudFrontPlan: CloudFrontPlanChoice? = nil) {
        self.cloudFrontPlan = cloudFrontPlan
        self.currency = currency
        self.lines = lines
        self.unpriced = unpriced
        self.shared = shared
        self.total = lines.reduce(Decimal(0)) { $0 + $1.amount }
    }

    /// The weakest evidence of the prices in `total`: `.secondary` when any line's price is quoted
    /// by a third party rather than read from AWS.
    public var evidence: PriceCatalog.Evidence { lines.map(\.evidence).max() ?? .priceList }

    /// The items of `total` priced from secondary evidence, each once, in line order.
    public var secondaryItems: [String] {
        var seen: [String] = []
        for l in lines where l.evidence == .secondary && !seen.contains(l.item) { seen.append(l.item) }
        return seen
    }

    /// The cost as a bill shows it: every line's amount rounded to the cent (half away from zero)
    /// and its quantity to six decimal places; the total is the sum of the rounded lines.
    public func roundedToCents() -> MonthlyCost {
        func round(_ l: Line) -> Line {
            var l = l
            l.amount = l.amount.rounded(2)
            l.quantity = l.quantity.rounded(6)
            return l
        }
        var u = unpriced
        for k in u.indices { u[k].quantity = u[k].quantity?.rounded(6) }
        let rounded = lines.map(round)
        var plan = cloudFrontPlan
        if var p = plan {
            // The pay-as-you-go figure is the sum of the rounded lines it stands for, as every total is.
            p.replaced = p.replaced.map(round)
            let payAsYouGo = p.chosen == nil ? rounded.filter { p.covers.contains($0.component) } : p.replaced
            p.payAsYouGo = payAsYouGo.reduce(Decimal(0)) { $0 + $1.amount }
            plan = p
        }
        return MonthlyCost(currency: currency, lines: rounded, shared: shared.map(round), unpriced: u, cloudFrontPlan: plan)
    }
}

/// Where the cheapest option changes as traffic grows: below `dataOutGB` one option is cheaper,
/// above it the other.
public struct BreakEven: Sendable, Equatable {
    public var cheaperBelow: String
    public var cheaperAbove: String
    /// Monthly data out (GB) at the crossing, with requests and connections scaled in proportion.
    public var dataOutGB: Decimal

    public init(cheaperBelow: String, cheaperAbove: String, dataOutGB: Decimal) {
        self.cheaperBelow = cheaperBelow
        self.cheaperAbove = cheaperAbove
        self.dataOutGB = dataOutGB
    }
}

/// Every option's monthly total over a range of traffic (data out on a log scale), for charts.
public struct CostSweep: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var dataOutGB: Decimal
        /// Option id → monthly total, in the plan's option order.
        public var totals: [(option: String, total: Decimal)]

        public init(dataOutGB: Decimal, totals: [(option: String, total: Decimal)]) {
            self.dataOutGB = dataOutGB
            self.totals = totals
        }

        public static func == (a: Point, b: Point) -> Bool {
            a.dataOutGB == b.dataOutGB && a.totals.count == b.totals.count
                && zip(a.totals, b.totals).allSatisfy { $0.option == $1.option && $0.total == $1.total }
        }
    }

    public var points: [Point]

    public init(points: [Point]) { self.points = points }
}

/// The price file a plan was priced from, and the source of each price it used.
public struct PricingSummary: Sendable, Equatable {
    public var file: String
    public var region: String
    public var regionName: String
    /// Item id → where its price comes from, for the items the costs used.
    public var sources: [(item: String, source: Source)]
    /// The traffic the costs were computed for, defaults filled in.
    public var traffic: TrafficProfile?
    /// Items the options bill that the price file has no price for, and the options that bill
    /// them: those options are priced without them (their totals say "+ unpriced items").
    public var missing: [UnpricedReason.MissingPrice] = []
    /// Whether the account's free allowances were deducted (`--free-tier`), as negative lines.
    public var freeTier = false

    public init(file: String, region: String, regionName: String, sources: [(item: String, source: Source)], traffic: TrafficProfile? = nil) {
        self.file = file
        self.region = region
        self.regionName = regionName
        self.sources = sources
        self.traffic = traffic
    }

    public static func == (a: PricingSummary, b: PricingSummary) -> Bool {
        a.file == b.file && a.region == b.region && a.regionName == b.regionName && a.sources.map(\.item) == b.sources.map(\.item)
            && a.sources.map(\.source) == b.sources.map(\.source) && a.traffic == b.traffic && a.missing == b.missing
    }
}

/// "$1,234.56": dollars with grouping and two decimals, rounded half away from zero.
public func money(_ d: Decimal) -> String {
    let negative = d < 0
    let text = amountText(negative ? -d : d)
    return negative ? "-$\(text)" : "$\(text)"
}

/// "1,234.56": an amount of money with grouping and two decimals, rounded half away from zero.
public func amountText(_ d: Decimal) -> String {
    groupedNumberText(d.fixedString(2))
}
