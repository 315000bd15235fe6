import EdgePlanCore

/// Everything `edgeplan plan --out DIR` writes: plan.json, report.md, report.html and diagrams/.
public struct ReportRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        var files = try PlanJSONRenderer().render(plan)
        // Each diagram is laid out once: written as its own file and inlined in report.html.
        var inline: [String: XMLNode] = [:]
        func diagram(_ path: String, _ node: XMLNode) {
            files.append(OutputFile(path: path, contents: XMLWriter.document(node)))
            inline[path] = node
        }
        for option in plan.options {
            diagram("diagrams/\(option.id).svg", OptionDiagram().element(plan, option, idPrefix: "d-\(option.id)"))
            // One AZ, "× N AZs", for narrow screens (text at 12 px or more on a 390 px phone).
            diagram("diagrams/\(option.id)\(HTMLReport.narrowSuffix)", OptionDiagram(compact: true).element(plan, option, idPrefix: "d-\(option.id)-compact"))
        }
        diagram("diagrams/subnets.svg", SubnetDiagram().element(plan, idPrefix: "subnets"))
        if let sweep = plan.costSweep {
            diagram("diagrams/cost.svg", CostChart().element(plan, sweep: sweep, idPrefix: "cost"))
        }
        let markdown = MarkdownReport().render(plan)
        files.append(OutputFile(path: "report.md", contents: markdown))
        files.append(OutputFile(path: "report.html", contents: HTMLReport().render(markdown: markdown, title: "\(plan.design.name): front door plan", diagrams: inline)))
        return files.sorted { $0.path < $1.path }
    }
}
