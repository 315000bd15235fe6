import Foundation

/// The prices of one region, from `pricing/aws/<region>.json`, as a value. Every price carries its
/// source; an item that is not in the file is an error naming the file and the item, never a zero.
public struct PriceCatalog: Sendable, Equatable {
    public struct Tier: Sendable, Equatable {
        /// Cumulative upper bound in the price's unit; nil for the last tier.
        public var upTo: Decimal?
        public var usd: Decimal

        public init(upTo: Decimal?, usd: Decimal) {
            self.upTo = upTo
            self.usd = usd
        }
    }

    /// How directly a price comes from AWS (`source.kind` in the file). Ordered from the most
    /// direct: a total is as good as the weakest price in it.
    public enum Evidence: String, Sendable, Equatable, Comparable, CaseIterable {
        /// An AWS Price List offer, imported or quoted with its publication date.
        case priceList = "price-list"
        /// An AWS pricing page, AWS documentation or an AWS blog post.
        case awsPage = "aws-page"
        /// A third-party document that quotes AWS with a date, or a bill line that divides to the
        /// price, cited with its URL or repository path at a commit.
        case secondary

        public static func < (a: Evidence, b: Evidence) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// The sentence shown beside a total that uses a `secondary` price.
        public static let secondaryAdvice = "Marked (secondary): a price this total uses is quoted by a third party, not read from AWS; replace it with `edgeplan pricing import` on the AWS Price List offer."
    }

    public struct Price: Sendable, Equatable {
        public var item: String
        public var description: String
        public var unit: String
        /// One tier without a bound for a flat price.
        public var tiers: [Tier]
        public var dimensions: [String: Decimal]
        public var note: String?
        public var source: Source
        /// How directly the price comes from AWS (`source.kind`).
        public var evidence: Evidence
        /// The terms of a CloudFront flat-rate plan (`cloudfront.flat-rate.*`): its name and what it
        /// includes and excludes; its fee is `usd` and its allowances are `dimensions`.
        public var flatRatePlan: FlatRatePlanTerms?

        public var isTiered: Bool { tiers.count > 1 }
        /// The first tier's price (the flat price for an untiered item).
        public var usd: Decimal { tiers[0].usd }

        public init(item: String, description: String, unit: String, tiers: [Tier], dimensions: [String: Decimal] = [:], note: String? = nil, source: Source,
                    evidence: Evidence = .awsPage, flatRatePlan: FlatRatePlanTerms? = nil) {
            self.flatRatePlan = flatRatePlan
            self.item = item
            self.description = description
            self.unit = unit
            self.tiers = tiers
            self.dimensions = dimensions
            self.note = note
            self.source = source
            self.evidence = evidence
        }
    }

    public var region: String
    public var regionName: String
    public var currency: String
    /// The file it came from, relative to the data folder, for messages and references.
    public var file: String
    public var prices: [String: Price] { didSet { flatRatePlans = Self.flatRatePlans(in: prices) } }
    /// The CloudFront flat-rate plans of the file, cheapest first (then by item), kept in step with
    /// `prices` so that pricing an option does not sort them again.
    public private(set) var flatRatePlans: [Price] = []
    /// Item → the path of its entry in the file (`prices[3]`), and path → where its value sits,
    /// for problems found only when a price is used (a dimension of 0 that is divided by).
    var entryPaths: [String: String] = [:]
    var locations: [String: SourceLocation] = [:]

    public init(region: String, regionName: String, currency: String = "USD", file: String, prices: [Price]) {
        self.region = region
        self.regionName = regionName
        self.currency = currency
        self.file = file
        self.prices = Dictionary(prices.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        flatRatePlans = Self.flatRatePlans(in: self.prices)
    }

    private static func flatRatePlans(in prices: [String: Price]) -> [Price] {
        prices.values.filter { $0.flatRatePlan != nil }.sorted { ($0.usd, $0.item) < ($1.usd, $1.item) }
    }

    public func price(_ item: String) throws(PriceError) -> Price {
        guard let price = prices[item] else { throw .missingItem(file: file, item: item) }
        return price
    }

    public func dimension(_ item: String, _ name: String) throws(PriceError) -> Decimal {
        guard let value = try price(item).dimensions[name] else {
            throw .missingDimension(file: file, item: item, dimension: name)
        }
        return value
    }

    /// A problem with `field` of `item`'s entry (`dimensions.newConnectionsPerSecond`), located in
    /// the file when the catalog was read from one, else at its top.
    public func malformed(_ item: String, field: String, _ message: String) -> PriceError {
        let path = entryPaths[item].map { "\($0).\(field)" } ?? field
        let location = locations[path] ?? SourceLocation(file: file, line: 1, column: 1)
        return .malformed([.error(path, "'\(item)': \(message)", at: location)])
    }
}

public enum PriceError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingRegion(folder: String, region: String)
    case missingItem(file: String, item: String)
    case missingDimension(file: String, item: String, dimension: String)
    /// The file is not a price file edgeplan can read exactly: every problem found, each located
    /// in the file (`pricing/aws/eu-west-1.json:12:15`) with the path to the value (`prices[0].usd`).
    case malformed([Diagnostic])

    public var description: String {
        switch self {
        case .missingRegion(let folder, let region):
            return "no price file for \(region): \(folder)/\(region).json does not exist; add it with sourced prices"
        case .missingItem(let file, let item):
            return "\(file) has no price for '\(item)'; add it with its source (edgeplan never guesses a price)"
        case .missingDimension(let file, let item, let dimension):
            return "\(file): '\(item)' has no dimension '\(dimension)'"
        case .malformed(let problems):
            return problems.map(\.formatted).joined(separator: "\n")
        }
    }

    /// The problems of a malformed file, located in it; nil for a price or file that is missing.
    public var malformedFile: [Diagnostic]? {
        if case .malformed(let problems) = self { return problems }
        return nil
    }
}
