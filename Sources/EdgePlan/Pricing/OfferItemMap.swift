import EdgePlanCore
import Foundation

/// The one table that says which AWS Price List rows become which edgeplan price items.
///
/// A row matches when the offer code is the same, the product is in an AWS Region (`locationType`),
/// its `usagetype` is the pattern with the Region's usage-type prefix (`EU-LoadBalancerUsage` in
/// eu-west-1, `LoadBalancerUsage` in us-east-1; the prefixes are data, `priceListUsagePrefix` in
/// `limits/regions.json`), and its `operation` is the one given. Matching
/// whole usage types keeps look-alikes out: `EU-Outposts-LCUUsage` (a $0 Outposts rate),
/// `EU-ReservedLCUUsage`, `TS-LoadBalancerUsage` (trust stores) never match.
///
/// Not mapped: CloudFront and WAF (global offers priced by edge geography or once for all
/// Regions), EKS and data transfer (their offers were not checked against a real extract yet).
public enum OfferItemMap {
    public struct Rule: Sendable, Equatable {
        public var offerCode: String
        /// The usage type without its Region prefix.
        public var usagetype: String
        /// The `operation` attribute, when it tells rows apart (ALB, NLB and Classic share usage types).
        public var operation: String?
        public var item: String
        /// The unit the offer prices in; a row in any other unit is skipped.
        public var offerUnit: String
        /// Offer units per edgeplan unit: 1,000,000 turns a price per request into one per million.
        public var scale: Decimal
        /// What a new entry says, in the words and units of the price files.
        public var description: String
        public var unit: String

        init(_ offerCode: String, _ usagetype: String, operation: String? = nil, item: String, offerUnit: String,
             scale: Decimal = 1, description: String, unit: String) {
            self.offerCode = offerCode
            self.usagetype = usagetype
            self.operation = operation
            self.item = item
            self.offerUnit = offerUnit
            self.scale = scale
            self.description = description
            self.unit = unit
        }
    }

    public static let rules: [Rule] = [
        Rule("AWSELB", "LoadBalancerUsage", operation: "LoadBalancing:Application", item: "alb.hour", offerUnit: "Hrs",
             description: "Application Load Balancer, per load balancer-hour", unit: "hour"),
        Rule("AWSELB", "LCUUsage", operation: "LoadBalancing:Application", item: "alb.lcu-hour", offerUnit: "LCU-Hrs",
             description: "Application Load Balancer, per LCU-hour", unit: "LCU-hour"),
        Rule("AWSELB", "LoadBalancerUsage", operation: "LoadBalancing:Network", item: "nlb.hour", offerUnit: "Hrs",
             description: "Network Load Balancer, per load balancer-hour", unit: "hour"),
        Rule("AWSELB", "LCUUsage", operation: "LoadBalancing:Network", item: "nlb.nlcu-hour", offerUnit: "LCU-Hrs",
             description: "Network Load Balancer, per NLCU-hour", unit: "NLCU-hour"),
        Rule("AWSELB", "LoadBalancerUsage", operation: "LoadBalancing", item: "elb.classic-hour", offerUnit: "Hrs",
             description: "Classic Load Balancer, per load balancer-hour", unit: "hour"),
        Rule("AWSELB", "DataProcessing-Bytes", operation: "LoadBalancing", item: "elb.classic-gb", offerUnit: "GB",
             description: "Classic Load Balancer, per GB processed", unit: "GB"),
        Rule("AmazonVPC", "VpcEndpoint-Hours", item: "privatelink.endpoint-hour", offerUnit: "Hrs",
             description: "Interface VPC endpoint, per endpoint per Availability Zone", unit: "endpoint-AZ-hour"),
        Rule("AmazonVPC", "VpcEndpoint-Bytes", item: "privatelink.data-processed", offerUnit: "GB",
             description: "Interface VPC endpoint data processed, tiered over all endpoints in the Region", unit: "GB"),
        Rule("AmazonVPC", "PublicIPv4:InUseAddress", item: "ec2.public-ipv4-hour", offerUnit: "Hrs",
             description: "Public IPv4 address, per address-hour", unit: "address-hour"),
        Rule("AmazonEC2", "NatGateway-Hours", operation: "NatGateway", item: "natgw.hour", offerUnit: "Hrs",
             description: "NAT gateway, per gateway-hour", unit: "hour"),
        Rule("AmazonEC2", "NatGateway-Bytes", operation: "NatGateway", item: "natgw.data-processed", offerUnit: "GB",
             description: "NAT gateway data processed", unit: "GB"),
        Rule("AmazonApiGateway", "ApiGatewayRequest", item: "apigw.rest.requests", offerUnit: "Requests", scale: 1_000_000,
             description: "API Gateway REST API requests, tiered per month", unit: "million requests"),
        Rule("AmazonApiGateway", "ApiGatewayHttpRequest", item: "apigw.http.requests", offerUnit: "Requests", scale: 1_000_000,
             description: "API Gateway HTTP API requests, tiered per month", unit: "million requests"),
    ]

    /// The rule for a product of `offerCode`, or nil when edgeplan has no item for it. `prefixes`
    /// holds each Region's usage-type prefix (`AWSReference.priceListUsagePrefixes`, from
    /// `limits/regions.json`); a Region missing there matches only unprefixed usage types.
    public static func rule(offerCode: String, attributes: [String: String], prefixes: [String: String]) -> Rule? {
        guard attributes["locationType"] == "AWS Region", let region = attributes["regionCode"],
              let usagetype = attributes["usagetype"]
        else { return nil }
        let prefix = prefixes[region] ?? ""
        let base: String
        if prefix.isEmpty {
            base = usagetype
        } else if usagetype.hasPrefix(prefix + "-") {
            base = String(usagetype.dropFirst(prefix.count + 1))
        } else {
            return nil
        }
        return rules.first { r in
            r.offerCode == offerCode && r.usagetype == base && (r.operation == nil || r.operation == attributes["operation"])
        }
    }

    public static var offerCodes: [String] { Array(Set(rules.map(\.offerCode))).sorted() }
}
