import ArgumentParser
import EdgePlan
import Foundation

struct CidrImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Mark as taken every CIDR in the JSON output of `aws ec2 describe-vpcs` or `describe-subnets`.",
        discussion: """
            Takes each VPC's primary block and its secondary blocks in state 'associated', and each \
            subnet's block. Ranges already recorded, or of an environment's own VPC (the VPC its \
            allocation records, or one tagged edgeplan:env=<env>, which is then recorded), are skipped. \
            Exits 1 (after recording them) when an imported range overlaps an environment's block \
            and is not its own. A block that holds a whole pool is refused unless --force.
            """)

    @OptionGroup var options: LedgerOption

    @Flag(help: "Record blocks that hold a whole pool too (they leave nothing in it to allocate).")
    var force = false

    @Argument(help: "Files holding `aws ec2 describe-vpcs` or `aws ec2 describe-subnets` output (JSON).")
    var files: [String]

    func run() throws {
        try CidrCommand.reporting {
            var blocks: [AWSImport.Block] = []
            for file in files {
                let result = try AWSImport().read(try CidrImportCommand.bytes(file), file: file)
                Console.report(result.skipped)
                blocks += result.blocks
            }
            let report = try LedgerFile.update(options.ledger) { parsed -> (LedgerAllocator.ImportReport, Ledger?) in
                var allocator = LedgerAllocator(parsed.ledger)
                if !force {
                    let whole = allocator.blocksCoveringAPool(blocks)
                    if !whole.isEmpty { throw DiagnosticError(whole) }
                }
                let report = allocator.importTaken(blocks)
                return (report, report.changed ? allocator.ledger : nil)
            }
            for range in report.added {
                Console.out("taken \(range.cidr)  \(range.source)\(range.note.map { "  \($0)" } ?? "")\n")
            }
            for allocation in report.bound {
                Console.out("bound \(allocation.vpc ?? "")  to env \(allocation.env) (\(allocation.cidr)), by its \(AWSImport.envTagKey) tag\n")
            }
            Console.out("imported \(report.added.count) of \(blocks.count) range\(blocks.count == 1 ? "" : "s") into \(options.ledger); \(report.skipped.count) already recorded\n")
            if !report.conflicts.isEmpty {
                Console.report(report.conflicts)
                throw ExitCode(1)
            }
        }
    }

    static func bytes(_ path: String) throws(DiagnosticError) -> Data {
        try InputFile.read(path, limit: AWSImport.maxBytes, what: "the output of `aws ec2 describe-vpcs` or `describe-subnets`",
                           missing: "no such file: save the output of `aws ec2 describe-vpcs > FILE` and give that file",
                           advice: ": split it with --filters (for example Name=vpc-id,Values=…) or per Region")
    }
}
