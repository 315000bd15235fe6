import EdgePlan
import Foundation
import Testing

/// The live price files in `pricing/aws`, which change whenever prices are added or imported: each
/// one reads (every price sourced, with its kind of evidence), and the prices each example needs are
/// there, or the gap is one listed here. The cost model itself is tested on the pinned copies in
/// `Tests/Fixtures/pricing`, so that new prices change no cost test.
@Suite struct LivePriceFilesTests {
    static let folder = Fixtures.root.appendingPathComponent("pricing/aws")

    static func regions() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The prices the examples need that no source has been found for yet (pricing/README.md,
    /// "Missing"). A price added makes this test fail until its gap is struck off; a new gap fails
    /// it until it is listed, so the list says what `pricing/aws` lacks, no more and no less.
    static let knownGaps: [String: [String]] = [:]

    @Test func everyFileReadsAndEveryPriceSaysHowDirectlyItComesFromAWS() throws {
        let regions = try Self.regions()
        #expect(regions.count >= 4, "\(regions)")
        for region in regions {
            let file = "pricing/aws/\(region).json"
            let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(region).json"))
            let catalog = try PriceCatalog(json: data, file: file, region: region)
            for price in catalog.prices.values {
                #expect(price.source.kind == price.evidence.rawValue, "\(file)#\(price.item)")
                #expect(!(price.source.url ?? "").isEmpty && !(price.source.read ?? "").isEmpty, "\(file)#\(price.item): a source needs its URL and the day it was read")
            }
        }
    }

    @Test(arguments: try! Fixtures.examples())
    func everyExampleFindsThePricesItNeeds(_ example: String) throws {
        let plan = try Fixtures.examplePlan(example)
        if let reason = plan.unpriced { Issue.record("\(example) is not priced: \(reason)") }
        let missing = plan.pricing?.missing.map(\.item) ?? []
        let gaps = Self.knownGaps[plan.design.region] ?? []
        #expect(Set(missing).subtracting(gaps).sorted() == [], "\(example): \(plan.design.region) lacks prices it needs; add them with their source (pricing/README.md)")
    }

    /// Every listed gap is still a gap: a price added strikes its item off the list.
    @Test func theListedGapsAreStillMissing() throws {
        for (region, items) in Self.knownGaps {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(region).json"))
            let catalog = try PriceCatalog(json: data, file: "pricing/aws/\(region).json", region: region)
            for item in items { #expect(catalog.prices[item] == nil, "pricing/aws/\(region).json now prices \(item): strike it off knownGaps") }
        }
    }
}
