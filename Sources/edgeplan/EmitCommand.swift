import ArgumentParser
import EdgePlan
import EdgePlanRender

extension DeploymentEmitter.TemplateFormat: ExpressibleByArgument {}
extension Frontend.DeployStyle: ExpressibleByArgument {}

struct EmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emit",
        abstract: "Write the CloudFormation templates and Kubernetes manifests of a design's options, with plan.json and a deploy guide.")

    @Argument(help: "The design file (YAML).")
    var design: String

    @Option(help: "Write into this folder (cloudformation/ and README.md, or terraform/ with its README.md; kubernetes/, plan.json), replacing its previous contents.")
    var out: String

    @Option(help: "A folder of price files (<region>.json) to use instead of edgeplan's pricing/aws.")
    var pricing: String?

    @Option(name: .customLong("option"), help: "Emit only this option (by id); repeat for more. Default: every option.")
    var options: [String] = []

    @Option(help: "Template format: json or yaml (CloudFormation, in cloudformation/), or terraform (root modules in terraform/).")
    var templateFormat: DeploymentEmitter.TemplateFormat = .json

    @Option(help: "Deploy style of the NLB options, overriding the design: staggered (Kubernetes makes the NLB, a discovery function finds it) or bound (CloudFormation makes it, a TargetGroupBinding binds ingress-nginx).")
    var deployStyle: Frontend.DeployStyle?

    func run() throws {
        do {
            let outcome = try DesignPlanning.outcome(design: design, pricing: pricing, deployStyle: deployStyle)
            Console.report(outcome.diagnostics)
            guard let plan = outcome.plan else { throw ExitCode(2) }
            let emitter = DeploymentEmitter(optionIDs: options, templateFormat: templateFormat)
            let files = try PlanJSONRenderer().render(plan) + emitter.render(plan)
            try OutputFolder.write(files, to: out)
            Console.out("\(out): \(files.count) files for \(plan.options.filter { options.isEmpty || options.contains($0.id) }.count) options\n")
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
