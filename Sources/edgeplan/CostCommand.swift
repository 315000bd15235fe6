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
            let reference = try DataFiles.reference()
            let prices = try PricingFiles(option: pricing)
            let text = try DesignInput.read(design)
            var pipeline = Pipeline(reference: reference)
            pipeline.planner.costPlanner.pricesRequired = true
            let outcome = pipeline.run(text, file: design, pricing: prices.pricing(for:))
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
