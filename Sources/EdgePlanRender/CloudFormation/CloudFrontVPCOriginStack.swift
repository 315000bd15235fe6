import EdgePlanCore

/// `cloudfront-vpc-origin`: an internal ALB (or NLB) that CloudFormation makes, a CloudFront VPC
/// origin on it, and the distribution. The load balancer's security group admits only CloudFront's
/// origin-facing prefix list; a TargetGroupBinding fills its target group with pods (ALB) or the
/// ingress-nginx pods (NLB).
struct CloudFrontVPCOriginStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        let nlb = c.settings.origin == .nlb
        var t = c.start(nlb ? "CloudFront → VPC origin → internal NLB → \(c.routerName)" : "CloudFront → VPC origin → internal ALB → pods")
        CloudFrontParts.addSiteParameters(&t, waf: c.waf)
        CloudFrontParts.addPrefixListParameter(&t)
        let loadBalancer: String
        if nlb {
            LoadBalancerParts.ingressNLB(&t, c, internetFacing: false, port: 443, from: [.prefixList(Fn.ref("CloudFrontPrefixListId"))], privateLinkConsumers: false)
            loadBalancer = "IngressNlb"
        } else {
            c.addCertificateParameter(&t, name: "OriginCertificateArn", what: "the internal ALB's HTTPS listener (in this Region), valid for SiteDomainName")
            LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Internal ALB: HTTPS from the CloudFront VPC origin only",
                ingress: [LoadBalancerParts.rule(443, .prefixList(Fn.ref("CloudFrontPrefixListId")), "HTTPS from CloudFront (\(CloudFrontParts.prefixListName))")],
                egress: LoadBalancerParts.toPods(c, ExampleApp.podPort, "To the pods (IP targets)"),
                condition: nil)
            LoadBalancerParts.alb(&t, "Alb", internetFacing: false, securityGroup: "AlbSecurityGroup", condition: nil)
            LoadBalancerParts.appTargetGroup(&t, c)
            LoadBalancerParts.httpsListener(&t, "AlbHttpsListener", loadBalancer: "Alb", certificate: Fn.ref("OriginCertificateArn"), targetGroup: "AppTargetGroup", condition: nil)
            loadBalancer = "Alb"
            t.output("AppTargetGroupArn", Fn.ref("AppTargetGroup"), description: "Target group the example app's TargetGroupBinding fills", export: true)
            t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: "The ALB's security group, which the TargetGroupBinding admits to the pods", export: true)
        }
        t.resource("VpcOrigin", "AWS::CloudFront::VpcOrigin", [
            "VpcOriginEndpointConfig": [
                "Name": Fn.sub("${AWS::StackName}"),
                "Arn": Fn.ref(loadBalancer),
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "https-only",
                "OriginSSLProtocols": ["TLSv1.2"],
            ],
        ], dependsOn: nlb ? ["IngressListener"] : ["AlbHttpsListener"])
        let origin: JSONValue = [
            "Id": "cluster",
            "DomainName": Fn.getAtt(loadBalancer, "DNSName"),
            "VpcOriginConfig": ["VpcOriginId": Fn.getAtt("VpcOrigin", "Id"), "OriginReadTimeout": 30],
        ]
        CloudFrontParts.distribution(&t, origin: origin, waf: c.waf, condition: nil,
                                     comment: "\(c.plan.design.name) \(c.id): CloudFront to the internal \(nlb ? "NLB" : "ALB") through a VPC origin")
        var stacks: [EmittedStack] = []
        if c.waf { stacks.append(EdgeWAFStack(context: c).stack()) }
        stacks.append(EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                                   when: "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding"))
        return stacks
    }
}
