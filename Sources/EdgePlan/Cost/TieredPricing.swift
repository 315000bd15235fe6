import EdgePlanCore
import Foundation

/// Graduated ("marginal") pricing over cumulative tiers, the way AWS bills data transfer, PrivateLink
/// processing, CloudFront and API Gateway requests: each part of a quantity is charged at the price
/// of the tier it falls in, so crossing a boundary never re-prices what lies below it. A quantity
/// exactly at a tier's `upTo` lies wholly in that tier.
public enum TieredPricing {
    /// One tier's share of a quantity.
    public struct Part: Sendable, Equatable {
        public var quantity: Decimal
        public var usd: Decimal

        public init(quantity: Decimal, usd: Decimal) {
            self.quantity = quantity
            self.usd = usd
        }
    }

    /// How `quantity` splits over `tiers` (only the tiers it reaches; nothing for zero or less).
    public static func parts(_ quantity: Decimal, tiers: [PriceCatalog.Tier]) -> [Part] {
        // One open-ended tier (most prices): all of a positive quantity at its price.
        if tiers.count == 1, tiers[0].upTo == nil { return quantity > 0 ? [Part(quantity: quantity, usd: tiers[0].usd)] : [] }
        var parts: [Part] = []
        var below = Decimal(0)
        for tier in tiers where quantity > below {
            let top = tier.upTo.map { min($0, quantity) } ?? quantity
            parts.append(Part(quantity: top - below, usd: tier.usd))
            guard let upTo = tier.upTo else { break }
            below = upTo
        }
        return parts
    }

    /// The charge for `quantity` over `tiers`, unrounded.
    public static func amount(_ quantity: Decimal, tiers: [PriceCatalog.Tier]) -> Decimal {
        amount(of: parts(quantity, tiers: tiers))
    }

    /// The charge for a quantity already split into tier parts (when the parts are shown too).
    public static func amount(of parts: [Part]) -> Decimal {
        if parts.count == 1 { return parts[0].quantity * parts[0].usd }
        return parts.reduce(Decimal(0)) { $0 + $1.quantity * $1.usd }
    }
}
