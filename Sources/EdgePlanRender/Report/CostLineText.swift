import EdgePlanCore
import Foundation

/// How a cost line reads for a person: the item in words (its price-file key shown beside it),
/// the quantity with its unit ("50,000,000 requests", not "5,000 10000 requests"), the unit price
/// with `$` and its unit ("$0.012 per 10,000 requests"), and one row per tier of a tiered price
/// ("Data out to the internet, first 10 TB").
enum CostLineText {
    /// One row of a cost table: what, how much, at what price, for how much.
    struct Row: Equatable {
        var what: String
        var quantity: String
        var unitPrice: String
        var amount: Decimal
    }

    /// The rows of `line`: one for a flat price, one per tier reached for a tiered one. Tier amounts
    /// are rounded to the cent; if they do not add up to the line's amount, the last row takes the
    /// difference, so a table always sums to its total (the README: lines are rounded, the total
    /// is their sum).
    static func rows(_ line: MonthlyCost.Line) -> [Row] {
        let name = itemName(line)
        guard line.tiers.count > 0 else {
            return [Row(what: name, quantity: quantity(line.quantity, unit: line.unit), unitPrice: unitPrice(line.unitPriceValue, unit: line.unit), amount: line.amount)]
        }
        var rows = line.tiers.map { t in
            Row(what: "\(name), \(tierName(t, unit: line.unit))", quantity: quantity(t.quantity, unit: line.unit), unitPrice: unitPrice(t.usd, unit: line.unit),
                amount: t.amount.rounded(2))
        }
        let sum = rows.reduce(Decimal(0)) { $0 + $1.amount }
        if sum != line.amount.rounded(2) { rows[rows.count - 1].amount += line.amount.rounded(2) - sum }
        return rows
    }

    /// "Data out to the internet", from the key; an item edgeplan has no words for keeps the price
    /// file's description up to its first comma, or else the key.
    static func itemName(_ line: MonthlyCost.Line) -> String {
        if let words = itemName(line.item) { return words }
        if let d = line.description, let head = d.split(separator: ",").first, !head.isEmpty { return String(head) }
        return line.item
    }

    /// Words for the price-file items of pricing/README.md ("Items"), geography suffixes included.
    static func itemName(_ item: String) -> String? {
        let geographies = [".europe": "Europe", ".north-america": "North America", ".asia-pacific": "Asia Pacific"]
        for (suffix, place) in geographies.sorted(by: { $0.key < $1.key }) where item.hasSuffix(suffix) {
            return itemName(String(item.dropLast(suffix.count))).map { "\($0) (\(place))" }
        }
        if item.hasPrefix("cloudfront.flat-rate.") {
            let plan = item.dropFirst("cloudfront.flat-rate.".count).split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            return "CloudFront flat-rate plan \(plan)"
        }
        return names[item]
    }

    static let names: [String: String] = [
        "alb.hour": "ALB hours", "alb.lcu-hour": "ALB capacity units", "nlb.hour": "NLB hours", "nlb.nlcu-hour": "NLB capacity units",
        "elb.classic-hour": "Classic Load Balancer hours", "elb.classic-gb": "Classic Load Balancer data processed",
        "ec2.public-ipv4-hour": "Public IPv4 addresses",
        "dataTransfer.internet-out": "Data out to the internet", "dataTransfer.in": "Data in from the internet",
        "dataTransfer.inter-az": "Data between Availability Zones", "dataTransfer.internet-out-free-gb": "Free allowance of data out to the internet",
        "privatelink.endpoint-hour": "Interface endpoint hours, per AZ", "privatelink.data-processed": "Interface endpoint data processed",
        "waf.web-acl-month": "WAF web ACL", "waf.rule-month": "WAF rules", "waf.requests": "WAF requests inspected",
        "apigw.rest.requests": "API Gateway REST API requests", "apigw.http.requests": "API Gateway HTTP API requests",
        "cloudfront.data-out": "CloudFront data out to viewers", "cloudfront.https-requests": "CloudFront HTTPS requests",
        "cloudfront.http-requests": "CloudFront HTTP requests", "cloudfront.data-to-origin": "CloudFront data to the origin",
        "cloudfront.origin-fetch": "Origin responses to CloudFront", "cloudfront.vpc-origin": "CloudFront VPC origin",
        "cloudfront.free-tier": "CloudFront Always Free tier",
        "eks.cluster-hour": "EKS control plane hours", "eks.cluster-hour.extended-support": "EKS control plane hours, extended support",
        "globalaccelerator.accelerator-hour": "Global Accelerator hours", "globalaccelerator.dt-premium": "Global Accelerator premium data transfer",
        "natgw.hour": "NAT gateway hours", "natgw.data-processed": "NAT gateway data processed",
    ]

    /// "first 10 TB", "next 40 TB", "over 150 TB": the tier's span in the item's unit.
    static func tierName(_ t: MonthlyCost.TierUse, unit: String) -> String {
        guard let upTo = t.upTo else { return "over \(amountOf(t.from, unit: unit))" }
        if t.from == 0 { return "first \(amountOf(upTo, unit: unit))" }
        return "next \(amountOf(upTo - t.from, unit: unit))"
    }

    /// A tier bound: GB in TB or PB where it is a whole number of them (1 TB = 1,024 GB, as the
    /// price files count), requests in millions, anything else in its unit.
    static func amountOf(_ d: Decimal, unit: String) -> String {
        if unit == "GB" {
            if d >= 1_048_576, (d / 1_048_576).rounded(0) == d / 1_048_576 { return "\(groupedDecimal(d / 1_048_576)) PB" }
            if d >= 1024, (d / 1024).rounded(0) == d / 1024 { return "\(groupedDecimal(d / 1024)) TB" }
        }
        return quantity(d, unit: unit)
    }

    /// The quantity in the unit's own terms: a unit that starts with a count ("10000 requests")
    /// multiplies it in; hour- and month-units take a plural.
    static func quantity(_ q: Decimal, unit: String) -> String {
        let (count, rest) = split(unit)
        let n = q * count
        let plural = n != 1 && (rest.hasSuffix("hour") || rest.hasSuffix("month"))
        return "\(number(n)) \(rest)\(plural ? "s" : "")"
    }

    /// "$0.0252/hour", "$0.60 per million requests", "$0.012 per 10,000 requests": at least two
    /// decimals, as many more as the price has.
    static func unitPrice(_ usd: Decimal?, unit: String) -> String {
        guard let usd else { return "" }
        let (count, rest) = split(unit)
        if count == 1 && !rest.contains(" ") { return "\(dollars(usd))/\(rest)" }
        return "\(dollars(usd)) per \(count == 1 ? "" : "\(groupedDecimal(count)) ")\(rest)"
    }

    /// "$5.00", "$0.0252", "-$0.09".
    static func dollars(_ d: Decimal) -> String {
        let plain = (d < 0 ? -d : d).plainString
        let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
        let text = decimals <= 2 ? amountText(d < 0 ? -d : d) : groupedDecimal(d < 0 ? -d : d)
        return (d < 0 ? "-$" : "$") + text
    }

    /// A unit's leading count, if any: "10000 requests" → (10000, "requests").
    static func split(_ unit: String) -> (Decimal, String) {
        let parts = unit.split(separator: " ", maxSplits: 1)
        if parts.count == 2, let n = Decimal(plainText: parts[0]) {
            return (n, String(parts[1]))
        }
        return (1, unit)
    }

    /// A quantity to as many decimals as its size deserves, grouped: "1.096", "42.5", "1,141".
    static func number(_ d: Decimal) -> String {
        let m = d < 0 ? -d : d
        return groupedDecimal(d.rounded(m < 10 ? 3 : (m < 1000 ? 2 : 0)))
    }
}

extension MonthlyCost.Line {
    /// The unit price as a number, when the line has one price (`unitPrice` holds its text).
    var unitPriceValue: Decimal? {
        guard tiers.isEmpty, !unitPrice.contains("×") else { return nil }
        // Written by `plainString`: a plain decimal, with a sign when negative.
        return unitPrice.hasPrefix("-") ? Decimal(plainText: unitPrice.dropFirst()).map { -$0 } : Decimal(plainText: unitPrice)
    }
}
