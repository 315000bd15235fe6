import EdgePlanCore
import Foundation

/// Application Load Balancer capacity units (LCU) an hour for a traffic profile. AWS bills an ALB
/// on the one dimension with the highest usage each hour; what one LCU holds comes from the
/// `dimensions` of `alb.lcu-hour` in the price file (ELB pricing page: 25 new connections a second,
/// 3,000 active connections a minute, 1 GB an hour for EC2/IP targets, 1,000 rule evaluations a
/// second with the first 10 rules of a request free), never from constants here.
public struct ALBCapacityUnits: Sendable, Equatable {
    public static let item = "alb.lcu-hour"

    /// LCUs each dimension needs, per hour.
    public var newConnections: Decimal
    public var activeConnections: Decimal
    public var processedBytes: Decimal
    public var ruleEvaluations: Decimal

    public init(_ traffic: TrafficProfile, prices: PriceCatalog) throws(PriceError) {
        let item = Self.item
        newConnections = traffic.newConnectionsPerSecond.divided(by: try prices.divisor(item, "newConnectionsPerSecond"))
        activeConnections = traffic.activeConnections.divided(by: try prices.divisor(item, "activeConnectionsPerMinute"))
        processedBytes = traffic.processedGBPerHour.divided(by: try prices.divisor(item, "processedGBPerHourEC2Targets"))
        let free = try prices.dimension(item, "freeRulesPerRequest")
        let evaluations = traffic.requestsPerSecond * max(0, traffic.albRulesPerRequest - free)
        ruleEvaluations = evaluations.divided(by: try prices.divisor(item, "ruleEvaluationsPerSecond"))
    }

    /// The LCUs billed each hour: the highest dimension.
    public var lcu: Decimal { max(newConnections, activeConnections, processedBytes, ruleEvaluations) }

    /// The dimension that sets the bill, for the cost line.
    public var billedOn: String {
        switch lcu {
        case processedBytes: return "processed bytes"
        case newConnections: return "new connections"
        case activeConnections: return "active connections"
        default: return "rule evaluations"
        }
    }
}
