import EdgePlanCore
import Foundation

/// checkov's Terraform checks that have no CloudFormation twin, or read the Terraform resource in a
/// way the template's suppressions do not cover, each suppressed in place with its reason (the
/// CloudFormation suppressions are carried over as they are). Tests/validators runs checkov with
/// and without them, and fails on any that covers no failure.
extension TerraformTranslator {
    /// checkov connects resources through their references, and loses them where an address has an
    /// index: a resource under `count` (the staggered style) is never connected to what refers to it.
    static let countedReason = "checkov does not connect resources under count (the staggered style's local.nlb_present), and what meets this check here is made under the same count"
    static let log4jReason = "The web ACL has AWSManagedRulesKnownBadInputsRuleSet, whose Log4JRCE rules block Log4j exploits; checkov also asks for AWSManagedRulesAnonymousIpList, which blocks VPN, Tor and hosting-provider clients: a policy choice the design does not make."

    private func skip(_ id: String, _ reason: String) -> HCLItem { .comment("checkov:skip=\(id):\(reason)") }

    private var hasWebACL: Bool {
        template.resources.contains { type(of: $0.0) == "AWS::WAFv2::WebACLAssociation" } || parameter("WebAclArn") != nil || overrides["WebAclArn"] != nil
    }

    /// Whether another resource of the template refers to `id`.
    private func isReferenced(_ id: String) -> Bool {
        template.resources.contains { other, value in
            guard other != id else { return false }
            let text = value.serialized()
            return text.contains("\"Ref\": \"\(id)\"") || text.contains("\"\(id)\",") || text.contains("${\(id)}") || text.contains("${\(id).")
        }
    }

    /// Ports of the listeners on load balancer `id` that forward (no redirect).
    private func forwardingPorts(_ id: String) -> [Int] {
        template.resources.compactMap { _, value -> Int? in
            guard value["Type"]?.stringValue == "AWS::ElasticLoadBalancingV2::Listener",
                  value["Properties"]?["LoadBalancerArn"] == Fn.ref(id),
                  value["Properties"]?["DefaultActions"]?.arrayItems.first?["Type"]?.stringValue == "forward",
                  case .int(let port) = value["Properties"]?["Port"] ?? .null else { return nil }
            return port
        }
    }

    func extraSkips(_ cfType: String, _ id: String, terraformType: String) -> [HCLItem] {
        let props = resource(id)?["Properties"] ?? .null
        let counted = condition(of: id) != nil
        switch terraformType {
        case "aws_vpc":
            return [
                skip("CKV2_AWS_11", "Flow logs need a destination the account chooses (a log group or bucket, and a role); the CloudFormation network stack makes none either. Add an aws_flow_log to your log destination."),
                skip("CKV2_AWS_12", "The default security group stays as AWS makes it, as in the CloudFormation network stack; nothing edgeplan makes uses it (every load balancer, endpoint and node has its own group)."),
            ]
        case "aws_eip" where id.hasPrefix("NlbEip"):
            return [skip("CKV2_AWS_19", "The address belongs to the NLB's subnet mapping in this module (clients allow-list it), not to an instance.")]
        case "aws_lb":
            var out = [skip("CKV_AWS_150", "No deletion protection, as in the CloudFormation stack: it would make every replacement Terraform plans (a changed scheme or subnets) fail; the staggered style's load balancers have prevent_destroy instead.")]
            let internetFacing = props["Scheme"]?.stringValue == "internet-facing"
            let application = props["Type"]?.stringValue == "application"
            if forwardingPorts(id).contains(80) {
                out.append(application
                    ? skip("CKV2_AWS_20", "An internal ALB reached only through the API Gateway VPC link on port 80; TLS ends at API Gateway.")
                    : skip("CKV2_AWS_20", "A Network Load Balancer: its port-80 listener forwards TCP inside the VPC (PrivateLink or a VPC link), and there is no HTTP to redirect."))
            }
            if application && internetFacing {
                if !hasWebACL { out.append(skip("CKV2_AWS_28", "This option carries no web ACL (waf: false).")) }
                else if counted { out.append(skip("CKV2_AWS_28", Self.countedReason + ".")) }
                else { out.append(skip("CKV2_AWS_76", Self.log4jReason)) }
            }
            return out
        case "aws_wafv2_web_acl" where counted:
            return [skip("CKV2_AWS_31", Self.countedReason + " (aws_wafv2_web_acl_logging_configuration).")]
        case "aws_api_gateway_stage":
            var out = [
                skip("CKV2_AWS_4", "Execution logging needs the account-wide API Gateway CloudWatch role (aws_api_gateway_account), a per-account setting this module should not own; metrics are on."),
                skip("CKV2_AWS_51", "A client certificate authenticates API Gateway to an HTTPS backend; the backend here is the internal load balancer behind a private VPC link, which speaks HTTP inside the VPC."),
            ]
            if hasWebACL { out.append(counted ? skip("CKV2_AWS_29", Self.countedReason + ".") : skip("CKV2_AWS_77", Self.log4jReason)) }
            return out
        case "aws_api_gateway_method":
            return [skip("CKV2_AWS_53", "A transparent proxy to the cluster: requests are the application's to validate; API Gateway has no model of them.")]
        case "aws_api_gateway_method_settings":
            return [skip("CKV_AWS_225", "The stage cache is billed per hour and only helps cacheable responses; turn caching on when the design asks for caching.")]
        case "aws_apigatewayv2_route":
            return [skip("CKV_AWS_309", "A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these routes.")]
        case "aws_secretsmanager_secret":
            return [skip("CKV2_AWS_57", "The origin header's value lives in the distribution and in the cluster's Secret too; rotating it means updating both at once, which a rotation function of Secrets Manager cannot do.")]
        case "aws_ssm_parameter":
            return [skip("CKV2_AWS_34", "Holds a load balancer's ARN (or None), no secret: the frontend modules and CloudFormation's parameter type read it as a String.")]
        case "aws_lambda_function":
            return [
                skip("CKV_AWS_272", "The code is handler.py beside the module, zipped at deploy (the CloudFormation template inlines it); code signing would need a signing profile the account owns."),
                skip("CKV_AWS_50", "A once-a-minute lookup whose log says what it found; X-Ray tracing would add write permissions and traces with nothing to follow."),
            ]
        case "aws_cloudfront_distribution":
            var out = [
                skip("CKV_AWS_305", "Every path goes to the cluster, whose application answers /; a default root object would rewrite it."),
                skip("CKV_AWS_310", "There is one origin, the cluster; a failover origin would need a second one."),
                skip("CKV_AWS_374", "The design asks for no geographic restriction (the template has none either)."),
                skip("CKV2_AWS_32", "The distribution uses AWS's managed SecurityHeadersPolicy by its ID, as the template does; checkov counts only a policy resource or data source in the configuration."),
            ]
            out.append(hasWebACL ? skip("CKV2_AWS_47", Self.log4jReason) : skip("CKV2_AWS_47", "This option carries no web ACL (waf: false)."))
            return out
        case "aws_eks_cluster":
            return [skip("CKV_AWS_339", "The version is the plan's (limits/aws.json eksVersions, standard support judged on its asOf day); checkov's own list of supported versions is older.")]
        case "aws_lb_target_group" where props["Protocol"]?.stringValue == "HTTP":
            // checkov accepts HTTP to the targets behind an HTTPS listener it can connect.
            let listeners = template.resources.filter { _, v in
                v["Type"]?.stringValue == "AWS::ElasticLoadBalancingV2::Listener"
                    && v["Properties"]?["DefaultActions"]?.arrayItems.first?["TargetGroupArn"] == Fn.ref(id)
            }
            if counted { return [skip("CKV_AWS_378", Self.countedReason + " (its HTTPS listener).")] }
            if listeners.contains(where: { $0.1["Properties"]?["Protocol"]?.stringValue == "HTTP" }) {
                return [skip("CKV_AWS_378", "An internal ALB reached only through the API Gateway VPC link: HTTP inside the VPC, TLS ended at API Gateway.")]
            }
            return []
        case "aws_globalaccelerator_accelerator":
            return [skip("CKV_AWS_75", "Flow logs need an S3 bucket of the account's; the guide's step turns them on once the accelerator exists, as for the CloudFormation stack.")]
        case "aws_security_group" where !isReferenced(id):
            return [skip("CKV2_AWS_5", "Attached by Kubernetes: the AWS Load Balancer Controller puts it on the load balancer it makes (the Ingress or Service annotation, or the Gateway's LoadBalancerConfiguration).")]
        default:
            return []
        }
    }
}
