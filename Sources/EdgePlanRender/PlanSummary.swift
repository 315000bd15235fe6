import EdgePlanCore
import Foundation

/// The readable summary `edgeplan plan` prints: subnets per AZ with CIDRs, usable addresses and
/// tags, the capacity in nodes and pods, and the free space left.
public struct PlanSummaryRenderer: Sendable {
    public init() {}

    public func render(_ plan: Plan) -> String {
        var out = ""
        let region = plan.design.regionName.map { "\(plan.design.region), \($0)" } ?? plan.design.region
        let k = plan.kubernetes
        out += "\(plan.design.name): cluster \(plan.design.cluster) in \(region), Kubernetes \(k.version) (EKS \(k.support.rawValue) support until \(k.support == .extended ? k.extendedSupportEnds : k.standardSupportEnds))\n"
        let secondary = plan.vpc.secondaryCidrs.isEmpty ? "" : " + pods \(plan.vpc.secondaryCidrs.map(\.description).joined(separator: ", "))"
        out += "VPC \(plan.vpc.cidr)\(secondary), \(plan.availabilityZones.count) AZs, \(layoutText(plan.layout))\n"
        for az in plan.availabilityZones {
            out += "\n\(az)\(plan.azKind == .id ? " (AZ ID)" : "")\n"
            var table = TextTable(header: ["role", "subnet", "cidr", "usable", "tags"], rightAligned: [3])
            for s in plan.subnets(az: az) {
                let tags = s.tags.filter { $0.key != "Name" }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                let reservation = s.prefixReservation.map { " (prefixes \($0))" } ?? ""
                table.rows.append([s.role.rawValue, s.name, s.cidr.description + reservation, grouped(s.usableAddresses), tags])
            }
            out += table.render(indent: "  ")
        }
        let c = plan.capacity
        out += "\nNodes: \(plan.nodes.sentence(clusterMode: plan.design.clusterMode))\n"
        out += "Capacity: \(grouped(c.nodes)) nodes, \(grouped(c.pods)) pods (asked for up to \(grouped(c.requestedNodes)) nodes × \(c.podsPerNode) pods; "
        out += "\(grouped(c.nodesWithOneAZLost)) nodes still fit with one AZ lost)\n"
        let total = plan.totalAddresses
        let free = plan.freeAddresses
        out += "Free: \(grouped(free)) of \(grouped(total)) addresses (\(percent(free, of: total)))"
        out += plan.freeCidrs.isEmpty ? "\n" : ": \(plan.freeCidrs.map(\.description).joined(separator: ", "))\n"
        out += options(plan)
        for note in plan.notes {
            out += "\(note.severity.rawValue): \(note.path): \(note.message)\n"
        }
        return out
    }

    /// Per option, best first: the path as one line, the needs it meets, its caveats by severity.
    func options(_ plan: Plan) -> String {
        guard !plan.options.isEmpty else { return "" }
        let order = plan.recommendation?.ranking ?? plan.options.map(\.id)
        var out = "\nFrontend options, best first:\n"
        for (rank, id) in order.enumerated() {
            guard let o = plan.options.first(where: { $0.id == id }) else { continue }
            let star = plan.recommendation?.option == id ? "  (recommended)" : ""
            out += "\n\(rank + 1). \(o.id)\(star)\n"
            out += "   \(o.topology.pathLine(azCount: plan.availabilityZones.count))\n"
            if !o.meets.isEmpty {
                out += "   needs: " + o.meets.map { "\($0.need.rawValue) \($0.met ? "yes" : "NO")" }.joined(separator: ", ") + "\n"
                for m in o.meets where !m.met { out += "     \(m.need.rawValue): \(m.why)\n" }
            }
            if let cost = o.monthlyCost {
                out += "   monthly cost: \(cost.currency) \(amountText(cost.total))\(cost.unpriced.isEmpty ? "" : " + unpriced items")\(cost.evidence == .secondary ? " (secondary)" : "")\n"
                for u in cost.unpriced { out += "     \(u.sentence)\n" }
                if let choice = cost.cloudFrontPlan, let plan = choice.chosenPlan {
                    out += "     CloudFront on the \(plan.name) flat-rate plan (\(money(plan.fee)) a month; pay-as-you-go \(money(choice.payAsYouGo)))\n"
                }
            }
            let counts = Caveat.Severity.allCases.map { s in "\(o.caveats(s).count) \(s.rawValue)" }
            out += "   caveats: \(counts.joined(separator: ", "))\n"
            for c in o.caveats where c.severity != .info {
                out += "     \(c.severity.rawValue.uppercased()) \(c.id): \(c.title)\n"
            }
        }
        if let r = plan.recommendation { out += "\nRecommendation: \(r.option). \(r.why)\n" }
        out += costs(plan)
        return out
    }

    /// Where the costs come from, what they leave out, and where the cheaper option changes.
    func costs(_ plan: Plan) -> String {
        guard let pricing = plan.pricing, let first = plan.options.first?.monthlyCost else { return "" }
        var out = "\nMonthly costs: \(first.currency), from \(pricing.file)"
        if pricing.freeTier { out += ", less the account's free allowances (--free-tier)" }
        let eks = first.shared.filter { $0.component == "eks" }
        let endpoints = first.shared.filter { $0.component != "eks" }
        if !eks.isEmpty {
            let amount = eks.reduce(Decimal(0)) { $0 + $1.amount }
            out += "; the EKS control plane (\(first.currency) \(amountText(amount)) a month)"
            if !endpoints.isEmpty {
                let amount = endpoints.reduce(Decimal(0)) { $0 + $1.amount }
                out += " and the VPC endpoints of a cluster without NAT (\(first.currency) \(amountText(amount)) a month before their data processed)"
                out += " are the same for every option and not in the totals"
            } else {
                out += " is the same for every option and not in the totals"
            }
        }
        out += ".\n"
        if plan.options.contains(where: { $0.monthlyCost?.evidence == .secondary }) { out += PriceCatalog.Evidence.secondaryAdvice + "\n" }
        // No sweep when the options lack different prices: their totals do not compare.
        if plan.costSweep != nil { out += BreakEvenText.render(plan.breakEven) }
        return out
    }

    private func layoutText(_ layout: Layout) -> String {
        switch layout.kind {
        case .roleBlocks: return "one block per role with \(layout.azSlots) AZ slots"
        case .compact: return "packed tightly (no spare AZ slots)"
        }
    }
}
