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

        public init(component: String, item: String, quantity: Decimal, unit: String, unitPrice: String, amount: Decimal, priceRef: String) {
            self.component = component
            self.item = item
            self.quantity = quantity
            self.unit = unit
            self.unitPrice = unitPrice
            self.amount = amount
            self.priceRef = priceRef
        }
    }

    public var currency: String
    public var lines: [Line]
    public var total: Decimal

    public init(currency: String = "USD", lines: [Line]) {
        self.currency = currency
        self.lines = lines
        self.total = lines.reduce(Decimal(0)) { $0 + $1.amount }
    }
}
