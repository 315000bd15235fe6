import EdgePlanCore
import Foundation

extension PriceCatalog {
    /// A dimension that quantities are divided by (a capacity unit's size, a metering step): it
    /// must be above zero, or the price file is malformed.
    func divisor(_ item: String, _ name: String) throws(PriceError) -> Decimal {
        let value = try dimension(item, name)
        guard value > 0 else { throw .malformed(file: file, detail: "'\(item)': dimension '\(name)' must be above 0") }
        return value
    }
}
