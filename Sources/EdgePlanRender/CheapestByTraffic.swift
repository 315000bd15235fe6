import EdgePlanCore
import Foundation

/// Which option is cheapest at what traffic, in words the report can print: the traffic bands of
/// the sweep (1 GB to 5 PB of data out a month, requests and connections in proportion) with the
/// cheapest option in each, and a warning when a break-even lies within ±25% of the design's own
/// traffic (the ranking then rests on the traffic estimate).
public struct CheapestByTraffic: Sendable, Equatable {
    public struct Band: Sendable, Equatable {
        /// The band's lower and upper end in GB of data out a month; nil for the sweep's own ends.
        public var fromGB: Decimal?
        public var toGB: Decimal?
        public var option: String
    }

    /// Whether the bands are over the options that meet every need the design states (else over all).
    public var amongOptionsMeetingEveryNeed: Bool
    public var bands: [Band]
    /// The break-evens within ±25% of the design's data out, nearest first.
    public var sensitive: [BreakEven]
    /// The design's data out (GB a month) the sensitivity is judged against.
    public var designGB: Decimal?

    /// The share of the design's traffic within which a break-even makes the ranking sensitive.
    public static let sensitivity = Decimal(string: "0.25")!

    public init(_ plan: Plan) {
        let meeting = Set(plan.options.filter { $0.unmetNeeds.isEmpty }.map(\.id))
        let pool = meeting.isEmpty ? Set(plan.options.map(\.id)) : meeting
        amongOptionsMeetingEveryNeed = !meeting.isEmpty && meeting.count < plan.options.count
        var bands: [Band] = []
        for point in plan.costSweep?.points ?? [] {
            guard let cheapest = point.totals.filter({ pool.contains($0.option) }).min(by: { $0.total < $1.total })?.option else { continue }
            if let last = bands.last, last.option == cheapest { continue }
            // Where the cheapest changes: the break-even between the two, else the first point priced.
            let previous = bands.last?.option
            let edge = plan.breakEven.last { $0.cheaperBelow == previous && $0.cheaperAbove == cheapest && $0.dataOutGB <= point.dataOutGB }?.dataOutGB
                ?? point.dataOutGB
            if !bands.isEmpty { bands[bands.count - 1].toGB = edge }
            bands.append(Band(fromGB: bands.isEmpty ? nil : edge, toGB: nil, option: cheapest))
        }
        self.bands = bands
        let own = plan.design.traffic.dataOutGB ?? plan.pricing?.traffic?.dataOutGB
        designGB = own
        if let own, own > 0 {
            sensitive = plan.breakEven.filter { abs($0.dataOutGB - own) <= own * Self.sensitivity }
                .sorted { abs($0.dataOutGB - own) < abs($1.dataOutGB - own) }
        } else {
            sensitive = []
        }
    }

    /// "cloudfront-vpc-origin is cheapest up to 4,567 GB a month, alb-controller from 4,567 GB to 1,234,000 GB, …"
    public var sentence: String {
        guard !bands.isEmpty else { return "No cost sweep: the cheapest option by traffic is unknown." }
        let parts = bands.enumerated().map { i, b -> String in
            let range: String
            switch (b.fromGB, b.toGB) {
            case (nil, nil): range = "at every traffic from 1 GB to 5 PB a month"
            case (nil, let to?): range = "up to \(BreakEvenText.gigabytes(to)) a month"
            case (let from?, nil): range = "from \(BreakEvenText.gigabytes(from))"
            case (let from?, let to?): range = "from \(BreakEvenText.gigabytes(from)) to \(BreakEvenText.gigabytes(to))"
            }
            return i == 0 ? "\(b.option) is cheapest \(range)" : "\(b.option) \(range)"
        }
        let among = amongOptionsMeetingEveryNeed ? "Of the options that meet every need, " : ""
        let text = parts.joined(separator: "; ")
        return among + (among.isEmpty ? text : text.prefix(1).lowercased() + text.dropFirst()) + "."
    }

    /// A warning when the ranking changes within ±25% of the design's traffic, else nil.
    public var sensitivitySentence: String? {
        guard let own = designGB, !sensitive.isEmpty else { return nil }
        let crossings = sensitive.map { "\($0.cheaperAbove) becomes cheaper than \($0.cheaperBelow) at \(BreakEvenText.gigabytes($0.dataOutGB))" }
        return "The ranking is sensitive to traffic: within 25% of this design's \(BreakEvenText.gigabytes(own)) a month, "
            + crossings.joined(separator: "; ") + "."
    }
}
