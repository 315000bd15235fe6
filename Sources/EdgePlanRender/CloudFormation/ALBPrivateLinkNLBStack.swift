import EdgePlanCore

/// `alb-privatelink-nlb` (the 2018 report's challenges 4 and 8): an endpoint service on the
/// ingress NLB, an interface endpoint in the endpoint subnets, a custom resource that reads the
/// endpoint ENIs' private addresses, and a public ALB (+ WAF) with one IP target per ENI. In the
/// staggered style everything waits for the NLB under `NlbPresent`; in the bound style the stack
/// makes the NLB itself.
struct ALBPrivateLinkNLBStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        var t = c.start("public ALB → interface endpoint ENIs → endpoint service → internal NLB → \(c.routerName)")
        c.addCertificateParameter(&t, what: "the ALB's HTTPS listener (in this Region)")
        let nlbArn: JSONValue
        if c.staggered {
            c.addDiscoveredNLB(&t)
            nlbArn = c.discoveredNLB
        } else {
            LoadBalancerParts.ingressNLB(&t, c, internetFacing: false, port: 80, from: [.vpc], privateLinkConsumers: true)
            nlbArn = Fn.ref("IngressNlb")
        }
        // The security groups need no NLB: they exist from the first deploy, so the stack is never empty.
        let when = c.condition
        t.resource("EndpointService", "AWS::EC2::VPCEndpointService", [
            "NetworkLoadBalancerArns": [nlbArn],
            "AcceptanceRequired": false,
        ], condition: when, suppress: [
            .checkov("CKV_AWS_123", "The only consumer is the interface endpoint in this stack, in this account; no other principal is allowed to connect (no AWS::EC2::VPCEndpointServicePermissions), and manual acceptance would leave that endpoint pending."),
        ])
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Public ALB: HTTPS and HTTP (redirect) from the internet, HTTP to the endpoint ENIs",
            ingress: [LoadBalancerParts.rule(443, .anywhere, "HTTPS from the internet"),
                      LoadBalancerParts.rule(80, .anywhere, "HTTP from the internet, redirected to HTTPS")],
            egress: [LoadBalancerParts.rule(80, .vpc, "To the interface endpoint ENIs", egress: true)],
            condition: nil, suppress: [
                .checkov("CKV_AWS_260", "Port 80 only answers with a redirect to HTTPS (the HTTP listener has no other action)."),
            ])
        LoadBalancerParts.securityGroup(&t, "EndpointSecurityGroup", "Interface endpoint ENIs: HTTP from the ALB only",
            ingress: [LoadBalancerParts.rule(80, .group(Fn.ref("AlbSecurityGroup")), "HTTP from the public ALB")],
            egress: [LoadBalancerParts.rule(80, .vpc, "Endpoint ENIs send nothing out; replies only", egress: true)],
            condition: nil)
        t.resource("Endpoint", "AWS::EC2::VPCEndpoint", [
            "VpcEndpointType": "Interface",
            "ServiceName": Fn.sub("com.amazonaws.vpce.${AWS::Region}.${EndpointService}"),
            "VpcId": Fn.imported("NetworkStack", "VpcId"),
            "SubnetIds": LoadBalancerParts.subnets(.endpoints),
            "SecurityGroupIds": [Fn.ref("EndpointSecurityGroup")],
            "PrivateDnsEnabled": false,
        ], condition: when)
        LambdaFunction(
            id: "EndpointIpsFunction",
            description: "Returns the private addresses of the interface endpoint's ENIs (custom resource)",
            source: EndpointIPsFunction.source,
            statements: [[
                "Sid": "ReadEndpointENIs",
                "Effect": "Allow",
                "Action": "ec2:DescribeNetworkInterfaces",
                "Resource": "*",
            ]],
            condition: when, timeout: 60
        ).add(to: &t)
        t.resource("EndpointIps", "Custom::EndpointIps", [
            "ServiceToken": Fn.getAtt("EndpointIpsFunction", "Arn"),
            "NetworkInterfaceIds": Fn.getAtt("Endpoint", "NetworkInterfaceIds"),
        ], condition: when)
        t.resource("EndpointTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", [
            "TargetType": "ip",
            "Protocol": "HTTP",
            "Port": 80,
            "VpcId": Fn.imported("NetworkStack", "VpcId"),
            "HealthCheckProtocol": "HTTP",
            "HealthCheckPath": "/healthz",
            "Matcher": ["HttpCode": "200"],
            "Targets": .array((0..<c.azCount).map { ["Id": Fn.getAtt("EndpointIps", "Ip\($0)"), "Port": 80] }),
        ], condition: when)
        LoadBalancerParts.alb(&t, "Alb", internetFacing: true, securityGroup: "AlbSecurityGroup", condition: when)
        LoadBalancerParts.httpsListener(&t, "AlbHttpsListener", loadBalancer: "Alb", certificate: Fn.ref("CertificateArn"), targetGroup: "EndpointTargetGroup", condition: when)
        LoadBalancerParts.redirectListener(&t, "AlbHttpListener", loadBalancer: "Alb", condition: when)
        if c.waf {
            WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)", condition: when)
            t.resource("WebAclAssociation", "AWS::WAFv2::WebACLAssociation", [
                "ResourceArn": Fn.ref("Alb"), "WebACLArn": Fn.getAtt("WebAcl", "Arn"),
            ], condition: when)
        }
        t.output("AlbDnsName", Fn.getAtt("Alb", "DNSName"), description: "Point your site's DNS name at this (alias record)", condition: when)
        t.output("EndpointServiceId", Fn.ref("EndpointService"), description: "The endpoint service on the ingress NLB", condition: when)
        t.output("EndpointIpAddresses", Fn.getAtt("EndpointIps", "IpAddresses"), description: "The endpoint ENIs' private addresses, the ALB's targets", condition: when)
        let sidecar = OutputFile(path: "\(c.folder)/endpoint_ips.py", contents: EndpointIPsFunction.source)
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t, sidecars: [sidecar],
                             when: c.staggered ? "deploy once before \(c.backendService) (while the NLB parameter is None it makes only the security groups), and again once discovery has found the NLB"
                                 : "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding")]
    }
}
