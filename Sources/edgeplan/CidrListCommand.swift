import ArgumentParser
import EdgePlan
import EdgePlanRender

struct CidrListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the pools, the free space, every allocation and every taken range, by address.")

    @OptionGroup var options: LedgerOption

    func run() throws {
        try CidrCommand.reporting {
            let parsed = try LedgerFile.read(options.ledger)
            Console.out(CidrListCommand.render(parsed.ledger.sorted))
            let problems = LedgerChecker().check(parsed).count
            if problems > 0 {
                Console.err("warning: \(options.ledger) has \(problems) problem\(problems == 1 ? "" : "s"): run `edgeplan cidr check --ledger \(options.ledger)`\n")
            }
        }
    }

    static func render(_ ledger: Ledger) -> String {
        let allocator = LedgerAllocator(ledger)
        let total = AddressSpace(pools: ledger.pools.map(\.cidr)).freeAddressCount
        let free = allocator.freeAddressCount
        let allocated = ledger.allocations.reduce(UInt64(0)) { $0 + $1.cidr.size }
        let taken = total >= free + allocated ? total - free - allocated : 0
        func share(_ n: UInt64) -> String { percent(n, of: total) }
        var out = "Pools: \(ledger.pools.map(\.cidr.description).joined(separator: ", ")) (\(grouped(total)) addresses)\n"
        out += "Allocated: \(grouped(ledger.allocations.count)) environment\(ledger.allocations.count == 1 ? "" : "s"), \(grouped(allocated)) addresses (\(share(allocated))); "
        out += "taken elsewhere: \(grouped(taken)) (\(share(taken))); free: \(grouped(free)) (\(share(free)))"
        out += allocator.largestFreeBlock.map { ", largest free block \($0)\n" } ?? "\n"
        if !ledger.allocations.isEmpty {
            // The VPC column appears once a VPC is recorded, so older ledgers list as before.
            let vpcs = ledger.allocations.contains { $0.vpc != nil }
            out += "\n" + Table.render(header: ["cidr", "env", "purpose"] + (vpcs ? ["vpc"] : []) + ["note"],
                                       rows: ledger.allocations.map { [$0.cidr.description, $0.env, $0.purpose] + (vpcs ? [$0.vpc ?? ""] : []) + [$0.note ?? ""] })
        }
        if !ledger.taken.isEmpty {
            out += "\n" + Table.render(header: ["taken", "source", "note"],
                                       rows: ledger.taken.map { [$0.cidr.description, $0.source, $0.note ?? ""] })
        }
        return out
    }
}
