import EdgePlan
import Foundation
import Testing

/// Graduated tiers, just below, at and just above every boundary. Expected amounts are worked out
/// by hand from the published tiers (pricing/README.md), not from the code.
@Suite struct TieredPricingTests {
    static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    /// dataTransfer.internet-out: first 10 TB $0.09, next 40 TB $0.085, next 100 TB $0.07, then $0.05 (1 TB = 1,024 GB).
    static let internetOut = [
        PriceCatalog.Tier(upTo: 10240, usd: d("0.09")), .init(upTo: 51200, usd: d("0.085")),
        .init(upTo: 153600, usd: d("0.07")), .init(upTo: nil, usd: d("0.05")),
    ]

    @Test(arguments: [
        ("0", "0"), ("1", "0.09"), ("2000", "180"),
        ("10239", "921.51"), ("10240", "921.6"), ("10241", "921.685"),
        // 921.60 + 40,960 × 0.085 = 921.60 + 3,481.60
        ("51199", "4403.115"), ("51200", "4403.2"), ("51201", "4403.27"),
        // 4,403.20 + 102,400 × 0.07 = 4,403.20 + 7,168.00
        ("153599", "11571.13"), ("153600", "11571.2"), ("153601", "11571.25"),
        ("1000000", "53891.2"),  // 11,571.20 + 846,400 × 0.05
    ])
    func internetOutTiers(_ gb: String, _ expected: String) {
        #expect(TieredPricing.amount(Self.d(gb), tiers: Self.internetOut) == Self.d(expected))
    }

    /// privatelink.data-processed: first 1 PB $0.01, next 4 PB $0.006, then $0.004 (1 PB = 1,048,576 GB).
    static let privateLink = [
        PriceCatalog.Tier(upTo: 1_048_576, usd: d("0.01")), .init(upTo: 5_242_880, usd: d("0.006")), .init(upTo: nil, usd: d("0.004")),
    ]

    @Test(arguments: [
        ("10000", "100"),            // the seed's "10 TB processed ≈ $100" (10,000 GB)
        ("10240", "102.4"),          // 10 TB as AWS counts it (10 × 1,024 GB)
        ("1048575", "10485.75"), ("1048576", "10485.76"), ("1048577", "10485.766"),
        // 10,485.76 + 4,194,304 × 0.006 = 10,485.76 + 25,165.824
        ("5242879", "35651.578"), ("5242880", "35651.584"), ("5242881", "35651.588"),
    ])
    func privateLinkTiers(_ gb: String, _ expected: String) {
        #expect(TieredPricing.amount(Self.d(gb), tiers: Self.privateLink) == Self.d(expected))
    }

    /// apigw.rest.requests (us-east-1, million requests): 3.50 to 333 M, 2.80 to 1,000 M, 2.38 to 20,000 M, then 1.51.
    static let rest = [
        PriceCatalog.Tier(upTo: 333, usd: d("3.50")), .init(upTo: 1000, usd: d("2.80")), .init(upTo: 20000, usd: d("2.38")), .init(upTo: nil, usd: d("1.51")),
    ]

    @Test(arguments: [
        ("332", "1162"), ("333", "1165.5"), ("334", "1168.3"),
        ("999", "3030.3"), ("1000", "3033.1"), ("1001", "3035.48"),              // 1,165.50 + 667 × 2.80
        ("19999", "48250.72"), ("20000", "48253.1"), ("20001", "48254.61"),      // 3,033.10 + 19,000 × 2.38
    ])
    func restRequestTiers(_ millions: String, _ expected: String) {
        #expect(TieredPricing.amount(Self.d(millions), tiers: Self.rest) == Self.d(expected))
    }

    /// cloudfront.data-out: 0.085 / 0.080 / 0.060 / 0.040 / 0.030 / 0.025 / 0.020 at 10,240 / 51,200 / 153,600 / 512,000 / 1,048,576 / 5,242,880 GB.
    static let cloudFront = [
        PriceCatalog.Tier(upTo: 10240, usd: d("0.085")), .init(upTo: 51200, usd: d("0.080")), .init(upTo: 153600, usd: d("0.060")),
        .init(upTo: 512000, usd: d("0.040")), .init(upTo: 1_048_576, usd: d("0.030")), .init(upTo: 5_242_880, usd: d("0.025")), .init(upTo: nil, usd: d("0.020")),
    ]

    @Test(arguments: [
        ("10240", "870.4"), ("10241", "870.48"),
        ("51200", "4147.2"), ("51201", "4147.26"),                   // 870.40 + 40,960 × 0.08
        ("153600", "10291.2"), ("153601", "10291.24"),               // + 102,400 × 0.06
        ("512000", "24627.2"), ("512001", "24627.23"),               // + 358,400 × 0.04
        ("1048576", "40724.48"), ("1048577", "40724.505"),           // + 536,576 × 0.03
        ("5242880", "145582.08"), ("5242881", "145582.1"),           // + 4,194,304 × 0.025
    ])
    func cloudFrontTiers(_ gb: String, _ expected: String) {
        #expect(TieredPricing.amount(Self.d(gb), tiers: Self.cloudFront) == Self.d(expected))
    }

    @Test func aFlatPriceIsOneTierAndPartsNeverExceedTheQuantity() {
        let flat = [PriceCatalog.Tier(upTo: nil, usd: Self.d("0.0225"))]
        #expect(TieredPricing.amount(730, tiers: flat) == Self.d("16.425"))
        #expect(TieredPricing.parts(-5, tiers: Self.internetOut).isEmpty)
        let parts = TieredPricing.parts(60000, tiers: Self.internetOut)
        #expect(parts.map(\.quantity) == [10240, 40960, 8800])
        #expect(parts.map(\.usd) == [Self.d("0.09"), Self.d("0.085"), Self.d("0.07")])
    }
}
