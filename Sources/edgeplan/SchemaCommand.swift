import ArgumentParser
import EdgePlan

/// `edgeplan schema`: the design file's JSON Schema, for editors (the YAML language server) and CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of design format 1, made from the table the parser reads (committed as schema/design-v1.json).")

    func run() throws {
        do {
            let regions = Array(try DataFiles.reference().regions.keys)
            Console.out(DesignSchema(regions: regions).json().serialized())
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
