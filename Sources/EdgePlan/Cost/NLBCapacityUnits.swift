import EdgePlanCore
import Foundation

/// Network Load Balancer capacity units (NLCU) an hour for TCP traffic. An NLCU is not an ALB LCU:
/// it holds far more connections (ELB pricing page, TCP: 800 new connections a second, 100,000
/// active connections, 1 GB an hour), read from the `dimensions` of `nlb.nlcu-hour`. AWS bills the
/// highest of the three each hour.
public struct NLBCapacityUnits: Sendable, Equatable {
    public static let item = "nlb.nlcu-hour"

    public var newConnections: Decimal
    public var activeConnections: Decimal
    public var processedBytes: Decimal

    public init(_ traffic: TrafficProfile, prices: PriceCatalog) throws(PriceError) {
        let item = Self.item
        newConnections = traffic.newConnectionsPerSecond.divided(by: try prices.divisor(item, "newConnectionsPerSecond"))
        activeConnections = traffic.activeConnections.divided(by: try prices.divisor(item, "activeConnections"))
        processedBytes = traffic.processedGBPerHour.divided(by: try prices.divisor(item, "processedGBPerHour"))
    }

    /// The NLCUs billed each hour: the highest dimension.
    public var nlcu: Decimal { max(newConnections, activeConnections, processedBytes) }

    public var billedOn: String {
        switch nlcu {
        case processedBytes: return "processed bytes"
        case newConnections: return "new connections"
        default: return "active connections"
        }
    }
}
