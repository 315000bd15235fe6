import EdgePlanCore

/// `apigw-vpclink-nlb` (the 2018 report's challenge 5): a REST API through a VPC link (V1) to the
/// ingress NLB, or an HTTP API through a VPC link V2 to the NLB's port-80 listener. Staggered: the
/// NLB (or its listener) comes from the discovery parameters and the integration waits under
/// `NlbPresent`; bound: the stack makes the NLB.
struct APIGatewayVPCLinkNLBStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        guard let api = c.settings.api else { preconditionFailure("the apigw-vpclink-nlb description always sets api") }
        var t = c.start(api == .rest ? "REST API → VPC link → internal NLB → \(c.routerName)" : "HTTP API → VPC link V2 → internal NLB → \(c.routerName)")
        switch api {
        case .rest:
            let nlb: JSONValue, host: JSONValue
            if c.staggered {
                c.addDiscoveredNLB(&t)
                t.parameter("DomainName", description: "The domain of the discovery stack's records: the API calls private-nlb.<DomainName>",
                            allowedPattern: "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")
                nlb = c.discoveredNLB
                host = Fn.sub("private-nlb.${DomainName}")
            } else {
                LoadBalancerParts.ingressNLB(&t, c, internetFacing: false, port: 80, from: [.vpc], privateLinkConsumers: true)
                nlb = Fn.ref("IngressNlb")
                host = Fn.getAtt("IngressNlb", "DNSName")
            }
            t.resource("VpcLink", "AWS::ApiGateway::VpcLink", [
                "Name": Fn.sub("${AWS::StackName}"),
                "Description": "API Gateway to the ingress NLB (PrivateLink)",
                "TargetArns": [nlb],
            ], condition: c.condition)
            APIGatewayParts.restAPI(&t, host: host, vpcLink: Fn.ref("VpcLink"), integrationTarget: nil,
                                    condition: c.condition, apiCondition: nil, waf: c.waf, usagePlan: c.settings.usagePlan)
        case .http:
            let listener: JSONValue
            if c.staggered {
                c.addDiscoveredNLB(&t)
                listener = c.discoveredNLB
            } else {
                LoadBalancerParts.ingressNLB(&t, c, internetFacing: false, port: 80, from: [.vpc], privateLinkConsumers: false)
                listener = Fn.ref("IngressListener")
            }
            APIGatewayParts.vpcLinkV2(&t, port: 80)
            APIGatewayParts.httpAPI(&t, vpcLink: "VpcLink", listener: listener, condition: c.condition)
        }
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: c.staggered ? "deploy once before \(c.backendService) (the API without its integration), and again once discovery has found the NLB"
                                 : "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding",
                             afterDeploy: APIGatewayParts.apiKeySteps(c))]
    }
}
