/// The prices a plan is made with: none asked for, the catalog of the design's region, or the
/// reason there is none (no price file for the region, or a file that cannot be read).
public enum PlanPricing: Sendable, Equatable {
    case none
    case catalog(PriceCatalog)
    case unavailable(PriceError)

    public var catalog: PriceCatalog? {
        if case .catalog(let c) = self { return c }
        return nil
    }
}
