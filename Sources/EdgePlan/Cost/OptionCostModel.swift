import EdgePlanCore
import Foundation

/// Prices one option's graph for a month of traffic: a line per billed item, each naming the
/// price-file entry it used. Pure: the catalog and the traffic come in as values.
///
/// What is billed, by component (see the README, "How costs are computed"):
/// - WAF web ACL: the ACL, its rules, and every request.
/// - CloudFront: data out to viewers (tiered), HTTPS requests, data to the origin (`dataInGB`);
///   origin fetches from AWS origins are free, and a VPC origin has no charge: both are shown at $0.
///   Or, when cheaper, one CloudFront flat-rate plan line in place of these and the web ACL's lines
///   (`CloudFrontFlatRate`).
/// - API Gateway: requests (tiered; HTTP APIs meter each request in 512 KB steps of the average
///   request + response size). A VPC link has no line: AWS bills the load balancer behind it.
/// - ALB / NLB: hours, and capacity units (LCU / NLCU, each by its own definition) for every hour;
///   internet-facing ones also hold one public IPv4 address per AZ (an ALB may hold more as it
///   scales; edgeplan counts the minimum).
/// - Interface endpoint: one endpoint-hour per AZ, and every GB processed in both directions.
/// - Data out to the internet where it leaves AWS: at CloudFront rates behind CloudFront, at EC2
///   (regional) rates when an ALB, NLB or API Gateway faces the internet; data in is free.
/// - The EKS control plane is a `shared` line: the same for every option, shown but not in the total.
///   So are the VPC endpoints of a cluster without NAT (`plan.vpc.endpoints`): each interface
///   endpoint an endpoint-hour per AZ, and their data processed, which depends on the workload
///   (image pulls, logs, AWS API calls) and is shown at 0 GB with its unit price. The S3 gateway
///   endpoint has no charge.
/// An item the price file lacks is an unpriced line of its own (`MonthlyCost.unpriced`), never a
/// guessed number: the rest of the option is priced without it.
/// - Data transfer between AZs, where a hop sends to targets in every AZ (`Edge.crossesAZs`: an NLB
///   with cross-zone load balancing on, kube-proxy behind instance targets, an in-cluster router in
///   front of the pods): (n−1)/n of the bytes both ways, billed in each direction. An ALB's traffic
///   to targets in other AZs is not billed, and has no line.
/// Not billed: NAT gateways (not part of the front door); free tiers unless asked for (`Lines.freeTier`:
/// they are per account and shared with everything else in it).
public struct OptionCostModel: Sendable {
    /// Lines the model can leave out: the benchmark prices without the newer ones to compare
    /// with the model before them, and `--free-tier` adds the account's free allowances.
    public struct Lines: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Data transfer between AZs where a hop sends to targets in every AZ.
        public static let interAZ = Lines(rawValue: 1 << 0)
        /// The account's free allowances as negative lines (off by default: the whole account shares them).
        public static let freeTier = Lines(rawValue: 1 << 1)
        /// What edgeplan prices unless told otherwise.
        public static let standard: Lines = [.interAZ]
    }

    public var lines: Lines

    public init(lines: Lines = .standard) { self.lines = lines }

    /// Everything that stopped an option from being priced, each problem once, so that all the
    /// missing prices can be named together.
    public struct Failure: Error, Sendable, Equatable {
        public var problems: [PriceError]
    }

    /// The option's monthly cost, unrounded. `detail: false` skips the text of each line (unit
    /// prices, bases, price references), for sweeps that need only totals.
    public func cost(
        _ topology: Topology, traffic: TrafficProfile, azCount: Int, prices: PriceCatalog, detail: Bool = true,
        controlPlane: EKSVersion.Support = .standard, vpcEndpoints: [VPCEndpointService] = []
    ) throws(Failure) -> MonthlyCost {
        var bill = Bill(prices: prices, detail: detail)
        let hours = traffic.hoursPerMonth
        let azs = Decimal(azCount)
        let million: Decimal = 1_000_000
        let path = topology.mainPath
        let edge = path.first?.kind == .internet && path.count > 1 ? path[1] : nil

        for c in topology.components {
            switch c.kind {
            case .wafWebACL:
                bill.add(c.id, "waf.web-acl-month", 1)
                bill.add(c.id, "waf.rule-month", traffic.wafRules)
                bill.add(c.id, "waf.requests", traffic.requests.divided(by: million))
            case .cloudFront:
                let geo = CloudFrontGeography(region: prices.region)
                bill.add(c.id, geo.dataOutItem, traffic.dataOutGB)
                bill.add(c.id, geo.httpsRequestsItem, traffic.requests.divided(by: 10_000))
                if lines.contains(.freeTier) {
                    bill.allowance(c.id, "cloudfront.free-tier", "dataOutGBPerMonth", against: geo.dataOutItem, traffic.dataOutGB,
                                   what: "CloudFront's Always Free data out", noun: "GB")
                    bill.allowance(c.id, "cloudfront.free-tier", "requestsPerMonth", per: 10_000, against: geo.httpsRequestsItem, traffic.requests.divided(by: 10_000),
                                   what: "CloudFront's Always Free requests", noun: "HTTP or HTTPS requests")
                }
                bill.add(c.id, geo.dataToOriginItem, traffic.dataInGB, basis: "requests forwarded to the origin (data in)")
                bill.add(c.id, "cloudfront.origin-fetch", traffic.dataOutGB, basis: "responses from the AWS origin to CloudFront")
            case .cloudFrontVPCOrigin:
                bill.add(c.id, "cloudfront.vpc-origin", 1)
            case .globalAccelerator:
                // A fixed fee every hour, DT-Premium on the dominant direction (the monthly average,
                // as for capacity units: peaks cost at least this), and its static public IPv4 addresses.
                let geo = CloudFrontGeography(region: prices.region)
                bill.add(c.id, "globalaccelerator.accelerator-hour", hours)
                let out = traffic.dataOutGB >= traffic.dataInGB
                bill.add(c.id, "globalaccelerator.dt-premium.\(geo.rawValue)", max(traffic.dataOutGB, traffic.dataInGB),
                         basis: "the dominant direction: \(out ? "data out" : "data in") (\(groupedDecimal(traffic.dataOutGB.rounded(2))) GB out, \(groupedDecimal(traffic.dataInGB.rounded(2))) GB in)")
                if let ips = c.staticIPv4Addresses {
                    bill.add(c.id, "ec2.public-ipv4-hour", Decimal(ips) * hours,
                             basis: "\(ips) static public IPv4 addresses × \(hours.plainString) h (AWS lists public IPv4 charges among an accelerator's costs)")
                }
            case .apiGatewayREST:
                bill.add(c.id, "apigw.rest.requests", traffic.requests.divided(by: million))
            case .apiGatewayHTTP:
                let item = "apigw.http.requests"
                guard let step = bill.divisor(item, "meteringIncrementKB", component: c.id) else { break }
                let size = traffic.averageKBPerRequest
                let steps = traffic.requests > 0 ? max(1, (size / step).roundedUp) : 0
                bill.add(c.id, item, (traffic.requests * steps).divided(by: million),
                         basis: "\(steps.plainString) metered request(s) per request: average \(size.rounded(1).plainString) KB request + response, metered in \(step.plainString) KB steps")
            case .alb:
                bill.add(c.id, "alb.hour", hours)
                do {
                    let lcu = try ALBCapacityUnits(traffic, prices: prices)
                    bill.add(c.id, ALBCapacityUnits.item, lcu.lcu * hours,
                             basis: "\(lcu.lcu.rounded(4).plainString) LCU × \(hours.plainString) h, billed on \(lcu.billedOn)")
                } catch { bill.note(error, component: c.id) }
                if c.scheme == .internetFacing { bill.publicIPv4(c.id, azs: azs, hours: hours) }
            case .nlb:
                bill.add(c.id, "nlb.hour", hours)
                do {
                    let nlcu = try NLBCapacityUnits(traffic, prices: prices)
                    bill.add(c.id, NLBCapacityUnits.item, nlcu.nlcu * hours,
                             basis: "\(nlcu.nlcu.rounded(4).plainString) NLCU × \(hours.plainString) h, billed on \(nlcu.billedOn)")
                } catch { bill.note(error, component: c.id) }
                if c.scheme == .internetFacing { bill.publicIPv4(c.id, azs: azs, hours: hours) }
            case .interfaceEndpoint:
                bill.add(c.id, "privatelink.endpoint-hour", azs * hours, basis: "\(azCount) AZs × \(hours.plainString) h")
                bill.add(c.id, "privatelink.data-processed", traffic.dataOutGB + traffic.dataInGB,
                         basis: "both directions: \(groupedDecimal(traffic.dataOutGB.rounded(2))) GB out + \(groupedDecimal(traffic.dataInGB.rounded(2))) GB in")
            case .internet, .vpcLink, .vpcEndpointService, .ingressNginx, .envoyGateway, .pods:
                break
            }
            if let edge, c.id == edge.id, c.kind != .cloudFront {
                bill.add(c.id, "dataTransfer.internet-out", traffic.dataOutGB, basis: "responses leave AWS here")
                if lines.contains(.freeTier) {
                    bill.allowance(c.id, "dataTransfer.internet-out-free-gb", "allowanceGBPerMonth", against: "dataTransfer.internet-out", traffic.dataOutGB,
                                   what: "the account's free data out to the internet", noun: "GB")
                }
                bill.add(c.id, "dataTransfer.in", traffic.dataInGB)
            }
        }
        if lines.contains(.interAZ), azCount > 1 {
            for edge in topology.edges where !edge.bypass {
                guard let why = edge.crossesAZs else { continue }
                bill.interAZ(edge, why, traffic: traffic, azCount: azCount)
            }
        }
        let body = bill.lines
        bill.lines = []
        if detail {
            // A version in extended support is billed at the extended-support rate.
            let extended = controlPlane == .extended
            bill.add("eks", extended ? "eks.cluster-hour.extended-support" : "eks.cluster-hour", hours,
                     basis: "the same for every option; not in the total\(extended ? "; the Kubernetes version is in extended support" : "")")
            let interfaces = vpcEndpoints.filter { $0.type == .interface }
            for endpoint in interfaces {
                bill.add("vpce-\(endpoint.service)", "privatelink.endpoint-hour", azs * hours,
                         basis: "interface endpoint for \(endpoint.name), the cluster has no NAT gateway: \(azCount) AZs × \(hours.plainString) h; the same for every option; not in the total")
            }
            if !interfaces.isEmpty {
                bill.add("vpc-endpoints", "privatelink.data-processed", 0,
                         basis: "the cluster's own traffic through its \(interfaces.count) interface endpoints (image pulls, logs, AWS API calls) depends on the workload and is not known to edgeplan: each GB costs this unit price; not in the total")
            }
        }
        guard bill.problems.isEmpty else { throw Failure(problems: bill.problems) }
        // CloudFront on a flat-rate plan where one holds the traffic and costs less (CloudFrontFlatRate.swift).
        let flatRate = CloudFrontFlatRate().price(topology, traffic: traffic, prices: prices, lines: body, unpriced: bill.unpriced, detail: detail)
        return MonthlyCost(currency: prices.currency, lines: flatRate.lines, shared: bill.lines, unpriced: flatRate.unpriced, cloudFrontPlan: flatRate.choice)
    }

    /// The unrounded total only (no text), for sweeps and break-even searches.
    public func total(_ topology: Topology, traffic: TrafficProfile, azCount: Int, prices: PriceCatalog) throws(Failure) -> Decimal {
        try cost(topology, traffic: traffic, azCount: azCount, prices: prices, detail: false).total
    }
}

/// The lines of one bill as they are priced, the items the price file lacks, and every other
/// problem met (a missing dimension or a malformed file stops the option being priced).
private struct Bill {
    let prices: PriceCatalog
    let detail: Bool
    var lines: [MonthlyCost.Line] = []
    /// Billed items with no price in the file: their own lines, not in the total.
    var unpriced: [MonthlyCost.Unpriced] = []
    var problems: [PriceError] = []

    /// A problem met while pricing `component`: a missing item becomes an unpriced line.
    mutating func note(_ error: PriceError, component: String? = nil, quantity: Decimal? = nil) {
        if case .missingItem(_, let item) = error, let component {
            unpriced.append(MonthlyCost.Unpriced(component: component, item: item, quantity: quantity, unit: Self.units[item]))
            return
        }
        if !problems.contains(error) { problems.append(error) }
    }

    /// The unit of an item a file lacks, for its unpriced line (pricing/README.md, "Items").
    static let units: [String: String] = [
        "alb.hour": "hour", "alb.lcu-hour": "LCU-hour", "nlb.hour": "hour", "nlb.nlcu-hour": "NLCU-hour",
        "privatelink.endpoint-hour": "endpoint-AZ-hour", "privatelink.data-processed": "GB", "ec2.public-ipv4-hour": "address-hour",
        "apigw.rest.requests": "million requests", "apigw.http.requests": "million requests", "dataTransfer.internet-out": "GB",
        "dataTransfer.in": "GB", "dataTransfer.inter-az": "GB", "waf.web-acl-month": "web-ACL-month", "waf.rule-month": "rule-month", "waf.requests": "million requests",
        "eks.cluster-hour": "cluster-hour", "eks.cluster-hour.extended-support": "cluster-hour",
        "globalaccelerator.accelerator-hour": "hour",
    ]

    mutating func divisor(_ item: String, _ name: String, component: String? = nil) -> Decimal? {
        do { return try prices.divisor(item, name) } catch {
            note(error, component: component)
            return nil
        }
    }

    mutating func add(_ component: String, _ item: String, _ quantity: Decimal, basis: @autoclosure () -> String? = nil) {
        let price: PriceCatalog.Price
        do { price = try prices.price(item) } catch {
            note(error, component: component, quantity: quantity)
            return
        }
        let parts = TieredPricing.parts(quantity, tiers: price.tiers)
        let amount = TieredPricing.amount(of: parts)
        var unitPrice = ""
        if detail {
            if parts.count > 1 {
                unitPrice = parts.map { "\($0.usd.plainString) × \($0.quantity.rounded(6).plainString)" }.joined(separator: " + ")
            } else {
                unitPrice = (parts.first?.usd ?? price.usd).plainString
            }
        }
        var tiers: [MonthlyCost.TierUse] = []
        if detail && price.isTiered {
            var from = Decimal(0)
            for (part, tier) in zip(parts, price.tiers) {
                tiers.append(MonthlyCost.TierUse(from: from, upTo: tier.upTo, quantity: part.quantity, usd: part.usd))
                from = tier.upTo ?? from
            }
        }
        lines.append(MonthlyCost.Line(
            component: component, item: item, quantity: quantity, unit: price.unit, unitPrice: unitPrice, amount: amount,
            priceRef: detail ? "\(prices.file)#\(item)" : "", basis: detail ? basis() : nil, evidence: price.evidence,
            description: detail ? price.description : nil, tiers: tiers))
    }

    /// A free allowance of the account as a negative line: what `quantity` of `priced` costs less
    /// what it costs beyond the allowance (AWS applies its tiers to the use beyond the free tier).
    /// The allowance is `dimension` of `item`, in units of `per` of the priced item's unit.
    mutating func allowance(_ component: String, _ item: String, _ dimension: String, per: Decimal = 1, against priced: String,
                            _ quantity: Decimal, what: String, noun: String) {
        let monthly: Decimal, price: PriceCatalog.Price, source: PriceCatalog.Price
        do {
            source = try prices.price(item)
            monthly = try prices.dimension(item, dimension)
            price = try prices.price(priced)
        } catch {
            note(error, component: component)
            return
        }
        let allowance = monthly / per
        let free = min(allowance, max(quantity, 0))
        guard free > 0 else { return }
        let saved = TieredPricing.amount(quantity, tiers: price.tiers) - TieredPricing.amount(quantity - free, tiers: price.tiers)
        lines.append(MonthlyCost.Line(
            component: component, item: item, quantity: -free, unit: price.unit,
            unitPrice: detail ? (price.tiers.first?.usd ?? price.usd).plainString : "", amount: -saved,
            priceRef: "\(prices.file)#\(item)",
            basis: detail ? "\(what): the first \(groupedDecimal(monthly)) \(noun) a month of \(priced) are free, once per account (--free-tier; the account's other use may take them first)" : nil,
            evidence: source.evidence, description: detail ? source.description : nil))
    }

    /// One hop's data transfer between AZs: with the targets spread evenly over the AZs, (n−1)/n of
    /// the bytes each way (requests in, responses out) cross an AZ boundary, and AWS bills each
    /// crossing GB twice: out of one AZ and into the other.
    mutating func interAZ(_ edge: Edge, _ why: CrossAZ, traffic: TrafficProfile, azCount: Int) {
        let n = Decimal(azCount)
        let bytes = traffic.dataOutGB + traffic.dataInGB
        let crossing = bytes * (n - 1) / n
        add(edge.from, "dataTransfer.inter-az", crossing * 2, basis: {
            let reason: String
            switch why {
            case .nlbCrossZone: reason = "the NLB has cross-zone load balancing on, so each node sends to targets in every AZ"
            case .kubeProxy: reason = "instance targets: the NLB sends to a node in its AZ and kube-proxy forwards to a pod on any node"
            case .clusterRouting: reason = "the router sends to the application's pods in every AZ"
            }
            return "\(edge.from) → \(edge.to): \(reason); with the targets spread evenly over \(azCount) AZs, \(azCount - 1)/\(azCount) of \(groupedDecimal(bytes.rounded(2))) GB (requests and responses) cross = \(groupedDecimal(crossing.rounded(2))) GB, billed leaving one AZ and entering the other"
        }())
    }

    mutating func publicIPv4(_ component: String, azs: Decimal, hours: Decimal) {
        add(component, "ec2.public-ipv4-hour", azs * hours, basis: "one public IPv4 address per AZ × \(azs.plainString) AZs × \(hours.plainString) h")
    }
}
