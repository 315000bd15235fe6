import EdgePlanCore

/// `frontends`: at least one option; ids unique and kebab-case; options only where they mean
/// something (`api` on API Gateway with an NLB, `originProtection` on CloudFront with a public
/// NLB, `origin` on CloudFront VPC origins). HTTP APIs are the only kind that links to an ALB.
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
            if let first = seen[f.id] {
                found.append(.error("\(p).id", "'\(f.id)' is already the id of frontends[\(first)]: give each option its own id (e.g. id: \(f.id)-2)"))
            } else {
                seen[f.id] = i
            }
            if f.api != nil && f.kind != .apiGatewayVPCLinkNLB && f.kind != .apiGatewayVPCLinkALB {
                found.append(.error("\(p).api", "only API Gateway options take 'api'; \(f.kind.rawValue) has no API"))
            }
            if f.kind == .apiGatewayVPCLinkALB && f.api == .rest {
                found.append(.error("\(p).api", "apigw-vpclink-alb is an HTTP API option (REST APIs link to NLBs): use api: http or kind: apigw-vpclink-nlb"))
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
