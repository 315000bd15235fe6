import Foundation

/// A month of traffic with every figure the cost model needs: the design's `traffic` with the
/// documented defaults filled in. Capacity units are computed from the **monthly average** per
/// hour (traffic spread evenly over `hoursPerMonth`); real traffic has peaks, and because AWS bills
/// each hour on its busiest dimension, bursty traffic costs at least this much, never less.
public struct TrafficProfile: Sendable, Equatable {
    /// Requests per month.
    public var requests: Decimal
    /// GB sent to clients per month (responses).
    public var dataOutGB: Decimal
    /// GB received from clients per month (requests).
    public var dataInGB: Decimal
    /// New client connections per second, averaged over the month.
    public var newConnectionsPerSecond: Decimal
    /// Concurrent client connections, averaged over the month.
    public var activeConnections: Decimal
    /// Rules in the WAF web ACL, where the option carries one.
    public var wafRules: Decimal
    /// Listener rules an ALB evaluates per request (not in the design file yet: 10, the number AWS
    /// leaves free, so rule evaluations add no LCUs).
    public var albRulesPerRequest: Decimal
    public var hoursPerMonth: Decimal
    /// The design's names of the fields that took a default, in the order of the design file.
    public var defaulted: [String]

    // The defaults, stated in the README ("Traffic").

    /// Requests a month when the design gives neither requests nor data out.
    public static let defaultRequests: Decimal = 10_000_000
    /// Requests per GB of data out when only one of the two is given: 20,000 (about 52 KB a response).
    public static let defaultRequestsPerGB: Decimal = 20_000
    /// Data in as a share of data out: requests are mostly headers and small bodies.
    public static let defaultDataInShare = Decimal(string: "0.05")!
    /// One new connection per request: the most connections (and LCUs) keep-alive could cause.
    public static let defaultRequestsPerConnection: Decimal = 1
    /// How long a connection stays open on average, in seconds: the ALB's default idle timeout.
    public static let defaultConnectionSeconds: Decimal = 60
    public static let defaultWAFRules: Decimal = 10
    public static let defaultALBRulesPerRequest: Decimal = 10

    /// 1 GB = 1,048,576 KB (binary units, as the price files count 1 TB = 1,024 GB).
    public static let kbPerGB: Decimal = 1_048_576

    public init(_ traffic: Traffic, hoursPerMonth: Decimal) {
        var defaulted: [String] = []
        let requests: Decimal
        let dataOut: Decimal
        switch (traffic.requests, traffic.dataOutGB) {
        case (let r?, let d?):
            (requests, dataOut) = (r, d)
        case (let r?, nil):
            (requests, dataOut) = (r, r / Self.defaultRequestsPerGB)
            defaulted.append("dataOutGB")
        case (nil, let d?):
            (requests, dataOut) = (d * Self.defaultRequestsPerGB, d)
            defaulted.append("requests")
        case (nil, nil):
            (requests, dataOut) = (Self.defaultRequests, Self.defaultRequests / Self.defaultRequestsPerGB)
            defaulted += ["requests", "dataOutGB"]
        }
        self.requests = requests
        self.dataOutGB = dataOut
        self.hoursPerMonth = hoursPerMonth
        if let d = traffic.dataInGB { dataInGB = d } else {
            dataInGB = dataOut * Self.defaultDataInShare
            defaulted.append("dataInGB")
        }
        let seconds = hoursPerMonth * 3600
        if let n = traffic.newConnectionsPerSecond { newConnectionsPerSecond = n } else {
            newConnectionsPerSecond = seconds > 0 ? requests / seconds / Self.defaultRequestsPerConnection : 0
            defaulted.append("newConnectionsPerSecond")
        }
        if let a = traffic.activeConnections { activeConnections = a } else {
            activeConnections = newConnectionsPerSecond * Self.defaultConnectionSeconds
            defaulted.append("activeConnections")
        }
        if let w = traffic.wafRules { wafRules = Decimal(w) } else {
            wafRules = Self.defaultWAFRules
            defaulted.append("wafRules")
        }
        albRulesPerRequest = Self.defaultALBRulesPerRequest
        self.defaulted = defaulted
    }

    public var secondsPerMonth: Decimal { hoursPerMonth * 3600 }

    /// Average requests per second over the month.
    public var requestsPerSecond: Decimal { secondsPerMonth > 0 ? requests / secondsPerMonth : 0 }

    /// GB through a load balancer or endpoint per hour, both directions, averaged over the month.
    public var processedGBPerHour: Decimal { hoursPerMonth > 0 ? (dataOutGB + dataInGB) / hoursPerMonth : 0 }

    /// Average size of a request plus its response, in KB.
    public var averageKBPerRequest: Decimal { requests > 0 ? (dataOutGB + dataInGB) * Self.kbPerGB / requests : 0 }

    /// The same traffic at another monthly data out: requests, data in and connections scale in
    /// proportion; rule counts stay. With no data out to scale from, the defaults' ratios apply.
    public func scaled(toDataOutGB target: Decimal) -> TrafficProfile {
        guard dataOutGB > 0 else {
            var fresh = TrafficProfile(Traffic(dataOutGB: target), hoursPerMonth: hoursPerMonth)
            fresh.wafRules = wafRules
            fresh.albRulesPerRequest = albRulesPerRequest
            fresh.defaulted = defaulted
            return fresh
        }
        let factor = target / dataOutGB
        var s = self
        s.dataOutGB = target
        s.requests = requests * factor
        s.dataInGB = dataInGB * factor
        s.newConnectionsPerSecond = newConnectionsPerSecond * factor
        s.activeConnections = activeConnections * factor
        return s
    }
}

extension Design {
    /// The month of traffic everything priced for this design uses (the costs, the break-even
    /// sweep's starting point, the PrivateLink caveat): one definition, so they cannot drift apart.
    public var trafficProfile: TrafficProfile { TrafficProfile(traffic, hoursPerMonth: hoursPerMonth) }
}
