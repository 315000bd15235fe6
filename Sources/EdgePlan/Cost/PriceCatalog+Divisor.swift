import EdgePlanCore
import Foundation

extension PriceCatalog {
    /// A dimension that quantities are divided by (a capacity unit's size, a metering step): it
    /// must be above zero, or the price file is malformed (an error located at the dimension).
    func divisor(_ item: String, _ name: String) throws(PriceError) -> Decimal {
        let value = try dimension(item, name)
        guard value > 0 else { throw malformed(item, field: "dimensions.\(name)", "must be above 0: quantities are divided by it") }
        return value
    }
}
