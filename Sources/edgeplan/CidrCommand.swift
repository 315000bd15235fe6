import ArgumentParser
import EdgePlan

/// `edgeplan cidr …`: VPC ranges for new environments, from a ledger kept in the repository.
struct CidrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cidr",
        abstract: "Hand out VPC ranges from a CIDR ledger (cidr-ledger.yaml) kept in your repository.",
        discussion: """
            The ledger records the pools, the ranges taken elsewhere and every environment's block. \
            Changes take a lock on the ledger, re-read it and replace it in one rename, so concurrent \
            runs never hand out the same block.
            """,
        subcommands: [
            CidrInitCommand.self, CidrAllocateCommand.self, CidrReleaseCommand.self,
            CidrListCommand.self, CidrCheckCommand.self, CidrImportCommand.self,
        ])
}

/// `--ledger FILE`, shared by the `cidr` subcommands.
struct LedgerOption: ParsableArguments {
    @Option(help: "The CIDR ledger file.")
    var ledger: String = "cidr-ledger.yaml"
}

extension CidrCommand {
    /// Parses CIDR option values; every bad one is an error naming the option.
    static func prefixes(_ values: [String], option: String) throws(DiagnosticError) -> [IPv4Prefix] {
        var result: [IPv4Prefix] = []
        var errors: [Diagnostic] = []
        for value in values {
            switch IPv4Prefix.parse(value) {
            case .success(let p): result.append(p)
            case .failure(let e): errors.append(.error(option, e.description))
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return result
    }

    /// Runs a subcommand body; diagnostics become compiler-style errors and exit code 2.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
