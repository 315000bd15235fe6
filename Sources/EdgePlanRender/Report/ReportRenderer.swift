import EdgePlanCore

/// Everything `edgeplan plan --out DIR` writes: plan.json, report.md, report.html and diagrams/.
public struct ReportRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        var files = try PlanJSONRenderer().render(plan)
        var inline: [String: XMLNode] = [:]
        for option in plan.options {
            let path = "diagrams/\(option.id).svg"
            files.append(OutputFile(path: path, contents: OptionDiagram().svg(plan, option)))
            inline[path] = OptionDiagram().element(plan, option, idPrefix: "d-\(option.id)")
            // One AZ, "× N AZs", for narrow screens (text at 12 px or more on a 390 px phone).
            let narrow = "diagrams/\(option.id)\(HTMLReport.narrowSuffix)"
            files.append(OutputFile(path: narrow, contents: OptionDiagram(compact: true).svg(plan, option)))
            inline[narrow] = OptionDiagram(compact: true).element(plan, option, idPrefix: "d-\(option.id)-compact")
        }
        files.append(OutputFile(path: "diagrams/subnets.svg", contents: SubnetDiagram().svg(plan)))
        inline["diagrams/subnets.svg"] = SubnetDiagram().element(plan, idPrefix: "subnets")
        if let sweep = plan.costSweep {
            files.append(OutputFile(path: "diagrams/cost.svg", contents: CostChart().svg(plan, sweep: sweep)))
            inline["diagrams/cost.svg"] = CostChart().element(plan, sweep: sweep, idPrefix: "cost")
        }
        let markdown = MarkdownReport().render(plan)
        files.append(OutputFile(path: "report.md", contents: markdown))
        files.append(OutputFile(path: "report.html", contents: HTMLReport().render(markdown: markdown, title: "\(plan.design.name): front door plan", diagrams: inline)))
        return files.sorted { $0.path < $1.path }
    }
}
