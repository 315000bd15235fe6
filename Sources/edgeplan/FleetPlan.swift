import EdgePlan
import EdgePlanRender
import Foundation

/// `edgeplan plan --fleet DIR [--ledger L]`: plans every `*.yaml` design in a folder, in name
/// order, against one ledger, and prints one summary table. Each design's diagnostics go to
/// stderr in name order; no report is written. The ledger is locked for the whole run and written
/// once at the end, only if every design planned (a failed fleet changes nothing). Exit 2 when any
/// design failed, after printing them all; else 1 when two designs' VPC blocks overlap (each pair
/// an error at the later design's `vpcCidr`), as `cidr check` does.
///
/// The designs are read, parsed and planned on every core (each file read once, its YAML parsed
/// once, the reference data loaded once); what reads or changes the ledger runs in name order.
enum FleetPlan {
    /// One design's run: its outcome (the plan slimmed to what the summary shows) and where its
    /// `vpcCidr` is, for an overlap found after.
    struct Planned: Sendable {
        var file: String
        /// Nil when the file could not be read (`unread` says why).
        var result: Pipeline.LedgerOutcome?
        var unread: [Diagnostic] = []
        var vpcLocation: SourceLocation?
        /// The run's diagnostics as printed, formatted where the design was planned (on every core).
        var report: String

        init(file: String, result: Pipeline.LedgerOutcome?, unread: [Diagnostic] = [], vpcLocation: SourceLocation? = nil) {
            (self.file, self.result, self.unread, self.vpcLocation) = (file, result, unread, vpcLocation)
            report = Console.text(of: result?.outcome.diagnostics ?? unread)
        }
    }

    static func run(folder: String, ledger: String?) throws -> Int32 {
        let reference = try DataFiles.reference()
        let files = try designs(in: folder)
        // The summary shows subnets and capacity: no caveats, refusals or recommendation to weigh.
        let pipeline = { var p = Pipeline(reference: reference); p.planner.judgesOptions = false; return p }()
        var entries: [FleetEntry]
        var locations: [SourceLocation?]
        var ledgerNote = ""
        if let ledger {
            (entries, locations) = try LedgerFile.update(ledger) { parsed -> (([FleetEntry], [SourceLocation?]), Ledger?) in
                try LedgerFile.requireNoProblems(parsed)
                let start = LedgerAllocator(parsed.ledger)
                var allocator = start
                let (entries, locations) = planAgainst(files, pipeline: pipeline, allocator: &allocator)
                let added = allocator.ledger.allocations.count - parsed.ledger.allocations.count
                let allPlanned = entries.allSatisfy { $0.plan != nil }
                if added > 0 {
                    ledgerNote = allPlanned
                        ? "\(grouped(added)) new block\(added == 1 ? "" : "s") recorded in \(ledger)\n"
                        : "\(ledger) not changed: new blocks are recorded only when every design plans\n"
                }
                return ((entries, locations), added > 0 && allPlanned ? allocator.ledger : nil)
            }
        } else {
            let planned = Parallel.map(files) { file -> Planned in
                let text: String
                do throws(DiagnosticError) {
                    text = try DesignInput.read(file)
                } catch {
                    return Planned(file: file, result: nil, unread: error.diagnostics)
                }
                let validated = pipeline.validate(text, file: file)
                var outcome = pipeline.plan(validated)
                outcome.plan = outcome.plan.map(slim)
                return Planned(file: file, result: .init(outcome: outcome, env: outcome.plan?.design.name),
                               vpcLocation: validated.0?.location(of: "network.vpcCidr"))
            }
            entries = summarize(planned.count, { planned[$0] }, release: { _ in })
            locations = planned.map { $0.vpcLocation }
        }
        let overlaps = overlapping(&entries, locations: locations, folder: folder)
        Console.report(overlaps)
        Console.out(FleetSummaryRenderer().render(entries) + ledgerNote)
        return entries.allSatisfy { $0.plan != nil } ? (overlaps.isEmpty ? 0 : 1) : 2
    }

    /// Plans the fleet against a ledger with the result of planning one design after another in
    /// name order, each allocating from the ledger as the one before left it:
    ///
    /// 1. read, parse, validate and size every design, in parallel (no ledger);
    /// 2. allocate in name order, one after another;
    /// 3. plan every design in its block, in parallel (planning reads no ledger).
    ///
    /// One after another, a design gives a new block back before the next allocates only when its
    /// plan fails or its name is taken by an earlier design. When neither happened, every
    /// allocation in step 2 saw the ledger as it would have one after another, so the results are
    /// the same; when either did, the fleet is planned again one design after another, from the
    /// ledger as it was read.
    private static func planAgainst(_ files: [String], pipeline: Pipeline, allocator: inout LedgerAllocator) -> ([FleetEntry], [SourceLocation?]) {
        let start = allocator
        let prepared = Parallel.map(files) { file -> Result<Pipeline.Prepared, DiagnosticError> in
            do throws(DiagnosticError) {
                return .success(pipeline.prepare(try DesignInput.read(file), file: file, sizing: { start.allocation(env: $0) == nil }))
            } catch {
                return .failure(error)
            }
        }
        let locations = prepared.map { (try? $0.get())?.location(of: "network.vpcCidr") }
        func stage(_ i: Int, _ allocator: inout LedgerAllocator) -> Result<Pipeline.Allocated, DiagnosticError> {
            prepared[i].map { pipeline.allocate($0, allocator: &allocator) }
        }
        @Sendable func finish(_ i: Int, _ staged: Result<Pipeline.Allocated, DiagnosticError>) -> Planned {
            switch staged {
            case .failure(let error):
                return Planned(file: files[i], result: nil, unread: error.diagnostics)
            case .success(let allocated):
                var result = pipeline.finish(allocated)
                result.outcome.plan = result.outcome.plan.map(slim)
                return Planned(file: files[i], result: result)
            }
        }
        let staged = files.indices.map { stage($0, &allocator) }
        let planned = Parallel.map(Array(files.indices)) { finish($0, staged[$0]) }
        let box = AllocatorBox(allocator)
        defer { allocator = box.allocator }
        if !givesBlocksBack(planned, staged) {
            return (summarize(planned.count, { planned[$0] }, release: { box.allocator.release(env: $0) }), locations)
        }
        box.allocator = start
        let entries = summarize(files.count, { i in
            let s = stage(i, &box.allocator)
            let p = finish(i, s)
            if p.result?.outcome.plan == nil, let a = (try? s.get())?.allocation, a.isNew { box.allocator.release(env: a.allocation.env) }
            return p
        }, release: { box.allocator.release(env: $0) })
        return (entries, locations)
    }

    /// The allocator both closures of the one-after-another run change, never at the same time.
    private final class AllocatorBox {
        var allocator: LedgerAllocator
        init(_ allocator: LedgerAllocator) { self.allocator = allocator }
    }

    /// Whether planning one design after another would give a new block back before the next
    /// design allocates: its plan failed, or an earlier design that planned has its name.
    private static func givesBlocksBack(_ planned: [Planned], _ staged: [Result<Pipeline.Allocated, DiagnosticError>]) -> Bool {
        var names: Set<String> = []
        for (p, s) in zip(planned, staged) {
            let isNew = (try? s.get())?.allocation?.isNew == true
            guard let result = p.result, result.outcome.plan != nil else {
                if isNew { return true }
                continue
            }
            if let env = result.env, !names.insert(env).inserted, isNew { return true }
        }
        return false
    }

    /// Designs whose VPC blocks share addresses could never be peered or joined to one transit
    /// gateway: one error per pair, at the later design's `vpcCidr`; both entries say `overlap`.
    private static func overlapping(_ entries: inout [FleetEntry], locations: [SourceLocation?], folder: String) -> [Diagnostic] {
        let planned = entries.indices.compactMap { i in entries[i].plan.map { (entry: i, cidr: $0.vpc.cidr) } }
        var found: [Diagnostic] = []
        var marked = Set<Int>()
        for (a, b) in IPv4Prefix.overlappingPairs(planned.map(\.cidr)) {
            let (first, second) = (entries[planned[a].entry], entries[planned[b].entry])
            let file = path(folder, second.file)
            let location = locations[planned[b].entry]
            found.append(.error("network.vpcCidr", "\(planned[b].cidr) overlaps \(planned[a].cidr), the VPC block of \(first.name ?? first.file) (\(first.file)): the two VPCs could never be peered or share a transit gateway; give one another block, or use `vpcCidr: allocate` with a ledger", at: location ?? SourceLocation(file: file, line: 1, column: 1)))
            marked.formUnion([planned[a].entry, planned[b].entry])
        }
        for i in marked { entries[i].status += ", overlap" }
        return found
    }

    /// The fleet's entries from each design's run, taken in name order; `release` takes back a
    /// new block from a design that is then refused.
    private static func summarize(_ count: Int, _ next: (Int) -> Planned, release: (String) -> Void) -> [FleetEntry] {
        var entries: [FleetEntry] = []
        entries.reserveCapacity(count)
        var names: [String: String] = [:]
        // What goes to stderr, in name order, written once at the end.
        var report = ""
        defer { if !report.isEmpty { Console.err(report) } }
        for i in 0..<count {
            let planned = next(i)
            let file = planned.file
            guard let result = planned.result else {
                report += planned.report
                entries.append(FleetEntry(file: fileName(file), name: nil, plan: nil, status: "failed"))
                continue
            }
            var diagnostics = result.outcome.diagnostics
            var plan = result.outcome.plan
            report += planned.report
            if let name = result.env, plan != nil {
                if let first = names[name] {
                    if result.allocation?.isNew == true { release(name) }
                    let taken = Diagnostic.error("name", "'\(name)' is also the name of \(first): every design in a fleet needs its own name (the ledger keys blocks by name)", at: SourceLocation(file: file, line: 1, column: 1))
                    diagnostics.append(taken)
                    report += Console.text(of: [taken])
                    plan = nil
                } else {
                    names[name] = file
                }
            }
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            var status = plan == nil ? "failed" : "ok"
            if plan != nil, result.allocation?.isNew == true { status += ", new block" }
            if plan != nil, warnings > 0 { status += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            entries.append(FleetEntry(file: fileName(file), name: result.env, plan: plan, status: status))
        }
        return entries
    }

    /// Only what the summary shows, so a fleet of thousands stays small in memory.
    @Sendable private static func slim(_ plan: Plan) -> Plan {
        var plan = plan
        plan.sizing = []
        plan.notes = []
        plan.layout.roleBlocks = []
        plan.design.frontends = []
        plan.options = []
        for i in plan.subnets.indices { plan.subnets[i].tags = [] }
        return plan
    }

    /// `name` in `folder`, as `NSString.appendingPathComponent` joins them (one `/` between),
    /// without bridging each of ten thousand paths to NSString.
    private static func path(_ folder: String, _ name: String) -> String {
        var folder = Substring(folder)
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The file's name: what follows the last `/` of a path made by `path(_:_:)`.
    private static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.index(after: slash)...])
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
        return designs.map { path(folder, $0) }
    }
}
