import EdgePlanCore

/// A REST API reaches an NLB through a VPC link V1, which AWS now calls legacy.
struct VPCLinkV1Rule: CaveatRule {
    let id = "vpc-link-v1-legacy"
    let title = "REST APIs link to the NLB through a VPC link V1, which AWS calls legacy"
    let when = "a REST API's private integration targets an NLB"
    let reference = "Private integration using VPC links V1 (legacy) - Amazon API Gateway"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.frontend.kind == .apiGatewayVPCLinkNLB, (f.frontend.api ?? .rest) == .rest else { return nil }
        return caveat(.info,
            detail: "The 2018 design links a REST API to the NLB with a VPC link V1 (NLB only, PrivateLink). AWS now recommends VPC links V2, which also reach ALBs directly, without the NLB in between.",
            mitigation: "Consider apigw-vpclink-alb with api: rest, which keeps REST features (API keys, usage plans, WAF on the stage) without the NLB.")
    }
}
