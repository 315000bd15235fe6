import EdgePlan
import EdgePlanRender
import Foundation

/// `edgeplan plan --fleet DIR [--ledger L]`: plans every `*.yaml` design in a folder, in name
/// order, against one ledger, and prints one summary table. Each design's diagnostics go to
/// stderr as they come; no report is written. The ledger is locked for the whole run and written
/// once at the end, only if every design planned (a failed fleet changes nothing). Exit 2 when any
/// design failed, after printing them all; else 1 when two designs' VPC blocks overlap (each pair
/// an error at the later design's `vpcCidr`), as `cidr check` does.
enum FleetPlan {
    static func run(folder: String, ledger: String?) throws -> Int32 {
        let reference = try DataFiles.reference()
        let files = try designs(in: folder)
        let pipeline = Pipeline(reference: reference)
        var entries: [FleetEntry]
        var ledgerNote = ""
        if let ledger {
            entries = try LedgerFile.update(ledger) { parsed -> ([FleetEntry], Ledger?) in
                try LedgerFile.requireNoProblems(parsed)
                var allocator = LedgerAllocator(parsed.ledger)
                let entries = plan(files, run: { pipeline.run($0, file: $1, allocator: &allocator) }, release: { allocator.release(env: $0) })
                let added = allocator.ledger.allocations.count - parsed.ledger.allocations.count
                let allPlanned = entries.allSatisfy { $0.plan != nil }
                if added > 0 {
                    ledgerNote = allPlanned
                        ? "\(grouped(added)) new block\(added == 1 ? "" : "s") recorded in \(ledger)\n"
                        : "\(ledger) not changed: new blocks are recorded only when every design plans\n"
                }
                return (entries, added > 0 && allPlanned ? allocator.ledger : nil)
            }
        } else {
            entries = plan(files, run: { text, file in
                let outcome = pipeline.run(text, file: file)
                return Pipeline.LedgerOutcome(outcome: outcome, env: outcome.plan?.design.name)
            }, release: { _ in })
        }
        let overlaps = overlapping(&entries, folder: folder, parser: pipeline.parser)
        Console.report(overlaps)
        Console.out(FleetSummaryRenderer().render(entries) + ledgerNote)
        return entries.allSatisfy { $0.plan != nil } ? (overlaps.isEmpty ? 0 : 1) : 2
    }

    /// Designs whose VPC blocks share addresses could never be peered or joined to one transit
    /// gateway: one error per pair, at the later design's `vpcCidr`; both entries say `overlap`.
    private static func overlapping(_ entries: inout [FleetEntry], folder: String, parser: DesignParser) -> [Diagnostic] {
        let planned = entries.indices.compactMap { i in entries[i].plan.map { (entry: i, cidr: $0.vpc.cidr) } }
        var found: [Diagnostic] = []
        var marked = Set<Int>()
        for (a, b) in IPv4Prefix.overlappingPairs(planned.map(\.cidr)) {
            let (first, second) = (entries[planned[a].entry], entries[planned[b].entry])
            let file = (folder as NSString).appendingPathComponent(second.file)
            let location = (try? DesignInput.read(file)).flatMap { try? parser.parse($0, file: file) }?.location(of: "network.vpcCidr")
            found.append(.error("network.vpcCidr", "\(planned[b].cidr) overlaps \(planned[a].cidr), the VPC block of \(first.name ?? first.file) (\(first.file)): the two VPCs could never be peered or share a transit gateway; give one another block, or use `vpcCidr: allocate` with a ledger", at: location ?? SourceLocation(file: file, line: 1, column: 1)))
            marked.formUnion([planned[a].entry, planned[b].entry])
        }
        for i in marked { entries[i].status += ", overlap" }
        return found
    }

    /// Plans each file with `run`; `release` takes back a new block from a design that is then refused.
    private static func plan(_ files: [String], run: (String, String) -> Pipeline.LedgerOutcome, release: (String) -> Void) -> [FleetEntry] {
        var entries: [FleetEntry] = []
        entries.reserveCapacity(files.count)
        var names: [String: String] = [:]
        for file in files {
            let text: String
            do {
                text = try DesignInput.read(file)
            } catch {
                Console.report(error.diagnostics)
                entries.append(FleetEntry(file: (file as NSString).lastPathComponent, name: nil, plan: nil, status: "failed"))
                continue
            }
            let result = run(text, file)
            var diagnostics = result.outcome.diagnostics
            var plan = result.outcome.plan
            if let name = result.env, plan != nil {
                if let first = names[name] {
                    if result.allocation?.isNew == true { release(name) }
                    diagnostics.append(.error("name", "'\(name)' is also the name of \(first): every design in a fleet needs its own name (the ledger keys blocks by name)", at: SourceLocation(file: file, line: 1, column: 1)))
                    plan = nil
                } else {
                    names[name] = file
                }
            }
            Console.report(diagnostics)
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            var status = plan == nil ? "failed" : "ok"
            if plan != nil, result.allocation?.isNew == true { status += ", new block" }
            if plan != nil, warnings > 0 { status += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            entries.append(FleetEntry(file: (file as NSString).lastPathComponent, name: result.env, plan: plan.map(slim), status: status))
        }
        return entries
    }

    /// Only what the summary shows, so a fleet of thousands stays small in memory.
    private static func slim(_ plan: Plan) -> Plan {
        var plan = plan
        plan.sizing = []
        plan.notes = []
        plan.layout.roleBlocks = []
        plan.design.frontends = []
        for i in plan.subnets.indices { plan.subnets[i].tags = [] }
        return plan
    }

    /// The `*.yaml` and `*.yml` files of a folder, sorted by name.
    private static func designs(in folder: String) throws(DiagnosticError) -> [String] {
        let top = SourceLocation(file: folder, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError([.error("--fleet", "no such folder: give the folder that holds the design files", at: top)])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let designs = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        guard !designs.isEmpty else {
            throw DiagnosticError([.error("--fleet", "the folder has no design files (*.yaml)", at: top)])
        }
        return designs.map { (folder as NSString).appendingPathComponent($0) }
    }
}
