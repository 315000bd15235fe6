import ArgumentParser
import EdgePlan

struct CidrCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the ledger: overlaps, blocks outside every pool, duplicate environments.",
        discussion: "Exit 0 when sound, 1 with each problem on its own line, 2 when the ledger cannot be read.")

    @OptionGroup var options: LedgerOption

    func run() throws {
        try CidrCommand.reporting {
            let parsed = try LedgerFile.read(options.ledger)
            let problems = LedgerChecker().check(parsed)
            guard problems.isEmpty else {
                Console.report(problems)
                throw ExitCode(1)
            }
            let l = parsed.ledger
            Console.out("\(options.ledger): ok (\(l.pools.count) pool\(l.pools.count == 1 ? "" : "s"), \(l.taken.count) taken range\(l.taken.count == 1 ? "" : "s"), \(l.allocations.count) allocation\(l.allocations.count == 1 ? "" : "s"); no overlaps)\n")
        }
    }
}
