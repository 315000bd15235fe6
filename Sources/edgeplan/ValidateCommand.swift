import ArgumentParser
import EdgePlan

/// `edgeplan validate DESIGN`: every check `plan`, `cost` and `emit` make, short of writing a file:
/// the design, the subnet plan in its VPC block (or the block the ledger would give it), the price
/// file of its region, and what `emit` would refuse to write.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a design as plan and emit would, writing nothing, and print every problem found, located (exit 2 on errors).")

    @Argument(help: "The design file (YAML).")
    var design: String

    @Option(help: "A folder of price files (<region>.json) to use instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Option(help: "The CIDR ledger a design saying `vpcCidr: allocate` would get its block from (read, never written).")
    var ledger: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, sarif }

    @Option(help: "text (problems on stderr, 'ok' on stdout) or sarif (every diagnostic and caveat as SARIF 2.1.0 on stdout; exit 2 on errors as ever).")
    var format: Format = .text

    func run() throws {
        do {
            // The break-even search is skipped: validate prints no costs, and it finds no problem
            // the design's own traffic does not (CostPlanner.analysesTraffic).
            let outcome = try DesignPlanning.outcome(design: design, pricing: pricing, ledger: ledger, record: false, analysesTraffic: false)
            // What emit and plan --out would refuse: an option taking a risk the design has not accepted.
            let refusals = outcome.plan?.options.flatMap(\.refusals) ?? []
            let diagnostics = outcome.diagnostics + refusals
            Console.report(diagnostics)
            if format == .sarif { Console.out(Findings.sarif(file: design, plan: outcome.plan, diagnostics: diagnostics)) }
            if diagnostics.hasErrors || outcome.plan == nil { throw ExitCode(2) }
            if format == .text { Console.out("\(design): ok\n") }
        } catch let error as DiagnosticError {
            if format == .sarif { Console.out(Findings.sarif(file: design, plan: nil, diagnostics: error.diagnostics)) }
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
