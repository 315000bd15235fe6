import Foundation

/// An AWS Price List bulk offer file (`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/…/index.json`),
/// the parts edgeplan reads: `products` (SKU → product family and attributes such as `usagetype`,
/// `operation`, `regionCode`, `locationType`) and `terms.OnDemand` (SKU → term → price dimensions
/// with `unit`, `pricePerUnit.USD`, `beginRange`, `endRange`). Reserved terms are ignored.
public struct PriceOffer: Decodable, Sendable, Equatable {
    public struct Product: Decodable, Sendable, Equatable {
        public var sku: String
        public var productFamily: String?
        public var attributes: [String: String]
    }

    public struct Term: Decodable, Sendable, Equatable {
        public var offerTermCode: String
        public var sku: String
        public var effectiveDate: String?
        public var priceDimensions: [String: PriceDimension]
    }

    public struct PriceDimension: Decodable, Sendable, Equatable {
        public var rateCode: String?
        public var description: String?
        public var beginRange: String?
        public var endRange: String?
        public var unit: String
        public var pricePerUnit: [String: String]
    }

    public struct Terms: Decodable, Sendable, Equatable {
        public var onDemand: [String: [String: Term]]?

        enum CodingKeys: String, CodingKey { case onDemand = "OnDemand" }
    }

    public var formatVersion: String
    public var offerCode: String
    public var version: String
    public var publicationDate: String
    public var products: [String: Product]
    public var terms: Terms
}
