import Foundation
import Testing

/// `edgeplan pricing fetch` against a stand-in Price List on 127.0.0.1 that serves small offers
/// in the published layout (`Tests/Fixtures/pricelist`, some with made-up prices, flagged in
/// their disclaimers): what it downloads, that it imports exactly as `pricing import` does, and
/// that a failure of any kind leaves the folder byte for byte as it was.
@Suite struct PricingFetchCLITests {
    static let elbIreland = "/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json"

    /// What the fixture Price List serves, in the order fetch asks for it (offers sorted, then Regions).
    static let everything = [
        "/offers/v1.0/aws/AWSELB/current/region_index.json",
        "/offers/v1.0/aws/AmazonApiGateway/current/region_index.json",
        "/offers/v1.0/aws/AmazonVPC/current/region_index.json",
        elbIreland,
        "/offers/v1.0/aws/AWSELB/20260911124544/us-east-1/index.json",
        "/offers/v1.0/aws/AmazonApiGateway/20991231000002/us-east-1/index.json",
        "/offers/v1.0/aws/AmazonVPC/20991231000001/eu-central-1/index.json",
        "/offers/v1.0/aws/AmazonVPC/20991231000001/eu-west-1/index.json",
    ]

    static func fetch(_ prices: URL, _ server: PriceListServer, _ more: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["pricing", "fetch", "--pricing", prices.path, "--endpoint", server.endpoint] + more)
    }

    @Test func fetchImportsEveryMappedOfferAsImportDoesAndCitesTheVersions() throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try PriceListServer()
        let r = try Self.fetch(prices, server)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "AWS Price List offer AWSELB 20991231000000 (published 2099-12-31): eu-west-1",
            "AWS Price List offer AWSELB 20260911124544 (published 2026-09-11): us-east-1",
            "AWS Price List offer AmazonApiGateway 20991231000002 (published 2099-12-31): us-east-1",
            "AWS Price List offer AmazonVPC 20991231000001 (published 2099-12-31): eu-central-1, eu-west-1",
        ])
        #expect(lines.contains { $0.hasPrefix("not fetched: AmazonEC2: a regional AmazonEC2 offer is gigabytes") })
        #expect(lines.contains { $0.hasPrefix("not fetched: AmazonCloudFront, awswaf, AWSDataTransfer, AmazonEKS, AWSGlobalAccelerator: no OfferItemMap rule") })
        #expect(lines.contains("not offered (no offer file in the region index): AWSELB in ap-southeast-1, AWSELB in eu-central-1, AmazonApiGateway in ap-southeast-1, AmazonApiGateway in eu-central-1, AmazonApiGateway in eu-west-1, AmazonVPC in ap-southeast-1, AmazonVPC in us-east-1"))
        #expect(r.stdout.contains("\(prices.path)/eu-west-1.json\n  added      alb.hour                    0.03\n  changed    alb.lcu-hour                0.008 → 0.009\n"))
        #expect(r.stdout.contains("  added      privatelink.endpoint-hour   0.012\n"), "the AmazonVPC offer lands in the same file")
        #expect(r.stdout.contains("skipped: eu-central-1 privatelink.data-processed: SKU TESTGAPINTIERS14"))
        #expect(r.stdout.hasSuffix("\n1 file written\n"))
        // Exactly the index and offer files needed: no Local Zone, no AmazonEC2, nothing twice.
        #expect(server.requests == Self.everything)
        // Progress on stderr: plain lines, since stderr is not a terminal here.
        let progress = r.stderr.split(separator: "\n").map(String.init)
        #expect(progress.count == 8 && progress[0] == "[1/3] AWSELB region index: \(server.endpoint)/offers/v1.0/aws/AWSELB/current/region_index.json")
        #expect(progress[3] == "[1/5] AWSELB eu-west-1: \(server.endpoint)\(Self.elbIreland)" && !r.stderr.contains("\r"))
        let ireland = try String(contentsOf: prices.appendingPathComponent("eu-west-1.json"), encoding: .utf8)
        #expect(ireland.contains("\"title\": \"AWS Price List API offer AWSELB 20991231000000\""))
        #expect(ireland.contains("\"url\": \"https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSELB/20991231000000/eu-west-1/index.json\""))

        // The same files imported one by one with `pricing import` give the same folder, byte for byte.
        let (otherDir, imported) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: otherDir) }
        for path in Self.everything where !path.hasSuffix("region_index.json") {
            let i = try CLITests.run(["pricing", "import", "Tests/Fixtures/pricelist\(path)", "--pricing", imported.path])
            #expect(i.status == 0, "\(path): \(i.stderr)")
        }
        #expect(try PricingImportCLITests.contents(prices) == PricingImportCLITests.contents(imported))
        #expect(try PricingImportCLITests.contents(prices) != PricingImportCLITests.contents(CLITests.root.appendingPathComponent("Tests/Fixtures/pricing")))
    }

    /// Each way a download can fail is one error line naming the URL, exit 2, and the folder as it was.
    @Test(arguments: [
        (elbIreland, "status:404", "answered HTTP 404 (Not Found)"),
        ("/offers/v1.0/aws/AmazonVPC/current/region_index.json", "status:500", "answered HTTP 500 (Internal Server Error)"),
        (elbIreland, "status:301", "answered HTTP 301 (Moved Permanently, a redirect; edgeplan follows none)"),
        ("/offers/v1.0/aws/AmazonVPC/20991231000001/eu-west-1/index.json", "corrupt", "not valid JSON: this is not an AWS Price List offer file"),
        ("/offers/v1.0/aws/AWSELB/current/region_index.json", "corrupt", "not an AWS Price List region index (JSON with 'regions', each with 'regionCode' and 'currentVersionUrl')"),
        (elbIreland, "truncate", "transfer closed with"),
        (elbIreland, "hang", "no data arrived in time (timed out); try again, or allow longer with --timeout"),
    ])
    func aFailedFetchChangesNothing(_ path: String, _ fault: String, _ says: String) throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try PricingImportCLITests.contents(prices)
        let server = try PriceListServer(faults: [path: fault])
        let r = try Self.fetch(prices, server, ["--timeout", "1"])
        #expect(r.status == 2)
        let errors = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("[") }
        #expect(errors.count == 1 && errors[0].hasPrefix("error: --endpoint: \(server.endpoint)\(path): \(says)"), "\(r.stderr)")
        #expect(errors.first?.hasSuffix("; no price file was changed") == true)
        #expect(r.stdout.isEmpty)
        #expect(try PricingImportCLITests.contents(prices) == before, "the folder is byte for byte as it was, with nothing left beside the files")
    }

    /// libcurl (and the thirty-odd libraries behind it) is loaded by a download, never at start-up:
    /// a command that downloads nothing loads none of it (glibc's loader names every library it opens).
    @Test func onlyADownloadLoadsLibcurl() throws {
        #if os(Linux)
        func loaded(_ arguments: [String]) throws -> [String] {
            let stderr = try CLITests.run(arguments, environment: ["LD_DEBUG": "files"]).stderr
            return stderr.split(separator: "\n").filter { $0.contains("file=") && $0.contains("[0];") }.map(String.init)
        }
        let validate = try loaded(["validate", "examples/seed-environment.yaml"])
        #expect(validate.contains { $0.contains("libc.so") }, "the loader's trace is read: \(validate.prefix(3))")
        #expect(!validate.contains { $0.contains("libcurl") || $0.contains("FoundationNetworking") }, "\(validate)")
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try PriceListServer(faults: [:])
        let fetch = try loaded(["pricing", "fetch", "--pricing", prices.path, "--endpoint", server.endpoint, "--region", "eu-west-1"])
        #expect(fetch.contains { $0.contains("libcurl") }, "a download loads libcurl: \(fetch)")
        #endif
    }

    @Test func nothingListeningIsAnErrorAndChangesNothing() throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try PricingImportCLITests.contents(prices)
        let server = try PriceListServer()
        server.stop()
        let r = try Self.fetch(prices, server)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("error: --endpoint: \(server.endpoint)/offers/v1.0/aws/AWSELB/current/region_index.json: cannot connect (connection refused: nothing listens there); no price file was changed\n"), "\(r.stderr)")
        #expect(try PricingImportCLITests.contents(prices) == before)
    }

    @Test func regionLimitsWhatIsFetchedAndAddsAFileForARegionWithout() throws {
        let (dir, prices) = try PricingImportCLITests.copyOfPrices()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try PricingImportCLITests.contents(prices)
        let server = try PriceListServer()
        let ireland = try Self.fetch(prices, server, ["--region", "eu-west-1"])
        #expect(ireland.status == 0, "\(ireland.stderr)")
        #expect(server.requests == Array(Self.everything.prefix(4)) + ["/offers/v1.0/aws/AmazonVPC/20991231000001/eu-west-1/index.json"])
        #expect(!ireland.stdout.contains("us-east-1"))
        let after = try PricingImportCLITests.contents(prices)
        #expect(after.filter { $0.key != "eu-west-1.json" } == before.filter { $0.key != "eu-west-1.json" })
        #expect(after["eu-west-1.json"] != before["eu-west-1.json"])

        // A Region with no file in the folder gets one, named and shaped as import makes them.
        try FileManager.default.removeItem(at: prices.appendingPathComponent("us-east-1.json"))
        let virginia = try Self.fetch(prices, server, ["--region", "us-east-1", "--region", "us-east-1"])
        #expect(virginia.status == 0, "\(virginia.stderr)")
        #expect(virginia.stdout.contains("\(prices.path)/us-east-1.json\n  added      alb.hour "))
        #expect(virginia.stdout.hasSuffix("\n1 file written\n"))
        let file = try String(contentsOf: prices.appendingPathComponent("us-east-1.json"), encoding: .utf8)
        #expect(file.hasPrefix("{\n  \"formatVersion\": 1,\n  \"region\": \"us-east-1\",\n  \"regionName\": \"US East (N. Virginia)\","))

        let unknown = try Self.fetch(prices, server, ["--region", "mars-1"])
        #expect(unknown.status == 2 && unknown.stderr == "error: --region: \"mars-1\" is not an AWS Region edgeplan knows (limits/regions.json)\n")
    }

    @Test func fetchIsDeterministicAndASecondFetchChangesNothing() throws {
        var outputs: [(stdout: String, files: [String: Data])] = []
        for _ in 0..<2 {
            let (dir, prices) = try PricingImportCLITests.copyOfPrices()
            defer { try? FileManager.default.removeItem(at: dir) }
            let server = try PriceListServer()
            let r = try Self.fetch(prices, server)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append((r.stdout.replacingOccurrences(of: prices.path, with: "DIR"), try PricingImportCLITests.contents(prices)))
            if outputs.count == 2 {
                let again = try Self.fetch(prices, server)
                #expect(again.status == 0 && again.stdout.hasSuffix("\n0 files written\n") && !again.stdout.contains("  added ") && !again.stdout.contains("  changed "))
                #expect(try PricingImportCLITests.contents(prices) == outputs[1].files)
            }
        }
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].files == outputs[1].files)
    }

    @Test(arguments: ["ftp://127.0.0.1/", "127.0.0.1:8080", "http://", "http://127.0.0.1/?mirror=1", "file:///etc"])
    func onlyAnHTTPOrHTTPSEndpointIsUsed(_ endpoint: String) throws {
        let r = try CLITests.run(["pricing", "fetch", "--pricing", "Tests/Fixtures/pricing", "--endpoint", endpoint])
        #expect(r.status == 2 && r.stderr.hasPrefix("error: --endpoint: \(endpoint.debugDescription) is not an http or https URL"), "\(r.stderr)")
    }
}
