/// Why a plan's options carry no costs, precisely enough to act on. Renderers say it from this
/// value alone: they never see the price file, only what the cost stage found in it.
public enum UnpricedReason: Sendable, Equatable {
    /// A price, or one dimension of it, that the price file lacks, and the options that need it.
    public struct MissingPrice: Sendable, Equatable {
        public var item: String
        /// The dimension of `item` that is missing (`newConnectionsPerSecond`); nil for the whole item.
        public var dimension: String?
        /// The option ids that need it, in the plan's order.
        public var neededBy: [String]

        public init(item: String, dimension: String? = nil, neededBy: [String]) {
            self.item = item
            self.dimension = dimension
            self.neededBy = neededBy
        }
    }

    /// The plan was made without prices (none were given).
    case noPrices
    /// There is no price file for the design's region; `file` is where it would be.
    case noPriceFile(file: String)
    /// The price file is there but lacks prices the options need. Either every option is priced
    /// or none is, so none is.
    case missingPrices(file: String, [MissingPrice])
}
