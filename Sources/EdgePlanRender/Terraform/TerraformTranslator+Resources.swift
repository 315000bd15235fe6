import EdgePlanCore
import Foundation

/// The resources of a template, type by type. Properties that read the same in both (`VpcId` is
/// `vpc_id`, `HealthCheckPath` sits in `health_check`) go through `generic`; the rest is spelled out.
extension TerraformTranslator {
    func resources() -> [TerraformResource] {
        var out: [TerraformResource] = []
        for (id, resource) in template.resources where replaced[id] == nil {
            guard let cfType = resource["Type"]?.stringValue else { continue }
            let properties = resource["Properties"]?.fields ?? []
            var made = convert(id, cfType, properties)
            let condition = resource["Condition"]?.stringValue
            let dependsOn = (resource["DependsOn"]?.arrayItems ?? []).compactMap(\.stringValue)
            let skips = (resource["Metadata"]?["checkov"]?["skip"]?.arrayItems ?? []).map { skip in
                HCLItem.comment("checkov:skip=\(skip["id"]?.stringValue ?? ""):\(skip["comment"]?.stringValue ?? "")")
            }
            for i in made.indices {
                var head: [HCLItem] = []
                if i == 0 { head += skips }
                if made[i].kind == .resource { head += extraSkips(cfType, id, terraformType: made[i].type) }
                if let condition, made[i].kind == .resource || made[i].type != "aws_network_interface" {
                    head.append(.attribute("count", .raw("local.\(condition.snakeCased) ? 1 : 0")))
                }
                if i == 0, !dependsOn.isEmpty {
                    let addresses = dependsOn.flatMap { d -> [String] in
                        // A deployment waits for the methods and for their integrations.
                        type(of: d) == "AWS::ApiGateway::Method" ? [address(d), "aws_api_gateway_integration.\(d.snakeCased)"] : [address(d)]
                    }
                    made[i].items.append(.attribute("depends_on", .list(addresses.map { .raw($0) })))
                }
                var lifecycle: [HCLItem] = []
                if made[i].kind == .resource, condition != nil, guardConditioned { lifecycle.append(.attribute("prevent_destroy", .bool(true))) }
                if i == 0, resource["DeletionPolicy"]?.stringValue == "Retain", cfType == "AWS::GlobalAccelerator::Accelerator" {
                    lifecycle.append(.attribute("prevent_destroy", .bool(true)))
                }
                if i == 0, cfType == "AWS::SSM::Parameter" { lifecycle.append(.attribute("ignore_changes", .list([.raw("value")]))) }
                // A new deployment (or API) is made before the old one goes, so the stage never points at nothing.
                if i == 0, cfType == "AWS::ApiGateway::Deployment" || cfType == "AWS::ApiGateway::RestApi" {
                    lifecycle.append(.attribute("create_before_destroy", .bool(true)))
                }
                if !lifecycle.isEmpty { made[i].items.append(.block(HCLBlock("lifecycle", [], lifecycle))) }
                made[i].items = head + made[i].items
                made[i].from = id
            }
            out += made
        }
        return out
    }

    // MARK: - Helpers

    /// CloudFormation properties as Terraform attributes and blocks: keys in snake case, objects as
    /// nested blocks, lists of objects as repeated blocks, `Tags` as a map. `renames` maps a key
    /// to its Terraform name; `maps` are objects that stay attribute maps.
    func generic(_ fields: [(String, JSONValue)], renames: [String: String] = [:], maps: Set<String> = ["RequestParameters", "Variables"],
                 skip: Set<String> = []) -> [HCLItem] {
        var items: [HCLItem] = []
        for (key, value) in fields where !skip.contains(key) {
            let name = renames[key] ?? key.snakeCased
            if key == "Tags", case .array(let tags) = value {
                items.append(.attribute("tags", .object(tags.map { ($0["Key"]?.stringValue ?? "", expr($0["Value"] ?? .null)) })))
                continue
            }
            if maps.contains(key) {
                items.append(.attribute(name, expr(value)))
                continue
            }
            switch value {
            case .object(let f) where !isIntrinsic(value):
                items.append(.block(HCLBlock(name, [], generic(f, renames: renames, maps: maps))))
            case .array(let list) where !list.isEmpty && list.allSatisfy({ if case .object = $0 { !isIntrinsic($0) } else { false } }):
                for element in list { items.append(.block(HCLBlock(name, [], generic(element.fields, renames: renames, maps: maps)))) }
            default:
                items.append(.attribute(name, expr(value)))
            }
        }
        return items
    }

    func isIntrinsic(_ v: JSONValue) -> Bool {
        guard case .object(let f) = v, f.count == 1 else { return false }
        return f[0].0 == "Ref" || f[0].0.hasPrefix("Fn::")
    }

    func json(_ v: JSONValue) -> HCLValue { .call("jsonencode", [expr(v)]) }

    private func primary(_ cfType: String, _ id: String, _ items: [HCLItem]) -> TerraformResource {
        guard let mapping = TerraformTypes.mappings[cfType] else { preconditionFailure("no Terraform type for \(cfType)") }
        return TerraformResource(type: mapping.type, name: id.snakeCased, items: items)
    }

    /// `self_index` addressing inside a resource made under the same condition.
    private func own(_ type: String, _ name: String, _ attribute: String, counted: Bool) -> HCLValue {
        .raw("\(type).\(name)\(counted ? "[0]" : "").\(attribute)")
    }

    // MARK: - Types

    func convert(_ id: String, _ cfType: String, _ p: [(String, JSONValue)]) -> [TerraformResource] {
        let props = JSONValue.object(p)
        let counted = condition(of: id) != nil
        let name = id.snakeCased
        switch cfType {
        case "AWS::EC2::SecurityGroup":
            var items: [HCLItem] = [.attribute("description", expr(props["GroupDescription"] ?? .null)), .attribute("vpc_id", expr(props["VpcId"] ?? .null))]
            for (key, block) in [("SecurityGroupIngress", "ingress"), ("SecurityGroupEgress", "egress")] {
                for rule in props[key]?.arrayItems ?? [] { items.append(.block(HCLBlock(block, [], securityGroupRule(rule)))) }
            }
            items += generic(p, skip: ["GroupDescription", "VpcId", "SecurityGroupIngress", "SecurityGroupEgress"])
            return [primary(cfType, id, items)]
        case "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::VPC", "AWS::EC2::VPCCidrBlock", "AWS::EC2::InternetGateway", "AWS::EC2::RouteTable",
             "AWS::EC2::Route", "AWS::EC2::Subnet", "AWS::EC2::EIP", "AWS::EC2::NatGateway", "AWS::EC2::SubnetRouteTableAssociation",
             "AWS::EC2::VPCEndpoint", "AWS::EC2::VPCEndpointService", "AWS::EKS::PodIdentityAssociation", "AWS::Lambda::Permission",
             "AWS::WAFv2::WebACLAssociation", "AWS::WAFv2::LoggingConfiguration", "AWS::ApiGateway::Resource", "AWS::ApiGateway::VpcLink",
             "AWS::ApiGateway::UsagePlanKey", "AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Integration",
             "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::VpcLink":
            return [primary(cfType, id, generic(p, renames: ["Cidr": "cidr_block", "WebACLArn": "web_acl_arn"]))]
        case "AWS::EC2::SubnetCidrReservation":
            return [primary(cfType, id, generic(p, renames: ["Cidr": "cidr_block"]))]
        case "AWS::EC2::LaunchTemplate":
            let data = props["LaunchTemplateData"]?.fields ?? []
            return [primary(cfType, id, generic(data, renames: ["UserData": "user_data"]))]
        case "AWS::IAM::Role":
            var items: [HCLItem] = []
            if let d = props["Description"] { items.append(.attribute("description", expr(d))) }
            items.append(.attribute("assume_role_policy", json(props["AssumeRolePolicyDocument"] ?? .null)))
            var made = [primary(cfType, id, items)]
            for arn in props["ManagedPolicyArns"]?.arrayItems ?? [] {
                let policy = arn["Fn::Sub"]?.stringValue?.split(separator: "/").last.map(String.init) ?? "policy"
                made.append(TerraformResource(type: "aws_iam_role_policy_attachment", name: "\(name)_\(policy.snakeCased)", items: [
                    .attribute("role", own("aws_iam_role", name, "name", counted: counted)),
                    .attribute("policy_arn", expr(arn)),
                ]))
            }
            for policy in props["Policies"]?.arrayItems ?? [] {
                let policyName = policy["PolicyName"]?.stringValue ?? "policy"
                made.append(TerraformResource(type: "aws_iam_role_policy", name: "\(name)_\(policyName.snakeCased)", items: [
                    .attribute("name", .string(policyName)),
                    .attribute("role", own("aws_iam_role", name, "id", counted: counted)),
                    .attribute("policy", json(policy["PolicyDocument"] ?? .null)),
                ]))
            }
            return made
        case "AWS::KMS::Key":
            // DeletionPolicy Retain has no Terraform counterpart: destroying schedules the key's
            // deletion, after the longest waiting period KMS allows, during which it can be cancelled.
            return [primary(cfType, id, generic(p, renames: ["KeyPolicy": "policy"], skip: ["KeyPolicy"])
                + [.attribute("policy", json(props["KeyPolicy"] ?? .null)), .attribute("deletion_window_in_days", .int(30))])]
        case "AWS::EKS::Cluster":
            var items: [HCLItem] = []
            for (key, value) in p {
                switch key {
                case "Logging":
                    let types = value["ClusterLogging"]?["EnabledTypes"]?.arrayItems.compactMap { $0["Type"] } ?? []
                    items.append(.attribute("enabled_cluster_log_types", .list(types.map(expr))))
                case "ResourcesVpcConfig": items.append(.block(HCLBlock("vpc_config", [], generic(value.fields))))
                default: items += generic([(key, value)], renames: ["RoleArn": "role_arn"])
                }
            }
            return [primary(cfType, id, items)]
        case "AWS::EKS::Addon":
            var items = generic(p, skip: ["ResolveConflicts", "ConfigurationValues"])
            if let r = props["ResolveConflicts"] {
                items += [.attribute("resolve_conflicts_on_create", expr(r)), .attribute("resolve_conflicts_on_update", expr(r))]
            }
            if let c = props["ConfigurationValues"] { items.append(.attribute("configuration_values", addonConfiguration(c))) }
            return [primary(cfType, id, items)]
        case "AWS::EKS::Nodegroup":
            return [primary(cfType, id, generic(p, renames: ["NodeRole": "node_role_arn", "Subnets": "subnet_ids"]))]
        case "AWS::ElasticLoadBalancingV2::LoadBalancer":
            return [primary(cfType, id, loadBalancer(props))]
        case "AWS::ElasticLoadBalancingV2::TargetGroup":
            return targetGroup(id, props, counted: counted)
        case "AWS::ElasticLoadBalancingV2::Listener":
            return [primary(cfType, id, listener(props))]
        case "AWS::WAFv2::WebACL":
            return [primary(cfType, id, generic(p, renames: ["Rules": "rule", "CloudWatchMetricsEnabled": "cloudwatch_metrics_enabled"]))]
        case "AWS::Logs::LogGroup":
            return [primary(cfType, id, generic(p, renames: ["LogGroupName": "name"]))]
        case "AWS::Lambda::Function":
            return [primary(cfType, id, lambda(id, props))]
        case "AWS::Events::Rule":
            var made = [primary(cfType, id, generic(p, skip: ["Targets"]))]
            for target in props["Targets"]?.arrayItems ?? [] {
                made.append(TerraformResource(type: "aws_cloudwatch_event_target", name: "\(name)_\((target["Id"]?.stringValue ?? "target").snakeCased)", items: [
                    .attribute("rule", own("aws_cloudwatch_event_rule", name, "name", counted: counted)),
                    .attribute("target_id", expr(target["Id"] ?? .null)),
                    .attribute("arn", expr(target["Arn"] ?? .null)),
                ]))
            }
            return made
        case "AWS::SSM::Parameter":
            return [primary(cfType, id, generic(p))]
        case "AWS::CertificateManager::Certificate":
            return certificate(id, props)
        case "AWS::SecretsManager::Secret":
            let generate = props["GenerateSecretString"]
            var made = [primary(cfType, id, generic(p, skip: ["GenerateSecretString"]))]
            made.append(TerraformResource(kind: .data, type: "aws_secretsmanager_random_password", name: name, items: generic(generate?.fields ?? [])))
            made.append(TerraformResource(type: "aws_secretsmanager_secret_version", name: name, items: [
                .attribute("secret_id", own("aws_secretsmanager_secret", name, "id", counted: counted)),
                .attribute("secret_string", .raw("data.aws_secretsmanager_random_password.\(name).random_password")),
                // The password is drawn once; later plans draw another, which must not replace it.
                .block(HCLBlock("lifecycle", [], [.attribute("ignore_changes", .list([.raw("secret_string")]))])),
            ]))
            return made
        case "AWS::Route53::RecordSet":
            let alias = props["AliasTarget"]
            return [primary(cfType, id, [
                .attribute("zone_id", expr(props["HostedZoneId"] ?? .null)),
                .attribute("name", expr(props["Name"] ?? .null)),
                .attribute("type", expr(props["Type"] ?? .null)),
                .block(HCLBlock("alias", [], [
                    .attribute("name", expr(alias?["DNSName"] ?? .null)),
                    .attribute("zone_id", expr(alias?["HostedZoneId"] ?? .null)),
                    .attribute("evaluate_target_health", expr(alias?["EvaluateTargetHealth"] ?? false)),
                ])),
            ])]
        case "AWS::CloudFront::Distribution":
            return [primary(cfType, id, distribution(props["DistributionConfig"] ?? .null))]
        case "AWS::CloudFront::VpcOrigin":
            let c = props["VpcOriginEndpointConfig"] ?? .null
            let protocols = c["OriginSSLProtocols"]?.arrayItems ?? []
            return [primary(cfType, id, [.block(HCLBlock("vpc_origin_endpoint_config", [], generic(c.fields, renames: ["HTTPPort": "http_port", "HTTPSPort": "https_port"], skip: ["OriginSSLProtocols"]) + [
                .block(HCLBlock("origin_ssl_protocols", [], [.attribute("items", .list(protocols.map(expr))), .attribute("quantity", .int(protocols.count))])),
            ]))])]
        case "AWS::ApiGateway::Method":
            return method(id, props, counted: counted)
        case "AWS::ApiGateway::Deployment":
            return [primary(cfType, id, generic(p))]
        case "AWS::ApiGateway::Stage":
            var made = [primary(cfType, id, generic(p, renames: ["TracingEnabled": "xray_tracing_enabled"], skip: ["MethodSettings"]))]
            for (i, setting) in (props["MethodSettings"]?.arrayItems ?? []).enumerated() {
                let path = "\(setting["ResourcePath"]?.stringValue?.dropFirst() ?? "*")/\(setting["HttpMethod"]?.stringValue ?? "*")"
                made.append(TerraformResource(type: "aws_api_gateway_method_settings", name: i == 0 ? name : "\(name)_\(i)", items: [
                    .attribute("rest_api_id", expr(props["RestApiId"] ?? .null)),
                    .attribute("stage_name", own("aws_api_gateway_stage", name, "stage_name", counted: counted)),
                    .attribute("method_path", .string(path)),
                    .block(HCLBlock("settings", [], generic(setting.fields, skip: ["ResourcePath", "HttpMethod"]))),
                ]))
            }
            return made
        case "AWS::ApiGateway::UsagePlan":
            return [primary(cfType, id, [.attribute("name", .template([.interpolation("local.stack_name"), .text("-usage-plan")]))]
                + generic(p, renames: ["Throttle": "throttle_settings", "Quota": "quota_settings"]))]
        case "AWS::ApiGateway::ApiKey":
            return [primary(cfType, id, [.attribute("name", .template([.interpolation("local.stack_name"), .text("-\(name.replacingOccurrences(of: "_", with: "-"))")]))] + generic(p))]
        case "AWS::ApiGatewayV2::Stage":
            return [primary(cfType, id, generic(p, renames: ["StageName": "name"]))]
        case "AWS::GlobalAccelerator::Accelerator", "AWS::GlobalAccelerator::EndpointGroup":
            return [primary(cfType, id, generic(p, renames: ["EndpointConfigurations": "endpoint_configuration", "ClientIPPreservationEnabled": "client_ip_preservation_enabled"]))]
        case "AWS::GlobalAccelerator::Listener":
            return [primary(cfType, id, generic(p, renames: ["PortRanges": "port_range"]))]
        default:
            if cfType.hasPrefix("Custom::") { return [endpointAddresses(id, props)] }
            preconditionFailure("no Terraform translation for \(cfType) (\(id))")
        }
    }

    private func securityGroupRule(_ rule: JSONValue) -> [HCLItem] {
        var items: [HCLItem] = [.attribute("description", expr(rule["Description"] ?? .null))]
        let proto = rule["IpProtocol"]?.stringValue ?? "tcp"
        items.append(.attribute("protocol", .string(proto)))
        items.append(.attribute("from_port", expr(rule["FromPort"] ?? .int(0))))
        items.append(.attribute("to_port", expr(rule["ToPort"] ?? .int(0))))
        for (key, attribute) in [("CidrIp", "cidr_blocks"), ("SourcePrefixListId", "prefix_list_ids"), ("DestinationPrefixListId", "prefix_list_ids"),
                                 ("SourceSecurityGroupId", "security_groups"), ("DestinationSecurityGroupId", "security_groups")] {
            if let v = rule[key] { items.append(.attribute(attribute, .list([expr(v)]))) }
        }
        return items
    }

    private func loadBalancer(_ props: JSONValue) -> [HCLItem] {
        var items: [HCLItem] = [
            .attribute("load_balancer_type", expr(props["Type"] ?? .null)),
            .attribute("internal", .bool(props["Scheme"]?.stringValue == "internal")),
        ]
        if let s = props["Subnets"] { items.append(.attribute("subnets", expr(s))) }
        if let g = props["SecurityGroups"] { items.append(.attribute("security_groups", expr(g))) }
        if let e = props["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"] {
            items.append(.attribute("enforce_security_group_inbound_rules_on_private_link_traffic", expr(e)))
        }
        for attribute in props["LoadBalancerAttributes"]?.arrayItems ?? [] {
            let value = attribute["Value"]?.stringValue ?? ""
            switch attribute["Key"]?.stringValue ?? "" {
            case "routing.http.drop_invalid_header_fields.enabled": items.append(.attribute("drop_invalid_header_fields", .raw(value)))
            case "routing.http.desync_mitigation_mode": items.append(.attribute("desync_mitigation_mode", .string(value)))
            case "load_balancing.cross_zone.enabled": items.append(.attribute("enable_cross_zone_load_balancing", .raw(value)))
            case let key: preconditionFailure("no Terraform argument for the load balancer attribute \(key)")
            }
        }
        for mapping in props["SubnetMappings"]?.arrayItems ?? [] { items.append(.block(HCLBlock("subnet_mapping", [], generic(mapping.fields)))) }
        return items
    }

    private func targetGroup(_ id: String, _ props: JSONValue, counted: Bool) -> [TerraformResource] {
        var items: [HCLItem] = [.attribute("target_type", expr(props["TargetType"] ?? .null))]
        for (key, attribute) in [("Protocol", "protocol"), ("Port", "port"), ("VpcId", "vpc_id")] {
            if let v = props[key] { items.append(.attribute(attribute, expr(v))) }
        }
        for attribute in props["TargetGroupAttributes"]?.arrayItems ?? [] {
            switch attribute["Key"]?.stringValue ?? "" {
            case "deregistration_delay.timeout_seconds": items.append(.attribute("deregistration_delay", .string(attribute["Value"]?.stringValue ?? "")))
            case let key: preconditionFailure("no Terraform argument for the target group attribute \(key)")
            }
        }
        var health: [HCLItem] = [.attribute("enabled", .bool(true))]
        for (key, attribute) in [("HealthCheckProtocol", "protocol"), ("HealthCheckPort", "port"), ("HealthCheckPath", "path")] {
            if let v = props[key] { health.append(.attribute(attribute, expr(v))) }
        }
        if let m = props["Matcher"]?["HttpCode"] { health.append(.attribute("matcher", expr(m))) }
        items.append(.block(HCLBlock("health_check", [], health)))
        if let tags = props["Tags"] { items += generic([("Tags", tags)]) }
        var made = [TerraformResource(type: "aws_lb_target_group", name: id.snakeCased, items: items)]
        for (i, target) in (props["Targets"]?.arrayItems ?? []).enumerated() {
            var attachment: [HCLItem] = [
                .attribute("target_group_arn", own("aws_lb_target_group", id.snakeCased, "arn", counted: counted)),
                .attribute("target_id", expr(target["Id"] ?? .null)),
            ]
            if let port = target["Port"] { attachment.append(.attribute("port", expr(port))) }
            made.append(TerraformResource(type: "aws_lb_target_group_attachment", name: "\(id.snakeCased)_\(i)", items: attachment))
        }
        return made
    }

    private func listener(_ props: JSONValue) -> [HCLItem] {
        var items: [HCLItem] = []
        for (key, attribute) in [("LoadBalancerArn", "load_balancer_arn"), ("Protocol", "protocol"), ("Port", "port"), ("SslPolicy", "ssl_policy")] {
            if let v = props[key] { items.append(.attribute(attribute, expr(v))) }
        }
        if let certificate = props["Certificates"]?.arrayItems.first?["CertificateArn"] { items.append(.attribute("certificate_arn", expr(certificate))) }
        for action in props["DefaultActions"]?.arrayItems ?? [] {
            var a: [HCLItem] = [.attribute("type", expr(action["Type"] ?? .null))]
            if let tg = action["TargetGroupArn"] { a.append(.attribute("target_group_arn", expr(tg))) }
            if let r = action["RedirectConfig"] { a.append(.block(HCLBlock("redirect", [], generic(r.fields)))) }
            items.append(.block(HCLBlock("default_action", [], a)))
        }
        return items
    }

    private func lambda(_ id: String, _ props: JSONValue) -> [HCLItem] {
        guard let file = lambdaCode[id] else { preconditionFailure("no code file for the function \(id)") }
        var items: [HCLItem] = [.attribute("function_name", .template([.interpolation("local.stack_name"), .text("-\(id)")]))]
        items += generic(props.fields, renames: ["Role": "role"], skip: ["Code", "Handler", "Environment", "LoggingConfig"])
        items.append(.attribute("handler", .string("\(file).handler")))
        // The code is the .py file beside the module, zipped before `terraform apply` (the guide says how).
        items.append(.attribute("filename", .template([.interpolation("path.module"), .text("/\(file).zip")])))
        items.append(.attribute("source_code_hash", .call("filebase64sha256", [.template([.interpolation("path.module"), .text("/\(file).zip")])])))
        if let group = props["LoggingConfig"]?["LogGroup"] {
            items.append(.block(HCLBlock("logging_config", [], [.attribute("log_format", .string("Text")), .attribute("log_group", expr(group))])))
        }
        if let variables = props["Environment"]?["Variables"] {
            items.append(.block(HCLBlock("environment", [], [.attribute("variables", expr(variables))])))
        }
        return items
    }

    private func certificate(_ id: String, _ props: JSONValue) -> [TerraformResource] {
        let name = id.snakeCased
        var items: [HCLItem] = [
            .attribute("domain_name", expr(props["DomainName"] ?? .null)),
            .attribute("validation_method", expr(props["ValidationMethod"] ?? .null)),
        ]
        if let ct = props["CertificateTransparencyLoggingPreference"] {
            items.append(.block(HCLBlock("options", [], [.attribute("certificate_transparency_logging_preference", expr(ct))])))
        }
        if let tags = props["Tags"] { items += generic([("Tags", tags)]) }
        items.append(.block(HCLBlock("lifecycle", [], [.attribute("create_before_destroy", .bool(true))])))
        let zone = props["DomainValidationOptions"]?.arrayItems.first?["HostedZoneId"] ?? .null
        // DNS validation: the record ACM asks for, in the zone CloudFormation would write it into, and
        // a wait until ACM has issued the certificate (what CloudFormation's deploy waits for).
        return [
            TerraformResource(type: "aws_acm_certificate", name: name, items: items),
            TerraformResource(type: "aws_route53_record", name: "\(name)_validation", items: [
                .attribute("for_each", .raw("{ for o in aws_acm_certificate.\(name).domain_validation_options : o.domain_name => o }")),
                .attribute("allow_overwrite", .bool(true)),
                .attribute("zone_id", expr(zone)),
                .attribute("name", .raw("each.value.resource_record_name")),
                .attribute("type", .raw("each.value.resource_record_type")),
                .attribute("records", .list([.raw("each.value.resource_record_value")])),
                .attribute("ttl", .int(60)),
            ]),
            TerraformResource(type: "aws_acm_certificate_validation", name: name, items: [
                .attribute("certificate_arn", .raw("aws_acm_certificate.\(name).arn")),
                .attribute("validation_record_fqdns", .raw("[for r in aws_route53_record.\(name)_validation : r.fqdn]")),
            ]),
        ]
    }

    private func distribution(_ config: JSONValue) -> [HCLItem] {
        var items: [HCLItem] = []
        for (key, value) in config.fields {
            switch key {
            case "Origins":
                for origin in value.arrayItems {
                    var o: [HCLItem] = [.attribute("origin_id", expr(origin["Id"] ?? .null)), .attribute("domain_name", expr(origin["DomainName"] ?? .null))]
                    if let c = origin["CustomOriginConfig"] {
                        o.append(.block(HCLBlock("custom_origin_config", [], [.attribute("http_port", .int(80))]
                            + generic(c.fields, renames: ["HTTPSPort": "https_port", "OriginSSLProtocols": "origin_ssl_protocols"]))))
                    }
                    if let c = origin["VpcOriginConfig"] { o.append(.block(HCLBlock("vpc_origin_config", [], generic(c.fields)))) }
                    for header in origin["OriginCustomHeaders"]?.arrayItems ?? [] {
                        o.append(.block(HCLBlock("custom_header", [], [.attribute("name", expr(header["HeaderName"] ?? .null)), .attribute("value", expr(header["HeaderValue"] ?? .null))])))
                    }
                    items.append(.block(HCLBlock("origin", [], o)))
                }
            case "ViewerCertificate":
                items.append(.block(HCLBlock("viewer_certificate", [], generic(value.fields, renames: ["AcmCertificateArn": "acm_certificate_arn"]))))
            case "WebACLId": items.append(.attribute("web_acl_id", expr(value)))
            default: items += generic([(key, value)])
            }
        }
        // Terraform requires the restrictions block; CloudFormation's default is no geographic restriction.
        items.append(.block(HCLBlock("restrictions", [], [.block(HCLBlock("geo_restriction", [], [.attribute("restriction_type", .string("none"))]))])))
        return items
    }

    private func method(_ id: String, _ props: JSONValue, counted: Bool) -> [TerraformResource] {
        let name = id.snakeCased
        let items = generic(props.fields, renames: ["AuthorizationType": "authorization"], skip: ["Integration"])
        let integration = props["Integration"] ?? .null
        var i: [HCLItem] = [
            .attribute("rest_api_id", expr(props["RestApiId"] ?? .null)),
            .attribute("resource_id", expr(props["ResourceId"] ?? .null)),
            .attribute("http_method", own("aws_api_gateway_method", name, "http_method", counted: counted)),
        ]
        i += generic(integration.fields, renames: ["Type": "type"])
        return [
            TerraformResource(type: "aws_api_gateway_method", name: name, items: items),
            TerraformResource(type: "aws_api_gateway_integration", name: name, items: i),
        ]
    }

    /// The custom resource that turned the interface endpoint's ENI IDs into addresses: here, one
    /// data source per ENI (as many as AZs), read once the endpoint exists.
    private func endpointAddresses(_ id: String, _ props: JSONValue) -> TerraformResource {
        let enis = expr(props["NetworkInterfaceIds"] ?? .null).inline
        let count = condition(of: id).map { "local.\($0.snakeCased) ? \(azCount) : 0" } ?? String(azCount)
        return TerraformResource(kind: .data, type: "aws_network_interface", name: id.snakeCased, items: [
            .attribute("count", .raw(count)),
            .attribute("id", .raw("sort(tolist(\(enis)))[count.index]")),
        ])
    }

    /// The add-on's configuration: CloudFormation's JSON text (with `${…}` variables) as `jsonencode`.
    private func addonConfiguration(_ value: JSONValue) -> HCLValue {
        var text: String?, variables: [String: HCLValue] = [:]
        if let s = value.stringValue { text = s }
        if case .object(let f) = value, f.first?.0 == "Fn::Sub" {
            let parts = f[0].1.arrayItems
            text = parts.first?.stringValue
            for (k, v) in parts.count > 1 ? parts[1].fields : [] { variables[k] = expr(v) }
        }
        guard let text, let parsed = try? JSONValue.parse(text) else { return expr(value) }
        func substitute(_ v: JSONValue) -> HCLValue {
            switch v {
            case .string(let s) where s.hasPrefix("${") && s.hasSuffix("}"):
                return variables[String(s.dropFirst(2).dropLast())] ?? .string(s)
            case .object(let fields): return .object(fields.map { ($0.0, substitute($0.1)) })
            case .array(let items): return .list(items.map(substitute))
            default: return expr(v)
            }
        }
        return .call("jsonencode", [substitute(parsed)])
    }
}
