import EdgePlan
import Foundation
import Testing

/// What `pricing fetch` reads before any offer: the service Region index of each offer, and which
/// offers it downloads.
@Suite struct PriceListRegionIndexTests {
    static let file = "http://127.0.0.1/offers/v1.0/aws/AWSELB/current/region_index.json"

    static func index(_ text: String) throws(DiagnosticError) -> PriceListRegionIndex {
        try PriceListRegionIndex(json: Data(text.utf8), offerCode: "AWSELB", file: file)
    }

    static func entry(_ region: String, _ url: String) -> String {
        #"{"formatVersion": "v1.0", "publicationDate": "2099-12-31T00:00:00Z", "regions": {"\#(region)": {"regionCode": "\#(region)", "currentVersionUrl": "\#(url)"}}}"#
    }

    @Test func theFixtureIndexGivesEachRegionItsVersionedOfferFile() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/pricelist/offers/v1.0/aws/AWSELB/current/region_index.json"))
        let index = try PriceListRegionIndex(json: data, offerCode: "AWSELB", file: Self.file)
        let offer = try #require(try index.offer(for: "eu-west-1", file: Self.file))
        #expect(offer.path == "/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json" && offer.version == "20991231000000")
        #expect(try index.offer(for: "us-east-1", file: Self.file)?.version == "20260911124544")
        // A Region the offer is not sold in has no file; a Local Zone is listed but never asked for.
        #expect(try index.offer(for: "ap-southeast-1", file: Self.file) == nil)
        #expect(index.offerPaths.keys.contains("us-east-1-chi-1"))
        #expect(PriceListRegionIndex.path(offerCode: "AWSELB") == "/offers/v1.0/aws/AWSELB/current/region_index.json")
    }

    /// Only a path of the published form is followed: never another host, offer, Region or folder.
    @Test(arguments: [
        "https://198.51.100.1/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json",
        "//198.51.100.1/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json",
        "/offers/v1.0/aws/AmazonVPC/20991231000000/eu-west-1/index.json",
        "/offers/v1.0/aws/AWSELB/20991231000000/eu-west-2/index.json",
        "/offers/v1.0/aws/AWSELB/../../../../etc/eu-west-1/index.json",
        "/offers/v1.0/aws/AWSELB/current/eu-west-1/index.json",
        "/offers/v1.0/aws/AWSELB//eu-west-1/index.json",
        "/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json?x=1",
    ])
    func anOfferPathOfAnyOtherFormIsRefused(_ url: String) throws {
        let index = try Self.index(Self.entry("eu-west-1", url))
        do {
            _ = try index.offer(for: "eu-west-1", file: Self.file)
            Issue.record("followed \(url)")
        } catch {
            #expect(error.diagnostics.map(\.formatted) == [
                "\(Self.file):1:1: error: regions.eu-west-1.currentVersionUrl: \(url.debugDescription) is not the path of an offer file (/offers/v1.0/aws/AWSELB/<version digits>/eu-west-1/index.json); edgeplan follows no other",
            ])
        }
    }

    @Test func whatIsNotARegionIndexIsAnError() throws {
        for text in ["", "[]", #"{"regions": []}"#, #"{"regions": {"eu-west-1": {"regionCode": "eu-west-1"}}}"#, "{\"regions\": {"] {
            #expect(throws: DiagnosticError.self, "\(text)") { try Self.index(text) }
        }
        do {
            _ = try Self.index(Self.entry("eu-west-1", "/x").replacingOccurrences(of: #""regionCode": "eu-west-1""#, with: #""regionCode": "eu-west-2""#))
            Issue.record("read a mislabelled Region")
        } catch {
            #expect(error.diagnostics.first?.message == #"is "eu-west-2", not the Region it is listed under"#)
        }
        let large = Data(repeating: 0x20, count: PriceListRegionIndex.maxBytes + 1)
        #expect(throws: DiagnosticError.self) { try PriceListRegionIndex(json: large, offerCode: "AWSELB", file: Self.file) }
    }

    /// Every offer of the front door is fetched or said not to be, and only offers with rules are fetched.
    @Test func theFetchPlanCoversEveryOfferOnce() {
        #expect(OfferFetchPlan.fetched == ["AWSELB", "AmazonApiGateway", "AmazonVPC"])
        let notFetched = OfferFetchPlan.notFetched.map(\.offerCode)
        #expect(notFetched == ["AmazonEC2", "AmazonCloudFront", "awswaf", "AWSDataTransfer", "AmazonEKS", "AWSGlobalAccelerator"])
        #expect(Set(OfferFetchPlan.fetched + notFetched) == Set(OfferFetchPlan.candidates + OfferItemMap.offerCodes))
        #expect(Set(OfferFetchPlan.fetched).isDisjoint(with: notFetched))
        #expect(OfferFetchPlan.fetched.allSatisfy(OfferItemMap.offerCodes.contains))
    }
}
