import EdgePlan
import Foundation
import Testing

/// The usage-type prefixes the importer matches by, from `limits/regions.json`: sourced, one per Region.
@Suite struct UsageTypePrefixTests {
    @Test func everyEKSRegionHasASourcedPrefixAndNoTwoShareOne() throws {
        let regions = Fixtures.reference.regions.values.sorted { $0.code < $1.code }
        #expect(regions.count >= 25)
        for region in regions {
            let usage = try #require(region.priceListUsagePrefix, "\(region.code) has no priceListUsagePrefix")
            #expect(usage.isWellFormed, "\(region.code)")
            #expect(!(usage.source.url ?? "").isEmpty && usage.source.read != nil && usage.source.kind != nil, "\(region.code)")
        }
        let prefixes = Fixtures.reference.priceListUsagePrefixes
        #expect(Set(prefixes.values).count == prefixes.count)
        #expect(prefixes["us-east-1"] == "" && prefixes["eu-west-1"] == "EU" && prefixes["ap-south-1"] == "APS3" && prefixes["il-central-1"] == "ILC1")
    }

    static func attributes(_ region: String, _ usagetype: String) -> [String: String] {
        ["locationType": "AWS Region", "regionCode": region, "usagetype": usagetype, "operation": "LoadBalancing:Application"]
    }

    @Test func aRowMatchesOnlyWithItsOwnRegionsPrefix() {
        let prefixes = Fixtures.reference.priceListUsagePrefixes
        func item(_ region: String, _ usagetype: String, _ prefixes: [String: String]) -> String? {
            OfferItemMap.rule(offerCode: "AWSELB", attributes: Self.attributes(region, usagetype), prefixes: prefixes)?.item
        }
        #expect(item("ap-south-1", "APS3-LoadBalancerUsage", prefixes) == "alb.hour")
        #expect(item("eu-central-2", "EUC2-LCUUsage", prefixes) == "alb.lcu-hour")
        #expect(item("us-east-1", "LoadBalancerUsage", prefixes) == "alb.hour")
        // Another Region's prefix, a look-alike, or a prefix with no source: no match.
        #expect(item("ap-south-1", "APS1-LoadBalancerUsage", prefixes) == nil)
        #expect(item("eu-west-1", "EU-Outposts-LCUUsage", prefixes) == nil)
        #expect(item("ap-south-1", "APS3-LoadBalancerUsage", [:]) == nil)
        #expect(item("ap-south-1", "LoadBalancerUsage", [:]) == "alb.hour")
    }

    @Test func aMalformedOrSharedPrefixIsRefused() throws {
        let text = try Fixtures.text("limits/regions.json")
        let limits = try Data(contentsOf: Fixtures.root.appendingPathComponent("limits/aws.json"))
        let kubernetes = try Data(contentsOf: Fixtures.root.appendingPathComponent("limits/kubernetes.json"))
        for (from, to, message) in [
            (#""prefix": "EUC2""#, #""prefix": "euc-2""#, "eu-central-2: priceListUsagePrefix 'euc-2' is not a usage-type prefix (capital letters and digits, such as EUC1)"),
            (#""prefix": "EUC2""#, #""prefix": "EUC1""#, "priceListUsagePrefix 'EUC1' is given for two Regions; a usage type would not say which Region it is in"),
        ] {
            let bent = text.replacingOccurrences(of: from, with: to)
            #expect(bent != text)
            #expect(throws: ReferenceError.malformed("limits/regions.json", message)) {
                try AWSReference(limitsJSON: limits, kubernetesJSON: kubernetes, regionsJSON: Data(bent.utf8))
            }
        }
    }
}
