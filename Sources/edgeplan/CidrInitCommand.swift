import ArgumentParser
import EdgePlan

struct CidrInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a ledger with its pools and reserved ranges (never overwrites one).")

    @OptionGroup var options: LedgerOption

    @Option(help: "A range environments get blocks from, e.g. 10.0.0.0/8 (repeat for several).")
    var pool: [String] = []

    @Option(help: "A range inside the pools that must never be handed out (repeat for several).")
    var reserve: [String] = []

    func validate() throws {
        if pool.isEmpty { throw ValidationError("give at least one --pool, e.g. --pool 10.0.0.0/8") }
    }

    func run() throws {
        try CidrCommand.reporting {
            let pools = try CidrCommand.prefixes(pool, option: "--pool")
            let reserved = try CidrCommand.prefixes(reserve, option: "--reserve")
            let ledger = Ledger(
                pools: pools.map { Ledger.Pool(cidr: $0) },
                taken: reserved.map { Ledger.TakenRange(cidr: $0, source: "reserved") })
            let problems = LedgerChecker().check(ledger).map { d -> Diagnostic in
                var d = d
                d.path = "--pool"
                return d
            }
            guard problems.isEmpty else { throw DiagnosticError(problems) }
            try LedgerFile.create(ledger, at: options.ledger)
            let size = AddressSpace(pools: pools).freeAddressCount
            let poolText = pools.map(\.description).joined(separator: ", ")
            let reservedText = reserved.isEmpty ? "" : ", \(reserved.count) reserved range\(reserved.count == 1 ? "" : "s")"
            Console.out("created \(options.ledger): pools \(poolText) (\(grouped(size)) addresses)\(reservedText)\n")
        }
    }
}
