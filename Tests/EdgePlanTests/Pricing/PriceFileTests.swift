import EdgePlan
import Foundation
import Testing

/// Reading a price file: every number exactly or not at all, every problem located in the file.
@Suite struct PriceFileTests {
    /// A price file with one flat price `usd` (the text between the quotes) for `alb.hour`.
    static func file(usd: String) -> String {
        """
        {
          "formatVersion": 1,
          "region": "us-east-1",
          "regionName": "US East (N. Virginia)",
          "currency": "USD",
          "prices": [
            {
              "item": "alb.hour",
              "description": "Application Load Balancer, per hour",
              "unit": "hour",
              "usd": "\(usd)",
              "source": {"title": "test"}
            }
          ]
        }

        """
    }

    @Test func aPriceIsReadWholeOrRefused() throws {
        let good = try PriceCatalog(json: Data(Self.file(usd: "0.0225").utf8), file: "p/us-east-1.json")
        #expect(try good.price("alb.hour").usd == Decimal(string: "0.0225")!)
        // Decimal(string:) reads "1.2.3" as 1.2 and "1½" as 1; a price file means neither.
        for bad in ["1.2.3", "1½", "0.0225 ", "-0.0225", "2e-2", "0.12345678901234567890123456789012345678901"] {
            #expect(throws: PriceError.self, "\(bad)") { try PriceCatalog(json: Data(Self.file(usd: bad).utf8), file: "p/us-east-1.json") }
        }
    }
}
