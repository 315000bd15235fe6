import EdgePlanCore

/// `apigw-vpclink-alb`: an internal ALB that CloudFormation makes (pods as IP targets through a
/// TargetGroupBinding), a VPC link V2 in the endpoint subnets, and an HTTP API (default) or a REST
/// API whose private integration names the ALB through the VPC link V2 (`IntegrationTarget`).
struct APIGatewayVPCLinkALBStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        guard let api = c.settings.api else { preconditionFailure("the apigw-vpclink-alb description always sets api") }
        var t = c.start("\(api == .rest ? "REST API" : "HTTP API") → VPC link V2 → internal ALB → pods")
        APIGatewayParts.vpcLinkV2(&t, port: 80)
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Internal ALB: HTTP from the VPC link only",
            ingress: [LoadBalancerParts.rule(80, .group(Fn.ref("VpcLinkSecurityGroup")), "HTTP from the API Gateway VPC link")],
            egress: LoadBalancerParts.toPods(c, ExampleApp.podPort, "To the pods (IP targets)"),
            condition: nil)
        let albWAF = c.waf && api == .http
        LoadBalancerParts.alb(&t, "Alb", internetFacing: false, securityGroup: "AlbSecurityGroup", condition: nil)
        LoadBalancerParts.appTargetGroup(&t, c)
        t.resource("AlbHttpListener", "AWS::ElasticLoadBalancingV2::Listener", [
            "LoadBalancerArn": Fn.ref("Alb"),
            "Protocol": "HTTP",
            "Port": 80,
            "DefaultActions": [["Type": "forward", "TargetGroupArn": Fn.ref("AppTargetGroup")]],
        ], suppress: [
            .checkov("CKV_AWS_2", "Internal ALB reached only through the VPC link; TLS ends at API Gateway, and HTTPS here would need a certificate for the ALB's internal name."),
            .checkov("CKV_AWS_103", "An HTTP listener has no TLS policy; TLS ends at API Gateway."),
        ])
        switch api {
        case .http:
            APIGatewayParts.httpAPI(&t, vpcLink: "VpcLink", listener: Fn.ref("AlbHttpListener"), condition: nil)
            if albWAF {
                WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)", clientIPHeader: APIGatewayParts.clientIPHeader)
                t.resource("WebAclAssociation", "AWS::WAFv2::WebACLAssociation", [
                    "ResourceArn": Fn.ref("Alb"), "WebACLArn": Fn.getAtt("WebAcl", "Arn"),
                ])
            }
        case .rest:
            APIGatewayParts.restAPI(&t, host: Fn.getAtt("Alb", "DNSName"), vpcLink: Fn.ref("VpcLink"), integrationTarget: Fn.ref("Alb"),
                                    condition: nil, apiCondition: nil, waf: c.waf, usagePlan: c.settings.usagePlan)
        }
        t.output("AppTargetGroupArn", Fn.ref("AppTargetGroup"), description: "Target group the example app's TargetGroupBinding fills", export: true)
        t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: "The ALB's security group, which the TargetGroupBinding admits to the pods", export: true)
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding",
                             afterDeploy: APIGatewayParts.apiKeySteps(c))]
    }
}
