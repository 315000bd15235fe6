import EdgePlanCore
import Foundation

/// The stacks as Terraform root modules under `terraform/`, one per CloudFormation stack (network,
/// cluster, lb-controller, discovery, one per option), each translated from the template the
/// CloudFormation emitter built, so both say the same. A CloudFront option's us-east-1 web ACL is
/// part of its option's module (`edge-waf.tf`, through the provider alias `aws.us_east_1`): one
/// Terraform run can work in two Regions, which is why CloudFormation needs a stack of its own there.
///
/// Stacks pass values on through variables, not `terraform_remote_state`: the module that makes
/// the VPC or the cluster has a `stack_inputs` output, written as `network.auto.tfvars.json` or
/// `cluster.auto.tfvars.json` into the modules that take them (the guide's commands), which then
/// read `var.network` and `var.cluster`. That works with any backend, or none, where remote state
/// would have to name the backend of the stack it reads.
struct TerraformEmitter: Sendable {
    var plan: Plan
    var names: DeploymentNames

    /// The provider every module takes, pinned to a major version: the version this machine can
    /// validate with, or the first that has what a module uses (`integration_target`, in 6.25.0).
    static let providerConstraint = "~> 5.100"
    static let newerProviderConstraint = "~> 6.25"
    static let edgeRegion = "us-east-1"

    /// A module folder under `terraform/` and the stack it was made from.
    struct Module: Sendable {
        var folder: String
        var stack: EmittedStack
        var files: [OutputFile]
        /// Variables without a default, which a person must set (`-var`), and why.
        var requiredVariables: [(name: String, description: String)]
        /// `network` / `cluster`: the stack inputs the module takes.
        var takes: [String]
        var providerConstraint: String
    }

    static func folder(of stack: EmittedStack) -> String {
        let path = stack.path.replacingOccurrences(of: "cloudformation/", with: "terraform/")
        return path.hasSuffix("/frontend") ? String(path.dropLast("/frontend".count)) : path
    }

    func modules(_ stacks: [EmittedStack], staggered: Set<String>) -> [Module] {
        var out: [Module] = []
        for stack in stacks where !stack.path.hasSuffix("/edge-waf") {
            let edge = stacks.first { $0.path == stack.path.replacingOccurrences(of: "/frontend", with: "/edge-waf") && stack.path.hasSuffix("/frontend") }
            out.append(module(stack, edgeWAF: edge, guarded: staggered.contains(stack.path)))
        }
        return out
    }

    private func module(_ stack: EmittedStack, edgeWAF: EmittedStack?, guarded: Bool) -> Module {
        let folder = Self.folder(of: stack)
        let t = stack.template
        var overrides: [String: String] = [:]
        if edgeWAF != nil { overrides["WebAclArn"] = "aws_wafv2_web_acl.web_acl.arn" }
        let lambdaCode = t.resources.contains { $0.0 == "DiscoveryFunction" } ? ["DiscoveryFunction": "handler"] : [:]
        let translator = TerraformTranslator(template: t, stackName: stack.stackName, azCount: plan.availabilityZones.count,
                                             lambdaCode: lambdaCode, guardConditioned: guarded, overrides: overrides)
        var main: [HCLBlock] = []
        // Locals: the stack's name (resource names derive from it, as from AWS::StackName) and conditions.
        var locals: [HCLItem] = [.attribute("stack_name", .string(stack.stackName))]
        for (name, value) in t.conditions { locals.append(.attribute(name.snakeCased, translator.expr(value))) }
        var data: [HCLBlock] = []
        for (name, p) in t.parameters where p["Type"]?.stringValue?.hasPrefix("AWS::SSM::Parameter::Value") == true {
            let what = p["Description"]?.stringValue ?? ""
            data.append(HCLBlock("data", ["aws_ssm_parameter", name.snakeCased], [
                .comment(" \(what)"),
                .attribute("name", translator.expr(p["Default"] ?? .null)),
            ]))
        }
        main += data
        let resources = translator.resources()
        main += resources.map(\.block)

        var edgeBlocks: [HCLBlock] = []
        if let edgeWAF {
            var edge = TerraformTranslator(template: edgeWAF.template, stackName: edgeWAF.stackName, azCount: plan.availabilityZones.count,
                                           overrides: ["AWS::Region": "data.aws_region.us_east_1.name", "AWS::StackName": "local.edge_waf_stack_name"])
            edge.guardConditioned = false
            locals.append(.attribute("edge_waf_stack_name", .string(edgeWAF.stackName)))
            edgeBlocks.append(HCLBlock("data", ["aws_region", "us_east_1"], [.attribute("provider", .raw("aws.us_east_1"))]))
            for var r in edge.resources() {
                r.items.insert(.attribute("provider", .raw("aws.us_east_1")), at: r.items.firstIndex { if case .comment = $0 { false } else { true } } ?? 0)
                edgeBlocks.append(r.block)
            }
        }

        // Variables: the template's parameters, less what this module reads otherwise.
        var variables: [HCLBlock] = []
        var required: [(String, String)] = []
        var takes: [String] = []
        for (name, p) in t.parameters {
            if p["Type"]?.stringValue?.hasPrefix("AWS::SSM::Parameter::Value") == true || overrides[name] != nil { continue }
            switch name {
            case "NetworkStack": variables.append(networkVariable()); takes.append("network"); continue
            case "ClusterStack": variables.append(clusterVariable()); takes.append("cluster"); continue
            default: break
            }
            let description = p["Description"]?.stringValue ?? ""
            var items: [HCLItem] = [.attribute("description", .string(description)), .attribute("type", .raw("string"))]
            if let d = p["Default"] { items.append(.attribute("default", translator.expr(d))) } else { required.append((name.snakeCased, description)) }
            if p["NoEcho"] == .bool(true) { items.append(.attribute("sensitive", .bool(true))) }
            var conditions: [String] = []
            if let pattern = p["AllowedPattern"]?.stringValue { conditions.append("can(regex(\(HCLWriter.quoted(pattern)), var.\(name.snakeCased)))") }
            if case .int(let n) = p["MinLength"] ?? .null { conditions.append("length(var.\(name.snakeCased)) >= \(n)") }
            if !conditions.isEmpty {
                items.append(.block(HCLBlock("validation", [], [
                    .attribute("condition", .raw(conditions.joined(separator: " && "))),
                    .attribute("error_message", .string("\(name.snakeCased) must match \(p["AllowedPattern"]?.stringValue ?? "its pattern")\(p["MinLength"] != nil ? " and be long enough" : "").")),
                ])))
            }
            variables.append(HCLBlock("variable", [name.snakeCased], items))
        }

        var outputs: [HCLBlock] = []
        for (name, o) in t.outputs {
            var value = translator.expr(o["Value"] ?? .null)
            if let condition = o["Condition"]?.stringValue { value = .raw("local.\(condition.snakeCased) ? \(value.inline) : null") }
            outputs.append(HCLBlock("output", [name.snakeCased], [.attribute("description", .string(o["Description"]?.stringValue ?? "")), .attribute("value", value)]))
        }
        if folder == "terraform/network" { outputs.append(networkStackInputs()) }
        if folder == "terraform/cluster" { outputs.append(clusterStackInputs()) }

        // Data sources for the pseudo parameters the module reads.
        let text = HCLWriter.file(main + outputs + edgeBlocks)
        var pseudo: [HCLBlock] = []
        if text.firstByteRange(of: "data.aws_region.current") != nil { pseudo.append(HCLBlock("data", ["aws_region", "current"], [])) }
        if text.firstByteRange(of: "data.aws_caller_identity.current") != nil { pseudo.append(HCLBlock("data", ["aws_caller_identity", "current"], [])) }
        if text.firstByteRange(of: "data.aws_partition.current") != nil { pseudo.append(HCLBlock("data", ["aws_partition", "current"], [])) }
        let usedLocals = locals.filter { item in
            guard case .attribute(let name, _) = item else { return true }
            return text.firstByteRange(of: "local.\(name)") != nil
        }
        var head: [HCLBlock] = pseudo
        if !usedLocals.isEmpty { head.append(HCLBlock("locals", [], usedLocals)) }

        let constraint = text.firstByteRange(of: "integration_target") != nil ? Self.newerProviderConstraint : Self.providerConstraint
        // Provider 6 reads the Region as `region` (its `name` is deprecated there).
        func current(_ s: String) -> String {
            constraint == Self.newerProviderConstraint ? s.replacingBytes("data.aws_region.current.name", with: "data.aws_region.current.region") : s
        }
        var files = [OutputFile(path: "\(folder)/versions.tf", contents: HCLWriter.file(versions(constraint, edge: edgeWAF != nil)))]
        if !variables.isEmpty { files.append(OutputFile(path: "\(folder)/variables.tf", contents: HCLWriter.file(variables))) }
        files.append(OutputFile(path: "\(folder)/main.tf", contents: current("# \(t.description)\n" + (translator.replaced.isEmpty ? "" : "#\n" + translator.replaced.sorted { $0.key < $1.key }.map { "# \($0.key): not made, \($0.value)\n" }.joined()) + "\n" + HCLWriter.file(head + main))))
        if !edgeBlocks.isEmpty {
            files.append(OutputFile(path: "\(folder)/edge-waf.tf", contents: "# \(edgeWAF!.template.description.replacingOccurrences(of: " (deploy in us-east-1)", with: "")), in us-east-1 through the provider alias aws.us_east_1\n\n" + HCLWriter.file(edgeBlocks)))
        }
        if !outputs.isEmpty { files.append(OutputFile(path: "\(folder)/outputs.tf", contents: current(HCLWriter.file(outputs)))) }
        if lambdaCode["DiscoveryFunction"] != nil {
            files.append(OutputFile(path: "\(folder)/handler.py", contents: DiscoveryFunction.source))
        }
        return Module(folder: folder, stack: stack, files: files, requiredVariables: required, takes: takes, providerConstraint: constraint)
    }

    private func versions(_ constraint: String, edge: Bool) -> [HCLBlock] {
        var blocks = [
            HCLBlock("terraform", [], [
                .attribute("required_version", .string(">= 1.5")),
                .blank,
                .block(HCLBlock("required_providers", [], [
                    .attribute("aws", .object([("source", .string("hashicorp/aws")), ("version", .string(constraint))])),
                ])),
            ]),
            HCLBlock("provider", ["aws"], [.attribute("region", .string(plan.design.region))]),
        ]
        if edge {
            blocks.append(HCLBlock("provider", ["aws"], [
                .comment(" CloudFront web ACLs exist only in us-east-1."),
                .attribute("alias", .string("us_east_1")),
                .attribute("region", .string(Self.edgeRegion)),
            ]))
        }
        return blocks
    }

    var roles: [SubnetRole] { SubnetRole.allCases.filter { !plan.subnets(role: $0).isEmpty } }

    private func networkVariable() -> HCLBlock {
        HCLBlock("variable", ["network"], [
            .attribute("description", .string("The network module's stack_inputs output (terraform -chdir=../network output -json stack_inputs > network.auto.tfvars.json)")),
            .attribute("type", .call("object", [.object([
                ("vpc_id", .raw("string")),
                ("vpc_cidr", .raw("string")),
                ("availability_zones", .raw("list(string)")),
                ("subnet_ids", .call("object", [.object(roles.map { ($0.terraformName, .raw("list(string)")) })])),
            ])])),
        ])
    }

    private func clusterVariable() -> HCLBlock {
        HCLBlock("variable", ["cluster"], [
            .attribute("description", .string("The cluster module's stack_inputs output (terraform -chdir=../cluster output -json stack_inputs > cluster.auto.tfvars.json)")),
            .attribute("type", .call("object", [.object([("name", .raw("string"))])])),
        ])
    }

    private func networkStackInputs() -> HCLBlock {
        let azs = plan.availabilityZones
        let subnets: [(String, HCLValue)] = roles.map { role in
            (role.terraformName, .list(plan.subnets(role: role).map { s in
                .raw("aws_subnet.\(NetworkStack.subnetID(s, azIndex: azs.firstIndex(of: s.az) ?? 0).snakeCased).id")
            }))
        }
        return HCLBlock("output", ["stack_inputs"], [
            .attribute("description", .string("What the later modules take as var.network: write it as their network.auto.tfvars.json")),
            .attribute("value", .object([("network", .object([
                ("vpc_id", .raw("aws_vpc.vpc.id")),
                ("vpc_cidr", .raw("aws_vpc.vpc.cidr_block")),
                ("availability_zones", .list(azs.map { .string($0) })),
                ("subnet_ids", .object(subnets)),
            ]))])),
        ])
    }

    private func clusterStackInputs() -> HCLBlock {
        HCLBlock("output", ["stack_inputs"], [
            .attribute("description", .string("What the lb-controller module takes as var.cluster: write it as its cluster.auto.tfvars.json")),
            .attribute("value", .object([("cluster", .object([("name", .raw("aws_eks_cluster.eks_cluster.name"))]))])),
        ])
    }
}
