import ArgumentParser
import EdgePlan

struct CidrReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Give an environment's block back to the pool.",
        discussion: "Releasing an environment that has no block changes nothing and is not an error, so teardown jobs can run twice.")

    @OptionGroup var options: LedgerOption

    @Option(help: "The environment whose block to release.")
    var env: String

    func run() throws {
        try CidrCommand.reporting {
            let removed = try LedgerFile.update(options.ledger) { parsed -> ([Ledger.Allocation], Ledger?) in
                var ledger = parsed.ledger
                let removed = ledger.removeAllocations(env: env)
                return (removed, removed.isEmpty ? nil : ledger)
            }
            if removed.isEmpty {
                Console.err("note: \(env) has no block in \(options.ledger); nothing changed\n")
            }
            for allocation in removed {
                Console.out("released \(allocation.cidr) (env \(allocation.env))\n")
            }
        }
    }
}
