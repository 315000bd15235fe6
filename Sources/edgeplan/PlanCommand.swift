import ArgumentParser
import EdgePlan
import EdgePlanRender

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a design: subnets per AZ, capacity and free space; print it or write it to a folder.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif
    }

    @Argument(help: "The design file (YAML).")
    var design: String?

    @Option(help: "What to print: text (a readable summary), json (the plan), markdown (the report) or sarif (every caveat and diagnostic as SARIF 2.1.0, for code scanning; exit 2 on errors as ever).")
    var format: Format = .text

    @Option(help: "Write plan.json, report.md, report.html and diagrams/ into this folder, replacing its previous contents.")
    var out: String?

    @Option(help: "A folder of price files (<region>.json) to use instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Flag(help: "With --out: write nothing; exit 1 and list what would change when DIR is not what --out would write (0 when it is current), for a CI job that keeps committed reports current.")
    var check = false

    @Flag(help: "Deduct the account's free allowances (100 GB of data out, CloudFront's Always Free tier) from the costs as negative lines; off by default, since the whole account shares them.")
    var freeTier = false

    @Option(help: "Plan every design (*.yaml) in this folder and print one summary table; writes no reports.")
    var fleet: String?

    @Option(help: "The CIDR ledger that designs saying `vpcCidr: allocate` get their VPC block from.")
    var ledger: String?

    func validate() throws {
        if let problem = PlanLedger.validate(design: design, fleet: fleet, out: out, json: format == .json || format == .sarif) { throw ValidationError(problem) }
        if check && out == nil { throw ValidationError("--check compares the folder --out names with what it would write: give --out DIR") }
    }

    /// What `--out` writes (and `--check` compares): the report, the templates, the Terraform modules, the manifests.
    static func folder(_ plan: Plan) throws -> [OutputFile] {
        // The report and the deployment files on every core (each is pure; the report's error first).
        try Concurrently.all([{ try ReportRenderer().render(plan) }, { try DeploymentEmitter(terraform: true).render(plan) }]).flatMap { $0 }
    }

    func run() throws {
        do {
            if let fleet { throw ExitCode(try FleetPlan.run(folder: fleet, ledger: ledger)) }
            guard let design else { return }
            let outcome: Pipeline.Outcome
            do {
                outcome = try DesignPlanning.outcome(design: design, pricing: pricing, ledger: ledger, freeTier: freeTier)
            } catch let error as DiagnosticError where format == .sarif {
                Console.out(Findings.sarif(file: design, plan: nil, diagnostics: error.diagnostics))
                throw error
            }
            Console.report(outcome.diagnostics)
            if format == .sarif {
                Console.out(Findings.sarif(file: design, plan: outcome.plan, diagnostics: outcome.diagnostics + (outcome.plan?.options.flatMap(\.refusals) ?? [])))
                if outcome.plan == nil || outcome.diagnostics.hasErrors { throw ExitCode(2) }
            }
            guard let plan = outcome.plan else { throw ExitCode(2) }
            if let out, check {
                let changes = OutputFolder.changes(try Self.folder(plan), at: out)
                guard changes.isEmpty else {
                    Console.out("\(out) is not current: \(changes.count) file\(changes.count == 1 ? "" : "s") would change (run edgeplan plan \(design) --out \(out))\n"
                                + changes.map { "  \($0)\n" }.joined())
                    throw ExitCode(1)
                }
                Console.out("\(out) is current\n")
                return
            }
            if let out {
                try OutputFolder.write(try Self.folder(plan), to: out)
            }
            switch format {
            case .text: Console.out(PlanSummaryRenderer().render(plan))
            case .json: Console.out(PlanJSONRenderer().json(plan).serialized())
            case .markdown: Console.out(MarkdownReport().render(plan))
            case .sarif: break
            }
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
