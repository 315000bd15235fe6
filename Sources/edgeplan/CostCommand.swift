import ArgumentParser
import EdgePlan
import EdgePlanRender

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Price every frontend option of a design for its traffic, line by line, and print where the cheapest changes.")

    @Argument(help: "The design file (YAML).")
    var design: String

    @Option(help: "A folder of price files (<region>.json) to use instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Flag(help: "Deduct the account's free allowances (100 GB of data out, CloudFront's Always Free tier) as negative lines; off by default, since the whole account shares them.")
    var freeTier = false

    @Flag(help: "Print the traffic sweep (1 GB to 5 PB of data out a month) as CSV instead of the cost table.")
    var sweep = false

    func run() throws {
        do {
            let outcome = try DesignPlanning.outcome(design: design, pricing: pricing, pricesRequired: true, freeTier: freeTier)
            Console.report(outcome.diagnostics)
            guard let plan = outcome.plan else { throw ExitCode(2) }
            if sweep, plan.costSweep == nil, let missing = plan.pricing?.missing, !missing.isEmpty {
                Console.report([Diagnostic(.error, "--sweep", "no sweep: the options lack different prices (\(missing.map { "\($0.item): \($0.neededBy.joined(separator: ", "))" }.joined(separator: "; "))), so their totals do not compare; add the prices with their source or with 'edgeplan pricing import'")])
                throw ExitCode(2)
            }
            if sweep {
                Console.out(CostSweepCSV().render(plan.costSweep ?? CostSweep(points: [])))
            } else {
                Console.out(CostReportRenderer().render(plan))
            }
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
