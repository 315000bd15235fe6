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

    @Flag(help: "Print the traffic sweep (1 GB to 5 PB of data out a month) as CSV instead of the cost table.")
    var sweep = false

    func run() throws {
        do {
            let outcome = try DesignPlanning.outcome(design: design, pricing: pricing, pricesRequired: true)
            Console.report(outcome.diagnostics)
            guard let plan = outcome.plan else { throw ExitCode(2) }
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
