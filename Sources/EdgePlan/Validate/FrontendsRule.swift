import EdgePlanCore

/// `frontends`: at least one option; ids unique, kebab-case and short enough for the stack and
/// web ACL names built from them; options only where they mean
/// something (`api` on API Gateway with an NLB, `originProtection` on CloudFront with a public
/// NLB, `origin` on CloudFront VPC origins, `deployStyle` on the NLB options of the 2018 report).
struct FrontendsRule: DesignRule {
    let id = "frontends"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard !design.frontends.isEmpty else {
            return [.error("frontends", "list at least one frontend option, e.g. - kind: alb-privatelink-nlb")]
        }
        var found: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (i, f) in design.frontends.enumerated() {
            let p = "frontends[\(i)]"
            if !isKebab(f.id) {
                found.append(.error("\(p).id", "'\(f.id)' must be lower-case letters, digits and '-'"))
            }
            // The option's stacks are <name>-<id> and <name>-<id>-waf, and its web ACL <stack>-web-acl.
            let webACL = "\(design.name)-\(f.id)-waf-web-acl"
            let most = min(reference.limits.webACLNameMaxLength, reference.limits.stackNameMaxLength)
            if webACL.count > most {
                found.append(.error("\(p).id", "'\(f.id)' makes the names built from it too long: the web ACL \(design.name)-\(f.id)-waf-web-acl would be \(webACL.count) characters and AWS allows \(most); use an id of at most \(most - webACL.count + f.id.count) characters"))
            }
            if let first = seen[f.id] {
                found.append(.error("\(p).id", "'\(f.id)' is already the id of frontends[\(first)]: give each option its own id (e.g. id: \(f.id)-2)"))
            } else {
                seen[f.id] = i
            }
            if f.api != nil && f.kind != .apiGatewayVPCLinkNLB && f.kind != .apiGatewayVPCLinkALB {
                found.append(.error("\(p).api", "only API Gateway options take 'api'; \(f.kind.rawValue) has no API"))
            }
            if f.deployStyle != nil && ![.albPrivateLinkNLB, .apiGatewayVPCLinkNLB, .cloudFrontPublicNLB].contains(f.kind) {
                found.append(.error("\(p).deployStyle", "only the NLB options of the 2018 report (alb-privatelink-nlb, apigw-vpclink-nlb, cloudfront-public-nlb) choose how the NLB is created; \(f.kind.rawValue) always binds its pods to a CloudFormation-owned load balancer"))
            }
            if f.originProtection != nil && f.kind != .cloudFrontPublicNLB {
                found.append(.error("\(p).originProtection", "only cloudfront-public-nlb has a public origin to protect"))
            }
            if f.origin != nil && f.kind != .cloudFrontVPCOrigin {
                found.append(.error("\(p).origin", "only cloudfront-vpc-origin takes 'origin' (alb or nlb)"))
            }
        }
        return found
    }
}
