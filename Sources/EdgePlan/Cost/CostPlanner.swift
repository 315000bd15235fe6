import EdgePlanCore
import Foundation

/// The cost stage, between the options and the recommendation: prices every option of a plan for
/// the design's traffic, sweeps the traffic for the break-even points, and records where each price
/// came from. An item the price file lacks leaves a visible unpriced line and the rest is priced;
/// the sweep and break-even points, like the ranking, compare totals only when every option lacks
/// the same items. A missing dimension of a price, or a malformed file, leaves the plan unpriced.
public struct CostPlanner: Sendable {
    public var model = OptionCostModel()
    public var breakEven = BreakEvenFinder()
    /// When true, a missing price or price file stops the plan with an error (`edgeplan cost`);
    /// when false it is a note and the plan goes on without costs (`edgeplan plan`). A price file
    /// that is not valid is an error either way, located in the file.
    public var pricesRequired = false
    /// When false, the traffic sweep and the break-even search are skipped (`validate`, which
    /// prints neither). They meet no problem the design's traffic does not: an option's price
    /// problems come from the price file's items and dimensions, which do not change with traffic
    /// (`CostPlannerTests.theSweepMeetsNoProblemTheDesignsTrafficDoesNot` checks it for every example).
    public var analysesTraffic = true

    public init(pricesRequired: Bool = false) { self.pricesRequired = pricesRequired }

    public func price(_ plan: inout Plan, design: Design, pricing: PlanPricing) throws(DiagnosticError) {
        let prices: PriceCatalog
        switch pricing {
        case .none:
            plan.unpriced = .noPrices
            return
        case .unavailable(let error):
            // A price file that cannot be read is wrong, not missing: an error wherever it is used.
            if let problems = error.malformedFile { throw DiagnosticError(problems) }
            plan.unpriced = Self.unpriced([(error, [])])
            try report([error.description], to: &plan)
            return
        case .catalog(let catalog):
            prices = catalog
        }
        guard !plan.options.isEmpty else { return }
        let traffic = design.trafficProfile
        let azCount = plan.availabilityZones.count

        var costs: [MonthlyCost] = []
        var problems: [(error: PriceError, options: [String])] = []
        var analysis: (sweep: CostSweep, breakEvens: [BreakEven])?
        for option in plan.options {
            do {
                costs.append(try model.cost(option.topology, traffic: traffic, azCount: azCount, prices: prices, controlPlane: plan.kubernetes.support,
                                            vpcEndpoints: plan.vpc.endpoints))
            } catch {
                for e in error.problems {
                    if let k = problems.firstIndex(where: { $0.error == e }) { problems[k].options.append(option.id) } else { problems.append((e, [option.id])) }
                }
            }
        }
        // The sweep compares totals: only meaningful when they leave out the same items.
        let comparable = MonthlyCost.comparable(costs)
        if problems.isEmpty, comparable, analysesTraffic {
            let ids = plan.options.map(\.id)
            let topologies = plan.options.map(\.topology)
            do throws(SweepFailure) {
                analysis = try breakEven.analyse(options: ids) { (i, x) throws(SweepFailure) -> Decimal in
                    do throws(OptionCostModel.Failure) {
                        return try model.total(topologies[i], traffic: traffic.scaled(toDataOutGB: x), azCount: azCount, prices: prices)
                    } catch {
                        throw SweepFailure(option: ids[i], failure: error)
                    }
                }
            } catch {
                // Unpriceable at some traffic is unpriceable: named like any other problem, never $0.
                for e in error.failure.problems { problems.append((e, [error.option])) }
            }
        }
        let malformed = problems.flatMap { $0.error.malformedFile ?? [] }
        guard malformed.isEmpty else { throw DiagnosticError(malformed) }
        guard problems.isEmpty else {
            plan.unpriced = Self.unpriced(problems)
            try report(problems.map { Self.message($0.error, neededBy: $0.options) }, to: &plan)
            return
        }
        guard costs.count == plan.options.count else { return }
        for k in plan.options.indices { plan.options[k].monthlyCost = costs[k].roundedToCents() }
        plan.costSweep = analysis?.sweep
        plan.breakEven = analysis?.breakEvens ?? []

        // The pay-as-you-go lines a flat-rate plan replaced are shown too: their prices are sources as well.
        let used = Set(costs.flatMap { $0.lines + $0.shared + ($0.cloudFrontPlan?.replaced ?? []) }.map(\.item)).sorted()
        var missing: [UnpricedReason.MissingPrice] = []
        for (option, cost) in zip(plan.options, costs) {
            for item in cost.unpricedItems {
                if let k = missing.firstIndex(where: { $0.item == item }) { missing[k].neededBy.append(option.id) } else { missing.append(.init(item: item, neededBy: [option.id])) }
            }
        }
        plan.pricing = PricingSummary(
            file: prices.file, region: prices.region, regionName: prices.regionName,
            sources: used.compactMap { item in prices.prices[item].map { (item: item, source: $0.source) } },
            traffic: traffic)
        plan.pricing?.missing = missing
        plan.pricing?.freeTier = model.lines.contains(.freeTier)
        plan.notes += missing.map { m in
            Diagnostic(.note, "region", "\(prices.file) has no price for '\(m.item)', needed by \(m.neededBy.joined(separator: ", ")); priced without it, their totals say '+ unpriced items'"
                       + (comparable ? "" : ", and the options are not ranked by cost") + "; add it with its source or with 'edgeplan pricing import' (edgeplan never guesses a price)")
        }
    }

    /// An option that could not be priced at one traffic level of the sweep.
    private struct SweepFailure: Error {
        var option: String
        var failure: OptionCostModel.Failure
    }

    /// What the plan says about missing prices (malformed files never get here: they are errors).
    static func unpriced(_ problems: [(error: PriceError, options: [String])]) -> UnpricedReason {
        var file = ""
        var missing: [UnpricedReason.MissingPrice] = []
        for (error, options) in problems {
            switch error {
            case .missingRegion(let folder, let region):
                return .noPriceFile(file: "\(folder)/\(region).json")
            case .missingItem(let f, let item):
                file = f
                missing.append(.init(item: item, neededBy: options))
            case .missingDimension(let f, let item, let dimension):
                file = f
                missing.append(.init(item: item, dimension: dimension, neededBy: options))
            case .malformed:
                break
            }
        }
        return .missingPrices(file: file, missing)
    }

    static func message(_ error: PriceError, neededBy options: [String]) -> String {
        let who = "needed by \(options.joined(separator: ", "))"
        guard case .missingItem(let file, let item) = error else { return "\(error.description) (\(who))" }
        return "\(file) has no price for '\(item)', \(who); add it with its source or with 'edgeplan pricing import' (edgeplan never guesses a price)"
    }

    /// A pricing problem: an error when prices are required, otherwise a note on a plan without costs.
    private func report(_ messages: [String], to plan: inout Plan) throws(DiagnosticError) {
        if pricesRequired {
            throw DiagnosticError(messages.map { .error("region", $0) })
        }
        plan.notes += messages.map { Diagnostic(.note, "region", "costs not computed: \($0)") }
    }
}
