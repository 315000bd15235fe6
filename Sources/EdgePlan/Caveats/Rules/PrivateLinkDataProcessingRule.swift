import EdgePlanCore
import Foundation

/// PrivateLink bills every GB through the endpoint; above a traffic level that charge outweighs
/// the endpoint's hourly charge and keeps growing with traffic.
struct PrivateLinkDataProcessingRule: CaveatRule {
    let id = "privatelink-data-processing"
    let title = "PrivateLink's per-GB charge dominates the cost above a traffic level"
    let when = "traffic passes an interface endpoint; the level is where per-GB charges pass the endpoint's hourly charges"
    let reference = "AWS PrivateLink pricing"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.interfaceEndpoint) else { return nil }
        // The traffic the costs use, defaults included, and the same both-directions count.
        let profile = f.design.trafficProfile
        let traffic = profile.dataOutGB + profile.dataInGB
        guard let prices = f.prices,
              let hourly = try? prices.price("privatelink.endpoint-hour"),
              let perGB = try? prices.price("privatelink.data-processed"), perGB.usd > 0
        else {
            return caveat(.info,
                detail: "Every GB through the interface endpoint is billed on top of the endpoint's hourly charge per AZ; the price file for \(f.design.region) lacks these prices, so the level where per-GB charges dominate is not computed.",
                mitigation: "Add sourced PrivateLink prices for \(f.design.region) to pricing/, or compare with alb-controller, which has no endpoint.")
        }
        let hourlyPerMonth = hourly.usd * Decimal(f.azCount) * profile.hoursPerMonth
        let level = (hourlyPerMonth / perGB.usd).roundedUp
        let over = traffic >= level
        return caveat(over ? .warning : .info,
            detail: "The endpoint costs \(money(hourlyPerMonth)) a month in hours (\(f.azCount) AZs × \(profile.hoursPerMonth.plainString) h × $\(hourly.usd.plainString)) plus $\(perGB.usd.plainString) per GB processed in both directions; above \(groupedDecimal(level)) GB a month the per-GB charge is the larger part. This design moves \(traffic.rounded(2).plainString) GB a month through it (out + in)\(over ? ", past that level" : "").",
            mitigation: "At high traffic prefer a path without an endpoint (alb-controller, nlb-to-alb or cloudfront-vpc-origin); edgeplan's cost comparison shows where each becomes cheaper.")
    }
}
