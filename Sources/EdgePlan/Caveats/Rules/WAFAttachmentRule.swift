import EdgePlanCore

/// AWS WAF attaches only to CloudFront, API Gateway REST stages, ALBs and a few other services:
/// never to an NLB or an HTTP API.
struct WAFAttachmentRule: CaveatRule {
    let id = "waf-attachment"
    let title = "A WAF is asked for, but nothing in this path can carry one"
    let when = "a WAF is wanted and the path has no CloudFront distribution, REST API stage or ALB"
    let reference = "Associating or disassociating a web ACL with an AWS resource - AWS WAF"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.wafWanted, !f.topology.components.contains(where: \.wafAttachable) else { return nil }
        let present = f.topology.components.filter { $0.kind == .nlb || $0.kind == .apiGatewayHTTP }.map(\.label)
        return caveat(.critical,
            detail: "AWS WAF web ACLs associate with CloudFront distributions, API Gateway REST API stages, ALBs, AppSync, Cognito user pools, App Runner and Verified Access, not with \(present.joined(separator: " or ")). This option would run without the WAF that was asked for.",
            mitigation: "Use api: rest (a web ACL on the stage), put CloudFront in front, or route through an ALB (apigw-vpclink-alb).",
            on: f.topology.components.first { $0.kind == .apiGatewayHTTP || $0.kind == .nlb }?.id)
    }
}
