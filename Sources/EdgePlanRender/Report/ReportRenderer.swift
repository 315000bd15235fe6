import EdgePlanCore

/// Everything `edgeplan plan --out DIR` writes: plan.json, report.md, report.html and diagrams/.
public struct ReportRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        var files = try PlanJSONRenderer().render(plan)
        for option in plan.options {
            files.append(OutputFile(path: "diagrams/\(option.id).svg", contents: OptionDiagram().svg(plan, option)))
        }
        return files
    }
}
