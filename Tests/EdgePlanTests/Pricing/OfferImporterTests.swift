import EdgePlan
import Foundation
import Testing

/// `edgeplan pricing import` on small offer files in the AWS Price List schema
/// (Tests/Fixtures/offers; the eu-west-1 ones carry made-up prices, flagged in their disclaimer).
@Suite struct OfferImporterTests {
    static func offer(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/offers/\(name)"))
    }

    /// The checked-in price files, as the importer gets them.
    static func folder() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for region in ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1"] {
            files["\(region).json"] = try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/pricing/\(region).json"))
        }
        return files
    }

    static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    @Test func theRealUSEast1ExcerptChangesNothingAndLookAlikesNeverMatch() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        let reading = try importer.read(try Self.offer("awselb-us-east-1.json"), file: "awselb.json")
        #expect(reading.offerCode == "AWSELB" && reading.version == "20260911124544")
        // Six items; the Outposts, reserved, trust-store and gateway rows match none.
        #expect(reading.prices.map(\.rule.item) == ["alb.hour", "alb.lcu-hour", "elb.classic-gb", "elb.classic-hour", "nlb.hour", "nlb.nlcu-hour"])
        #expect(reading.prices.first { $0.rule.item == "alb.lcu-hour" }?.sku == "P2XGEJ8N3KU52WA8")
        let result = try importer.apply(reading, folder: try Self.folder(), folderLabel: "pricing/aws", regionNames: Fixtures.reference.regions.mapValues(\.name))
        #expect(result.files.isEmpty, "every price is unchanged, so no file is rewritten")
        #expect(result.changes.map(\.file) == ["pricing/aws/us-east-1.json"])
        #expect(result.changes[0].changes.allSatisfy { $0.kind == .unchanged })
    }

    @Test func anIrelandOfferAddsAndChangesEntriesWithTheOfferAsSource() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        let reading = try importer.read(try Self.offer("awselb-eu-west-1-test-prices.json"), file: "o.json")
        let result = try importer.apply(reading, folder: try Self.folder(), folderLabel: "pricing/aws", regionNames: ["eu-west-1": "Europe (Ireland)"])
        let changes = try #require(result.changes.first { $0.file == "pricing/aws/eu-west-1.json" }?.changes)
        #expect(changes.map { "\($0.kind) \($0.item) \($0.old ?? "-") \($0.new)" } == [
            "added alb.hour - 0.03",
            "changed alb.lcu-hour 0.008 0.009",
            "added elb.classic-gb - 0.009",
            "added elb.classic-hour - 0.032",
            "added nlb.hour - 0.031",
            "added nlb.nlcu-hour - 0.007",
        ])
        let file = try #require(result.files.first)
        #expect(file.path == "eu-west-1.json" && result.files.count == 1)
        let catalog = try PriceCatalog(json: Data(file.contents.utf8), file: "pricing/aws/eu-west-1.json")
        #expect(try catalog.price("nlb.hour").usd == Self.d("0.031"))
        let nlcu = try catalog.price("nlb.nlcu-hour")
        // The NLCU definition is not in the Price List: copied from the file that has it, and said so.
        #expect(nlcu.dimensions == ["newConnectionsPerSecond": 800, "activeConnections": 100_000, "processedGBPerHour": 1])
        #expect(nlcu.note?.contains("dimensions copied from us-east-1.json") == true)
        #expect(nlcu.source.title == "AWS Price List API offer AWSELB 20991231000000")
        #expect(nlcu.source.url == "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json")
        #expect(nlcu.source.read == "2099-12-31" && nlcu.source.region == "EU (Ireland)")
        #expect(nlcu.note?.contains("SKU TESTNLBNLCUIRL04, usagetype EU-LCUUsage, operation LoadBalancing:Network") == true)
        // A changed entry keeps its description, unit and dimensions.
        let lcu = try catalog.price("alb.lcu-hour")
        #expect(lcu.usd == Self.d("0.009") && lcu.dimensions["freeRulesPerRequest"] == 10 && lcu.description == "Application Load Balancer, per LCU-hour")
        // Untouched entries stay byte for byte, and the file stays sorted by item.
        let before = try Fixtures.catalog("eu-west-1")
        #expect(try catalog.price("waf.requests") == before.price("waf.requests"))
        let items = try #require(try JSONValue.parse(file.contents)["prices"]).arrayItems.compactMap { $0["item"]?.stringValue }
        #expect(items == items.sorted())
        // Importing the same offer again changes nothing.
        var folder = try Self.folder()
        folder["eu-west-1.json"] = Data(file.contents.utf8)
        let again = try importer.apply(reading, folder: folder, folderLabel: "pricing/aws", regionNames: Fixtures.reference.regions.mapValues(\.name))
        #expect(again.files.isEmpty)
    }

    @Test func tiersAndPerRequestPricesConvertToTheFileUnits() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        let api = try importer.read(try Self.offer("apigateway-us-east-1.json"), file: "o.json")
        let rest = try #require(api.prices.first { $0.rule.item == "apigw.rest.requests" })
        #expect(rest.tiers == [
            .init(upTo: 333, usd: Self.d("3.5")), .init(upTo: 1000, usd: Self.d("2.8")),
            .init(upTo: 20000, usd: Self.d("2.38")), .init(upTo: nil, usd: Self.d("1.51")),
        ])
        // The us-east-1 file already says this: nothing to write.
        let result = try importer.apply(api, folder: try Self.folder(), folderLabel: "pricing/aws", regionNames: Fixtures.reference.regions.mapValues(\.name))
        #expect(result.files.isEmpty && result.changes[0].changes.map(\.kind) == [.unchanged, .unchanged])

        let vpc = try importer.read(try Self.offer("amazonvpc-eu-west-1-test-prices.json"), file: "o.json")
        #expect(vpc.prices.map(\.rule.item) == ["ec2.public-ipv4-hour", "privatelink.data-processed", "privatelink.endpoint-hour"])
        #expect(vpc.skipped == ["eu-central-1 privatelink.data-processed: SKU TESTGAPINTIERS14 (EUC1-VpcEndpoint-Bytes) has ranges with a gap or an overlap"])
        let applied = try importer.apply(vpc, folder: try Self.folder(), folderLabel: "p", regionNames: Fixtures.reference.regions.mapValues(\.name))
        #expect(applied.changes[0].changes.map { "\($0.kind) \($0.item)" } == [
            "unchanged ec2.public-ipv4-hour", "unchanged privatelink.data-processed", "added privatelink.endpoint-hour",
        ])
    }

    @Test func aNewRegionGetsANewFile() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        let reading = try importer.read(try Self.offer("awselb-eu-west-1-test-prices.json"), file: "o.json")
        let result = try importer.apply(reading, folder: [:], folderLabel: "prices", regionNames: ["eu-west-1": "Europe (Ireland)"])
        let file = try #require(result.files.first)
        #expect(file.contents.hasPrefix("{\n  \"formatVersion\": 1,\n  \"region\": \"eu-west-1\",\n  \"regionName\": \"Europe (Ireland)\",\n  \"currency\": \"USD\",\n  \"prices\": ["))
        #expect(try PriceCatalog(json: Data(file.contents.utf8), file: "x").prices.count == 6)
    }

    @Test func aPriceThatIsNotAPlainDecimalIsNeverReadInPart() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        // In the offer: "0.0310000000.5" would have been read as 0.031.
        let text = String(decoding: try Self.offer("awselb-eu-west-1-test-prices.json"), as: UTF8.self)
        let bent = text.replacingOccurrences(of: #""USD": "0.0310000000""#, with: #""USD": "0.0310000000.5""#)
        #expect(bent != text)
        let reading = try importer.read(Data(bent.utf8), file: "o.json")
        #expect(!reading.prices.contains { $0.rule.item == "nlb.hour" })
        #expect(reading.skipped == ["eu-west-1 nlb.hour: SKU TESTNLBHOURIRL03 (EU-LoadBalancerUsage) has a USD price that is not a plain decimal ('0.0310000000.5')"])
        // In the price file: "0.009.5" would have been read as 0.009, the offer's price, and kept as "unchanged".
        var folder = try Self.folder()
        let file = String(decoding: folder["eu-west-1.json"]!, as: UTF8.self)
        folder["eu-west-1.json"] = Data(file.replacingOccurrences(of: #""usd": "0.008""#, with: #""usd": "0.009.5""#).utf8)
        #expect(folder["eu-west-1.json"] != Data(file.utf8))
        let offer = try importer.read(try Self.offer("awselb-eu-west-1-test-prices.json"), file: "o.json")
        #expect(throws: DiagnosticError.self) {
            try importer.apply(offer, folder: folder, folderLabel: "pricing/aws", regionNames: Fixtures.reference.regions.mapValues(\.name))
        }
    }

    @Test func whatIsNotAnOfferIsALocatedError() throws {
        let importer = OfferImporter(reference: Fixtures.reference)
        #expect(throws: DiagnosticError.self) { try importer.read(try Self.offer("truncated.json"), file: "t.json") }
        let notAnOffer = try Self.offer("not-an-offer.json")
        do {
            _ = try importer.read(notAnOffer, file: "n.json")
            Issue.record("should not read")
        } catch {
            #expect(error.diagnostics.map(\.formatted) == ["n.json:1:1: error: products: missing: this is not an AWS Price List offer file"])
        }
        let s3 = Data(#"{"formatVersion":"v1.0","offerCode":"AmazonS3","version":"1","publicationDate":"2099-01-01T00:00:00Z","products":{},"terms":{"OnDemand":{}}}"#.utf8)
        do {
            _ = try importer.read(s3, file: "s3.json")
            Issue.record("should not read")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("edgeplan maps no items from the AmazonS3 offer") == true)
        }
    }
}

@Suite struct PriceFileJSONTests {
    /// Reading a price file and writing it again gives the same bytes, so an import touches only what changes.
    @Test(arguments: ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1"])
    func priceFilesRoundTrip(_ region: String) throws {
        let text = try Fixtures.text("pricing/aws/\(region).json")
        #expect(try JSONValue.parse(text).serialized() == text)
    }

    /// Where each value starts, by the path diagnostics use; a missing field falls back to its object.
    @Test func parsedValuesKnowWhereTheyStart() throws {
        let doc = try JSONValue.parseLocated("{\n  \"é\": \"ü\", \"a\": [1,\n    {\"b\": \"x\"}]\n}")
        #expect(doc.value["a"]?.arrayItems.count == 2)
        #expect(doc.position(of: "") == (1, 1))
        #expect(doc.position(of: "é") == (2, 8))
        #expect(doc.position(of: "a") == (2, 18), "columns count characters, not bytes")
        #expect(doc.position(of: "a[1].b") == (3, 11))
        #expect(doc.position(of: "a[1].missing") == (3, 5))
        #expect(doc.position(of: "nowhere") == (1, 1))
    }

    @Test func badJSONIsLocated() throws {
        #expect(throws: JSONValue.ParseError(line: 2, column: 8, message: "a number that is not an integer: write decimals as strings")) {
            try JSONValue.parse("{\n  \"a\": 0.5\n}")
        }
        #expect(throws: JSONValue.ParseError(line: 1, column: 8, message: "duplicate key 'a'")) { try JSONValue.parse(#"{"a":1,"a":2}"#) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse("[1, 2") }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(String(repeating: "[", count: 100)) }
        #expect(try JSONValue.parse(#"{"s": "a\"b\u00e9\ud83d\ude00", "n": -3, "t": [true, false, null]}"#)
            == .object([("s", .string("a\"bé😀")), ("n", .int(-3)), ("t", .array([.bool(true), .bool(false), .null]))]))
    }
}
