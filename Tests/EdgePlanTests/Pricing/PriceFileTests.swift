import EdgePlan
import Foundation
import Testing

/// Reading a price file: every number exactly or not at all, every problem located in the file
/// (`file:line:column`, and the path to the value), so that the person fixing it lands on it.
@Suite struct PriceFileTests {
    /// A price file with one flat price `usd` (the text between the quotes) for `alb.hour`.
    static func file(usd: String) -> String {
        file(entries: """
                {
                  "item": "alb.hour",
                  "description": "Application Load Balancer, per hour",
                  "unit": "hour",
                  "usd": "\(usd)",
                  "source": {"title": "test", "kind": "aws-page"}
                }
            """)
    }

    /// A price file around the text of its `prices` list (entries indented four spaces, from line 7).
    static func file(entries: String, region: String = "us-east-1", currency: String = "USD") -> String {
        """
        {
          "formatVersion": 1,
          "region": "\(region)",
          "regionName": "US East (N. Virginia)",
          "currency": "\(currency)",
          "prices": [
        \(entries)
          ]
        }

        """
    }

    static func problems(_ text: String, region: String? = "us-east-1") -> [String] {
        do {
            _ = try PriceCatalog(json: Data(text.utf8), file: "p/us-east-1.json", region: region)
            return []
        } catch {
            return error.malformedFile?.map(\.formatted) ?? ["not malformed: \(error)"]
        }
    }

    @Test func aPriceIsReadWholeOrRefused() throws {
        let good = try PriceCatalog(json: Data(Self.file(usd: "0.0225").utf8), file: "p/us-east-1.json")
        #expect(try good.price("alb.hour").usd == Decimal(string: "0.0225")!)
        // Decimal(string:) reads "1.2.3" as 1.2 and "1½" as 1; a price file means neither.
        for bad in ["1.2.3", "1½", "0.0225 ", "-0.0225", "2e-2", "0.12345678901234567890123456789012345678901"] {
            #expect(throws: PriceError.self, "\(bad)") { try PriceCatalog(json: Data(Self.file(usd: bad).utf8), file: "p/us-east-1.json") }
        }
        #expect(Self.problems(Self.file(usd: "1.2.3")) == [
            "p/us-east-1.json:11:14: error: prices[0].usd: '1.2.3' is not a plain decimal edgeplan can read exactly: write digits with at most one '.' and at most 38 significant digits, such as \"0.0225\"",
        ])
    }

    @Test func aFileCutShortIsLocatedNotDumped() {
        let text = Self.file(usd: "0.0225")
        #expect(Self.problems(String(text.prefix(60))) == ["p/us-east-1.json:4:12: error: not a valid price file: a string that never ends"])
        #expect(Self.problems(String(text.prefix(49))) == ["p/us-east-1.json:4:1: error: not a valid price file: unexpected end of the file in an object"])
        #expect(Self.problems("{\"formatVersion\": 1") == ["p/us-east-1.json:1:20: error: not a valid price file: unexpected end of the file in an object"])
        #expect(Self.problems(text.replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 1.0"))
            == ["p/us-east-1.json:2:20: error: not a valid price file: a number that is not an integer: write decimals as strings"])
    }

    @Test func everyProblemIsNamedAtItsPlace() {
        let entries = """
                {
                  "item": "alb.hour",
                  "description": "Application Load Balancer, per hour",
                  "usd": 0,
                  "source": {"title": "test", "kind": "aws-page"}
                },
                {
                  "item": "dataTransfer.internet-out",
                  "description": "Data out",
                  "unit": "GB",
                  "tiers": [
                    {"upTo": "10240", "usd": "0.09"},
                    {"upTo": "10240", "usd": "0.085"},
                    {"upTo": "153600", "usd": "0.07"}
                  ],
                  "dimensions": {"x": "1.5.0"},
                  "source": {"title": "test", "kind": "aws-page"}
                },
                {
                  "item": "alb.hour",
                  "description": "twice",
                  "unit": "hour",
                  "usd": "0.0225",
                  "tiers": [{"usd": "1"}]
                }
            """
        #expect(Self.problems(Self.file(entries: entries, region: "eu-west-1", currency: "EUR")) == [
            "p/us-east-1.json:3:13: error: region: the file is for 'eu-west-1' but is named for us-east-1; rename it or fix its region",
            "p/us-east-1.json:5:15: error: currency: 'EUR': edgeplan reads prices in USD only",
            "p/us-east-1.json:7:5: error: prices[0].unit: missing field 'unit'",
            "p/us-east-1.json:10:14: error: prices[0].usd: expected a decimal in quotes, such as \"0.0225\", got the number 0",
            "p/us-east-1.json:19:18: error: prices[1].tiers[1].upTo: 10240 does not rise above the tier before (10240): upTo is cumulative",
            "p/us-east-1.json:20:18: error: prices[1].tiers[2].upTo: the last tier has no upTo: it holds everything above the tier before",
            "p/us-east-1.json:22:27: error: prices[1].dimensions.x: '1.5.0' is not a plain decimal edgeplan can read exactly: write digits with at most one '.' and at most 38 significant digits, such as \"0.0225\"",
            "p/us-east-1.json:25:5: error: prices[2]: give either usd (a flat price) or tiers, not both",
            "p/us-east-1.json:25:5: error: prices[2].source: missing field 'source': every price says where it comes from",
        ])
        #expect(Self.problems(Self.file(usd: "1").replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 2"))
            == ["p/us-east-1.json:2:20: error: formatVersion: format version 2; this edgeplan reads version 1"])
        // An item priced twice: the second is not silently dropped.
        let twice = Self.file(entries: """
                {"item": "alb.hour", "description": "a", "unit": "hour", "usd": "0.0225", "source": {"title": "t", "kind": "aws-page"}},
                {"item": "alb.hour", "description": "b", "unit": "hour", "usd": "0.03", "source": {"title": "t", "kind": "aws-page"}}
            """)
        #expect(Self.problems(twice) == ["p/us-east-1.json:8:14: error: prices[1].item: 'alb.hour' is already priced at prices[0]; each item appears once"])
    }

    /// The checked-in files are valid, each for the region it is named for.
    @Test(arguments: ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1"])
    func theCheckedInFilesRead(_ region: String) throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("pricing/aws/\(region).json"))
        #expect(Self.problems(String(decoding: data, as: UTF8.self), region: region) == [])
    }
}
