import EdgePlanCore
import Foundation

/// A resource or data source of a Terraform root module.
struct TerraformResource: Sendable {
    enum Kind: String, Sendable { case resource, data }
    var kind: Kind = .resource
    var type: String
    var name: String
    var items: [HCLItem]
    /// The CloudFormation resource it was made from, for the file's comments and the tests.
    var from: String?

    var block: HCLBlock { HCLBlock(kind.rawValue, [type, name], items) }
}

/// Turns one CloudFormation template of the emitter into the blocks of a Terraform root module,
/// resource for resource: the stack's own facts (ports, rules, tags, names, suppressions with their
/// reasons) come from the template, so the two outputs cannot say different things. What
/// Terraform does differently is decided here, once per type:
/// - `Fn::ImportValue` of the network and cluster stacks' exports reads the `network` and `cluster`
///   variables (which the previous stack's `stack_inputs` output fills);
/// - a parameter read from SSM (`AWS::SSM::Parameter::Value<String>`) is a data source, and a
///   resource under the condition `NlbPresent` gets `count` on it;
/// - inline pieces CloudFormation keeps in one resource are Terraform resources of their own
///   (policy attachments, target group attachments, method integrations, certificate validation).
struct TerraformTranslator {
    var template: CloudFormationTemplate
    var stackName: String
    /// Addresses per AZ, for the endpoint ENI lookups.
    var azCount: Int
    /// Lambda functions whose code is a file beside the module: id → the file's name without `.py`.
    var lambdaCode: [String: String] = [:]
    /// Whether resources under a condition get `prevent_destroy` (the staggered stack policy).
    var guardConditioned = false
    /// Expressions that stand for a pseudo parameter or a parameter in this module (the edge web
    /// ACL's Region and stack name; the web ACL's ARN that the frontend takes from it).
    var overrides: [String: String] = [:]

    /// CloudFormation resources that need no Terraform counterpart, with why (the custom resource
    /// that reads the endpoint ENIs' addresses is a data source here, so its function is not needed).
    private(set) var replaced: [String: String] = [:]

    init(template: CloudFormationTemplate, stackName: String, azCount: Int, lambdaCode: [String: String] = [:], guardConditioned: Bool = false,
         overrides: [String: String] = [:]) {
        self.overrides = overrides
        self.template = template
        self.stackName = stackName
        self.azCount = azCount
        self.lambdaCode = lambdaCode
        self.guardConditioned = guardConditioned
        for (id, resource) in template.resources where resource["Type"]?.stringValue?.hasPrefix("Custom::") == true {
            if case .object(let token) = resource["Properties"]?["ServiceToken"] ?? .null,
               case .array(let parts) = token.first?.1 ?? .null, let function = parts.first?.stringValue {
                for (other, _) in template.resources where other.hasPrefix(function) {
                    replaced[other] = "the custom resource \(id) it serves is a data source in Terraform"
                }
            }
        }
    }

    // MARK: - Lookups

    func type(of id: String) -> String? { template.resourceType(id) }

    func resource(_ id: String) -> JSONValue? { template.resources.first { $0.0 == id }?.1 }

    func condition(of id: String) -> String? { resource(id)?["Condition"]?.stringValue }

    func parameter(_ name: String) -> JSONValue? { template.parameters.first { $0.0 == name }?.1 }

    /// `aws_lb.alb` (or `data.aws_network_interface.endpoint_ips` for the custom resource).
    func address(_ id: String) -> String {
        guard let t = type(of: id) else { preconditionFailure("\(id) is not a resource of the template") }
        if t.hasPrefix("Custom::") { return "data.aws_network_interface.\(id.snakeCased)" }
        guard let mapping = TerraformTypes.mappings[t] else { preconditionFailure("no Terraform type for \(t)") }
        return "\(mapping.type).\(id.snakeCased)"
    }

    /// `aws_lb.alb.arn`, or `aws_lb.alb[0].arn` under a condition.
    func reference(_ id: String, _ attribute: String) -> String {
        address(id) + (condition(of: id) != nil ? "[0]" : "") + ".\(attribute)"
    }

    // MARK: - Intrinsic functions

    /// The expression for a CloudFormation value.
    func expr(_ v: JSONValue) -> HCLValue {
        switch v {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .array(let items): return .list(items.map(expr))
        case .object(let fields):
            if fields.count == 1, let value = intrinsic(fields[0].0, fields[0].1) { return value }
            return .object(fields.map { ($0.0, expr($0.1)) })
        }
    }

    private func intrinsic(_ name: String, _ arg: JSONValue) -> HCLValue? {
        switch name {
        case "Ref":
            guard let target = arg.stringValue else { return nil }
            return .raw(ref(target))
        case "Fn::GetAtt":
            let parts = arg.arrayItems.compactMap(\.stringValue)
            guard parts.count == 2 else { return nil }
            return getAtt(parts[0], parts[1])
        case "Fn::Sub":
            if let text = arg.stringValue { return sub(text, [:]) }
            let parts = arg.arrayItems
            guard parts.count == 2, let text = parts[0].stringValue else { return nil }
            return sub(text, Dictionary(uniqueKeysWithValues: parts[1].fields.map { ($0.0, expr($0.1)) }))
        case "Fn::Join":
            let parts = arg.arrayItems
            guard parts.count == 2 else { return nil }
            return .call("join", [expr(parts[0]), expr(parts[1])])
        case "Fn::Split":
            let parts = arg.arrayItems
            guard parts.count == 2 else { return nil }
            if let list = importedList(parts[1]) { return .raw(list) }
            return .call("split", [expr(parts[0]), expr(parts[1])])
        case "Fn::Select":
            let parts = arg.arrayItems
            guard parts.count == 2, case .int(let i) = parts[0] else { return nil }
            return .raw("\(expr(parts[1]).inline)[\(i)]")
        case "Fn::ImportValue":
            return imported(arg).map { .raw($0) }
        case "Fn::Base64":
            return .call("base64encode", [arg.stringValue.map { $0.contains("\n") ? .heredoc($0) : .string($0) } ?? expr(arg)])
        case "Fn::Equals":
            let parts = arg.arrayItems
            guard parts.count == 2 else { return nil }
            return .raw("\(expr(parts[0]).inline) == \(expr(parts[1]).inline)")
        case "Fn::Not":
            guard let inner = arg.arrayItems.first else { return nil }
            if case .object(let f) = inner, f.count == 1, f[0].0 == "Fn::Equals" {
                let parts = f[0].1.arrayItems
                return .raw("\(expr(parts[0]).inline) != \(expr(parts[1]).inline)")
            }
            return .raw("!(\(expr(inner).inline))")
        default:
            return nil
        }
    }

    /// `Ref` of a parameter, a pseudo parameter or a resource.
    func ref(_ target: String) -> String {
        if let value = overrides[target] { return value }
        switch target {
        case "AWS::Region": return "data.aws_region.current.name"
        case "AWS::AccountId": return "data.aws_caller_identity.current.account_id"
        case "AWS::Partition": return "data.aws_partition.current.partition"
        case "AWS::URLSuffix": return "data.aws_partition.current.dns_suffix"
        case "AWS::StackName": return "local.stack_name"
        case "AWS::NoValue": return "null"
        default: break
        }
        if let p = parameter(target) {
            if p["Type"]?.stringValue?.hasPrefix("AWS::SSM::Parameter::Value") == true {
                return "data.aws_ssm_parameter.\(target.snakeCased).insecure_value"
            }
            return "var.\(target.snakeCased)"
        }
        guard let t = type(of: target) else { preconditionFailure("Ref to unknown \(target)") }
        if t == "AWS::CertificateManager::Certificate" {
            // Listeners wait for the certificate to be issued, as CloudFormation does.
            return "aws_acm_certificate_validation.\(target.snakeCased).certificate_arn"
        }
        guard let mapping = TerraformTypes.mappings[t] else { preconditionFailure("no Terraform type for \(t)") }
        return reference(target, mapping.ref)
    }

    func getAtt(_ id: String, _ attribute: String) -> HCLValue {
        guard let t = type(of: id) else { preconditionFailure("GetAtt of unknown \(id)") }
        if t.hasPrefix("Custom::") {
            // The endpoint ENIs' addresses, read by the data source.
            let source = address(id)
            if attribute == "IpAddresses" { return .call("join", [.string(","), .raw("\(source)[*].private_ip")]) }
            if attribute.hasPrefix("Ip"), let i = Int(attribute.dropFirst(2)) { return .raw("\(source)[\(i)].private_ip") }
        }
        if t == "AWS::Logs::LogGroup", attribute == "Arn" {
            // CloudFormation's log group ARN ends with ":*" (its streams); Terraform's does not.
            return .template([.interpolation(reference(id, "arn")), .text(":*")])
        }
        guard let path = TerraformTypes.attributes[t]?[attribute] else { preconditionFailure("no Terraform attribute for \(t).\(attribute)") }
        return .raw(reference(id, path))
    }

    /// `Fn::Sub` as a template: `${Name}`, `${Name.Attr}` and `${AWS::…}` become interpolations.
    func sub(_ text: String, _ variables: [String: HCLValue]) -> HCLValue {
        if text.hasPrefix("{{resolve:secretsmanager:${"), let end = text.range(of: "}:SecretString}}") {
            // A dynamic reference to a secret this stack made: its value, from its version.
            let id = String(text[text.index(text.startIndex, offsetBy: "{{resolve:secretsmanager:${".count)..<end.lowerBound])
            return .raw("aws_secretsmanager_secret_version.\(id.snakeCased).secret_string")
        }
        var parts: [HCLTemplatePart] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[rest.startIndex..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = String(rest[open.upperBound..<close])
            if let value = variables[name] {
                switch value {
                case .string(let s): parts.append(.text(s))
                default: parts.append(.interpolation(value.inline))
                }
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                parts.append(.interpolation(getAtt(String(name[..<dot]), String(name[name.index(after: dot)...])).inline))
            } else {
                parts.append(.interpolation(ref(name)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return .template(parts, simplify: true)
    }

    /// `Fn::ImportValue` of `${NetworkStack}-<export>` or `${ClusterStack}-<export>`.
    func imported(_ arg: JSONValue) -> String? {
        guard case .object(let f) = arg, f.count == 1, f[0].0 == "Fn::Sub", let text = f[0].1.stringValue else { return nil }
        for (parameter, variable) in [("${NetworkStack}-", "network"), ("${ClusterStack}-", "cluster")] where text.hasPrefix(parameter) {
            let export = String(text.dropFirst(parameter.count))
            if variable == "cluster" {
                switch export {
                case "EksClusterResourceName": return "var.cluster.name"
                default: return "var.cluster.\(export.snakeCased)"
                }
            }
            switch export {
            case "VpcId": return "var.network.vpc_id"
            case "VpcCidr": return "var.network.vpc_cidr"
            case "AvailabilityZones": return "join(\",\", var.network.availability_zones)"
            default:
                if let role = SubnetRole.allCases.first(where: { $0.exportName == export }) {
                    return "join(\",\", var.network.subnet_ids.\(role.terraformName))"
                }
                return nil
            }
        }
        return nil
    }

    /// `Fn::Split` of an imported subnet list: the list itself.
    private func importedList(_ v: JSONValue) -> String? {
        guard case .object(let f) = v, f.count == 1, f[0].0 == "Fn::ImportValue",
              case .object(let s) = f[0].1, let text = s.first?.1.stringValue, text.hasPrefix("${NetworkStack}-") else { return nil }
        let export = String(text.dropFirst("${NetworkStack}-".count))
        return SubnetRole.allCases.first { $0.exportName == export }.map { "var.network.subnet_ids.\($0.terraformName)" }
    }
}

extension SubnetRole {
    /// The role's key in the `network` variable's `subnet_ids`: `internal_elb`, `control_plane`.
    var terraformName: String { rawValue.replacingOccurrences(of: "-", with: "_") }
}
