import EdgePlanCore

/// Plan → the CloudFormation templates and Kubernetes manifests that build it, and a README with the
/// deploy order. Stacks are split the way the 2018 report deploys them (network, cluster, discovery,
/// one per frontend option) plus the AWS Load Balancer Controller's role where an option needs the
/// controller, and the us-east-1 web ACL of CloudFront options; they are wired by exports
/// (`<stack>-<output>`) that later stacks import through their `NetworkStack`/`ClusterStack` parameters.
public struct DeploymentEmitter: PlanRenderer {
    public enum TemplateFormat: String, CaseIterable, Sendable {
        /// CloudFormation templates in JSON or YAML.
        case json, yaml
        /// Terraform root modules under `terraform/` instead of the templates.
        case terraform
    }

    /// Options to emit, by id; empty means every option of the plan.
    public var optionIDs: [String]
    public var templateFormat: TemplateFormat
    /// Whether the Terraform modules are written as well as the templates (`plan --out`).
    public var terraform: Bool

    public init(optionIDs: [String] = [], templateFormat: TemplateFormat = .json, terraform: Bool = false) {
        self.optionIDs = optionIDs
        self.templateFormat = templateFormat
        self.terraform = terraform || templateFormat == .terraform
    }

    public func render(_ plan: Plan) throws -> [OutputFile] {
        let names = DeploymentNames(design: plan.design.name)
        let selected = try selectedOptions(plan)
        // An option that takes a risk the design has not accepted is not emitted, and neither is
        // anything else: the caller writes nothing.
        let refusals = selected.flatMap(\.refusals)
        if !refusals.isEmpty { throw DiagnosticError(refusals) }
        let contexts = selected.map { FrontendContext(plan: plan, option: $0, names: names) }
        var stacks: [EmittedStack] = [
            EmittedStack(path: "cloudformation/network", stackName: names.networkStack, template: NetworkStack(plan: plan, names: names).template(),
                         when: "first"),
            EmittedStack(path: "cloudformation/cluster", stackName: names.clusterStack, template: ClusterStack(plan: plan, names: names).template(),
                         when: "after network"),
        ]
        if contexts.contains(where: \.needsLoadBalancerController) {
            stacks.append(EmittedStack(path: "cloudformation/lb-controller", stackName: names.controllerStack,
                                       template: LoadBalancerControllerStack(plan: plan, names: names).template(),
                                       when: "after cluster, before installing the AWS Load Balancer Controller"))
        }
        let discoveries = contexts.compactMap(\.realization.discovery)
        if !discoveries.isEmpty {
            stacks.append(EmittedStack(path: "cloudformation/discovery", stackName: names.discoveryStack,
                                       template: DiscoveryStack(plan: plan, names: names, services: discoveries.map(\.service)).template(),
                                       sidecars: [OutputFile(path: "cloudformation/discovery/handler.py", contents: DiscoveryFunction.source)],
                                       when: "after cluster (staggered style only)"))
        }
        var files: [OutputFile] = []
        var guides: [DeployGuide.OptionGuide] = []
        for c in contexts {
            var own = c.frontend.kind.stacks.stacks(c)
            if c.staggered, let i = own.firstIndex(where: { $0.path.hasSuffix("/frontend") }),
               let policy = StaggeredStackPolicy.file(for: own[i]) {
                own[i].sidecars.append(policy)
            }
            stacks += own
            let (manifests, placeholders) = KubernetesManifests(context: c).files()
            files += manifests
            guides.append(DeployGuide.OptionGuide(context: c, stacks: own, placeholders: placeholders,
                                                  manifests: manifests.map(\.path)))
        }
        for i in stacks.indices { stacks[i].template.removeUnusedParameters() }
        let shared = stacks.filter { s in !guides.contains { g in g.stacks.contains { $0.path == s.path } } }
        let guide = DeployGuide(plan: plan, names: names, format: templateFormat, shared: shared, options: guides)
        if templateFormat != .terraform {
            for stack in stacks {
                files.append(OutputFile(path: "\(stack.path).\(templateFormat.rawValue)", contents: serialize(stack.template.json)))
                files += stack.sidecars
            }
            files.append(guide.file())
        }
        if terraform {
            let emitter = TerraformEmitter(plan: plan, names: names)
            let staggered = Set(guides.filter(\.context.staggered).flatMap { $0.stacks.map(\.path) })
            let modules = emitter.modules(stacks, staggered: staggered)
            files += modules.flatMap(\.files)
            files += VPCModuleInputs(plan: plan).files(in: "terraform/network")
            files.append(guide.terraformFile(modules))
        }
        return files
    }

    func serialize(_ value: JSONValue) -> String {
        templateFormat == .yaml ? value.yamlSerialized() : value.serialized()
    }

    /// The plan's options, or the ones asked for.
    func selectedOptions(_ plan: Plan) throws(DiagnosticError) -> [PlannedOption] {
        var options = plan.options
        if !optionIDs.isEmpty {
            let known = options.map(\.id)
            let unknown = optionIDs.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw DiagnosticError(unknown.map {
                    .error("--option", "'\($0)' is not an option of this design; its options are \(known.joined(separator: ", "))")
                })
            }
            options = options.filter { optionIDs.contains($0.id) }
        }
        return options
    }
}
