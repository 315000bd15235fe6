import ArgumentParser
import EdgePlan

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a design file and print every problem found, located (exit 2 on errors).")

    @Argument(help: "The design file (YAML).")
    var design: String

    func run() throws {
        do {
            let reference = try DataFiles.reference()
            let text = try DesignInput.read(design)
            let (_, diagnostics) = Pipeline(reference: reference).validate(text, file: design)
            Console.report(diagnostics)
            if diagnostics.hasErrors { throw ExitCode(2) }
            Console.out("\(design): ok\n")
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
