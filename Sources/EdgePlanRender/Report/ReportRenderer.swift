import EdgePlanCore

/// Everything `edgeplan plan --out DIR` writes: plan.json, report.md, report.html and diagrams/.
public struct ReportRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        // The pieces are independent: plan.json, each diagram (laid out once: written as its own
        // file and inlined in report.html), report.md. They are made on every core; report.html,
        // which takes the Markdown and the diagrams, after.
        enum Piece {
            case files([OutputFile])
            case diagram(String, XMLNode)
            case markdown(String)
        }
        var jobs: [() throws -> Piece] = [{ .files(try PlanJSONRenderer().render(plan)) }, { .markdown(MarkdownReport().render(plan)) }]
        for option in plan.options {
            jobs.append { .diagram("diagrams/\(option.id).svg", OptionDiagram().element(plan, option, idPrefix: "d-\(option.id)")) }
            // One AZ, "× N AZs", for narrow screens (text at 12 px or more on a 390 px phone).
            jobs.append {
                .diagram("diagrams/\(option.id)\(HTMLReport.narrowSuffix)", OptionDiagram(compact: true).element(plan, option, idPrefix: "d-\(option.id)-compact"))
            }
        }
        jobs.append { .diagram("diagrams/subnets.svg", SubnetDiagram().element(plan, idPrefix: "subnets")) }
        if let sweep = plan.costSweep {
            jobs.append { .diagram("diagrams/cost.svg", CostChart().element(plan, sweep: sweep, idPrefix: "cost")) }
        }
        var files: [OutputFile] = []
        var inline: [String: XMLNode] = [:]
        var markdown = ""
        for piece in try Concurrently.all(jobs) {
            switch piece {
            case .files(let f): files += f
            case .diagram(let path, let node):
                files.append(OutputFile(path: path, contents: XMLWriter.document(node)))
                inline[path] = node
            case .markdown(let text): markdown = text
            }
        }
        files.append(OutputFile(path: "report.md", contents: markdown))
        files.append(OutputFile(path: "report.html", contents: HTMLReport().render(markdown: markdown, title: "\(plan.design.name): front door plan", diagrams: inline)))
        return files.sorted { $0.path < $1.path }
    }
}
