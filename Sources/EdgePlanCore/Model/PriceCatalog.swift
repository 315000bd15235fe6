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

    public struct Price: Sendable, Equatable {
        public var item: String
        public var description: String
        public var unit: String
        /// One tier without a bound for a flat price.
        public var tiers: [Tier]
        public var dimensions: [String: Decimal]
        public var note: String?
        public var source: Source

        public var isTiered: Bool { tiers.count > 1 }
        /// The first tier's price (the flat price for an untiered item).
        public var usd: Decimal { tiers[0].usd }

        public init(item: String, description: String, unit: String, tiers: [Tier], dimensions: [String: Decimal] = [:], note: String? = nil, source: Source) {
            self.item = item
            self.description = description
            self.unit = unit
            self.tiers = tiers
            self.dimensions = dimensions
            self.note = note
            self.source = source
        }
    }

    public var region: String
    public var regionName: String
    public var currency: String
    /// The file it came from, relative to the data folder, for messages and references.
    public var file: String
    public var prices: [String: Price]

    public init(region: String, regionName: String, currency: String = "USD", file: String, prices: [Price]) {
        self.region = region
        self.regionName = regionName
        self.currency = currency
        self.file = file
        self.prices = Dictionary(prices.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
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
}

public enum PriceError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingRegion(folder: String, region: String)
    case missingItem(file: String, item: String)
    case missingDimension(file: String, item: String, dimension: String)
    case malformed(file: String, detail: String)

    public var description: String {
        switch self {
        case .missingRegion(let folder, let region):
            return "no price file for \(region): \(folder)/\(region).json does not exist; add it with sourced prices"
        case .missingItem(let file, let item):
            return "\(file) has no price for '\(item)'; add it with its source (edgeplan never guesses a price)"
        case .missingDimension(let file, let item, let dimension):
            return "\(file): '\(item)' has no dimension '\(dimension)'"
        case .malformed(let file, let detail):
            return "\(file) is not a valid price file: \(detail)"
        }
    }
}

extension PriceCatalog {
    private struct File: Decodable {
        struct Entry: Decodable {
            struct TierEntry: Decodable {
                var upTo: String?
                var usd: String
            }

            var item: String
            var description: String
            var unit: String
            var usd: String?
            var tiers: [TierEntry]?
            var dimensions: [String: String]?
            var note: String?
            var source: Source
        }

        var formatVersion: Int
        var region: String
        var regionName: String
        var currency: String
        var prices: [Entry]
    }

    /// Decodes a price file's bytes (the caller reads the file). `file` names it in errors.
    public init(json: Data, file: String) throws(PriceError) {
        let decoded: File
        do { decoded = try JSONDecoder().decode(File.self, from: json) } catch {
            throw .malformed(file: file, detail: "\(error)")
        }
        guard decoded.formatVersion == 1 else {
            throw .malformed(file: file, detail: "format version \(decoded.formatVersion); this edgeplan reads version 1")
        }
        func number(_ text: String, _ item: String) throws(PriceError) -> Decimal {
            guard let d = Decimal(plainText: text)
            else { throw .malformed(file: file, detail: "'\(item)': '\(text)' is not a decimal price") }
            return d
        }
        var prices: [Price] = []
        for entry in decoded.prices {
            var tiers: [Tier] = []
            switch (entry.usd, entry.tiers) {
            case (let usd?, nil):
                tiers = [Tier(upTo: nil, usd: try number(usd, entry.item))]
            case (nil, let list?) where !list.isEmpty:
                for (i, t) in list.enumerated() {
                    let bound = try t.upTo.map { (s: String) throws(PriceError) -> Decimal in try number(s, entry.item) }
                    if (bound == nil) != (i == list.count - 1) {
                        throw .malformed(file: file, detail: "'\(entry.item)': only the last tier has no upTo")
                    }
                    if let bound, let previous = tiers.last?.upTo, bound <= previous {
                        throw .malformed(file: file, detail: "'\(entry.item)': tier bounds must rise")
                    }
                    tiers.append(Tier(upTo: bound, usd: try number(t.usd, entry.item)))
                }
            default:
                throw .malformed(file: file, detail: "'\(entry.item)' needs either usd or tiers")
            }
            var dimensions: [String: Decimal] = [:]
            for (k, v) in entry.dimensions ?? [:] { dimensions[k] = try number(v, entry.item) }
            prices.append(Price(item: entry.item, description: entry.description, unit: entry.unit, tiers: tiers,
                                dimensions: dimensions, note: entry.note, source: entry.source))
        }
        self.init(region: decoded.region, regionName: decoded.regionName, currency: decoded.currency, file: file, prices: prices)
    }
}
