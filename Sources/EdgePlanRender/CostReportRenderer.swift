import EdgePlanCore
import Foundation

/// What `edgeplan cost` prints: each option's monthly cost line by line (component, price-file
/// item, quantity, unit, unit price, amount, and how the quantity was reached), the shared EKS
/// line, and the break-even points. Needs a priced plan.
public struct CostReportRenderer: Sendable {
    public init() {}

    public func render(_ plan: Plan) -> String {
        guard let pricing = plan.pricing else { return "" }
        let region = plan.design.regionName.map { "\(plan.design.region), \($0)" } ?? plan.design.region
        var out = "\(plan.design.name): monthly cost of each front door in \(region)\n"
        let currency = plan.options.first?.monthlyCost?.currency ?? "USD"
        out += "Prices: \(pricing.file) (\(currency) list prices, on demand, "
            + (pricing.freeTier ? "less the account's free allowances, as if nothing else in the account used them: --free-tier)" : "no free tiers)")
        if let t = pricing.traffic { out += ", \(t.hoursPerMonth.plainString) h a month\n" + trafficLine(t) } else { out += "\n" }

        var shared: [MonthlyCost.Line] = []
        for option in plan.options {
            guard let cost = option.monthlyCost else { continue }
            let secondary = cost.evidence == .secondary
            out += "\n\(option.id): \(cost.totalText) a month\(secondary ? " (secondary)" : "")\n"
            out += table(cost.lines, unpriced: cost.unpriced, total: cost.totalText)
            if secondary {
                out += "  secondary evidence: \(cost.secondaryItems.joined(separator: ", ")). \(PriceCatalog.Evidence.secondaryAdvice)\n"
            }
            if let plan = cost.cloudFrontPlan { out += cloudFront(plan) }
            if shared.isEmpty { shared = cost.shared }
        }
        if !shared.isEmpty {
            out += "\nShared by every option, not in the totals:\n"
            out += table(shared, unpriced: [], total: nil)
        }
        let priced = plan.options.compactMap { o in o.monthlyCost.map { (o.id, $0.total) } }
        let comparable = MonthlyCost.comparable(plan.options.map(\.monthlyCost))
        if !comparable {
            out += "\nNot ranked by cost: the options lack different prices (\(plan.pricing?.missing.map { "\($0.item): \($0.neededBy.joined(separator: ", "))" }.joined(separator: "; ") ?? "")), so their totals leave out different items\n"
        } else if let cheapest = priced.min(by: { $0.1 < $1.1 }) {
            out += "\nCheapest at this traffic: \(cheapest.0) (\(money(cheapest.1)) a month)"
            if let r = plan.recommendation, r.option != cheapest.0 {
                out += "; recommended: \(r.option) (stated needs and critical caveats come before cost)"
            }
            out += "\n"
        }
        if plan.costSweep != nil { out += BreakEvenText.render(plan.breakEven) }
        return out
    }

    private func trafficLine(_ t: TrafficProfile) -> String {
        func mark(_ field: String) -> String { t.defaulted.contains(field) ? "*" : "" }
        let parts = [
            "\(number(t.requests)) requests\(mark("requests"))",
            "\(number(t.dataOutGB)) GB out\(mark("dataOutGB"))",
            "\(number(t.dataInGB)) GB in\(mark("dataInGB"))",
            "\(number(t.newConnectionsPerSecond)) new connections/s\(mark("newConnectionsPerSecond"))",
            "\(number(t.activeConnections)) active connections\(mark("activeConnections"))",
            "\(number(t.wafRules)) WAF rules\(mark("wafRules"))",
        ]
        let note = t.defaulted.isEmpty ? "" : " (* default, see the README)"
        return "Traffic a month: \(parts.joined(separator: ", "))\(note)\n"
    }

    /// How the option's CloudFront is priced, and the pay-as-you-go lines a plan replaced.
    private func cloudFront(_ plan: CloudFrontPlanChoice) -> String {
        var out = "  CloudFront pricing: \(plan.summary)\n"
        for d in CloudFrontPlanText.details(plan) { out += "    \(d.label): \(d.text)\n" }
        if !plan.replaced.isEmpty {
            out += "    the pay-as-you-go lines it replaces:\n"
            out += table(plan.replaced, unpriced: [], total: money(plan.payAsYouGo), indent: "      ", totalLabel: "pay-as-you-go")
        }
        return out
    }

    private func table(_ lines: [MonthlyCost.Line], unpriced: [MonthlyCost.Unpriced], total: String?, indent: String = "  ", totalLabel: String = "total") -> String {
        var table = TextTable(header: ["component", "item", "quantity", "unit", "unit price", "amount", "basis"], rightAligned: [2, 5])
        for l in lines {
            table.rows.append([l.component, l.item, number(l.quantity), l.unit, l.unitPrice, money(l.amount), l.basis ?? ""])
        }
        for u in unpriced {
            table.rows.append([u.component, u.item, u.quantity.map(number) ?? "?", u.unit ?? "", "no sourced price", "–", u.sentence])
        }
        if let total { table.rows.append([totalLabel, "", "", "", "", total, ""]) }
        return table.render(indent: indent)
    }

    /// A quantity with grouping and at most four decimals: "1,141.5525".
    private func number(_ d: Decimal) -> String { groupedDecimal(d.rounded(4)) }
}
