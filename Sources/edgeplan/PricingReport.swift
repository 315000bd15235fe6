import EdgePlan
import Foundation

/// What `pricing import` and `pricing fetch` print: the offer cited and, per price file, each item
/// added, changed or unchanged.
enum PricingReport {
    /// `AWS Price List offer AWSELB 20260911124544 (published 2026-09-11)`: the title the imported
    /// entries' sources carry, with the publication date.
    static func offer(_ reading: OfferImporter.Reading) -> String {
        "AWS Price List offer \(reading.offerCode) \(reading.version) (published \(reading.publicationDate.prefix(10)))"
    }

    static func changes(_ changes: [(file: String, changes: [OfferImporter.Change])]) -> String {
        var out = ""
        for (file, changes) in changes {
            out += "\(file)\n"
            let width = changes.map(\.item.count).max() ?? 0
            for c in changes {
                let item = c.item.padding(toLength: width, withPad: " ", startingAt: 0)
                switch c.kind {
                case .added: out += "  added      \(item)  \(c.new)\n"
                case .changed: out += "  changed    \(item)  \(c.old ?? "?") → \(c.new)\n"
                case .unchanged: out += "  unchanged  \(item)  \(c.new)\n"
                }
            }
        }
        return out
    }

    static func written(_ count: Int) -> String {
        "\(count) file\(count == 1 ? "" : "s") written\n"
    }
}
