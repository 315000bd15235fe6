import ArgumentParser
import Foundation

/// `edgeplan`: the thin command-line shell around the EdgePlan library; the only code that touches disk.
@main
struct EdgePlanCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edgeplan",
        abstract: "Plan the HTTP front door of an EKS cluster on AWS: subnets, frontend options, costs and caveats.",
        subcommands: [PlanCommand.self, EmitCommand.self, ValidateCommand.self, CostCommand.self, DiffCommand.self, PricingCommand.self, CidrCommand.self, CaveatsCommand.self, SchemaCommand.self])

    /// Usage errors exit with 2 like every other bad input; help and version exit with 0.
    static func main() {
        // The commands that plan read the reference data while their arguments and design are parsed.
        if let command = CommandLine.arguments.dropFirst().first, ["plan", "validate", "cost", "emit", "diff"].contains(command) {
            DataFiles.startReadingReference()
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            // A usage error may echo an argument: printed through Console like everything else.
            Console.err(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}
