import EdgePlanCore

/// `nlb-to-alb`: an internet-facing NLB with one Elastic IP per AZ (`SubnetMappings`), whose
/// target group of type `alb` forwards TCP 443 to an internal ALB (+ WAF) that terminates TLS and
/// sends to pods registered by a TargetGroupBinding.
struct NLBToALBStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        var t = c.start("internet-facing NLB with Elastic IPs → internal ALB → pods")
        c.addCertificateParameter(&t, what: "the internal ALB's HTTPS listener (in this Region)")
        for i in 0..<c.azCount {
            let letter = NetworkStack.azLetter(i)
            t.resource("NlbEip\(letter)", "AWS::EC2::EIP", [
                "Domain": "vpc", "Tags": Fn.tags([("Name", Fn.sub("${AWS::StackName}-nlb-\(letter.lowercased())"))]),
            ])
        }
        LoadBalancerParts.securityGroup(&t, "NlbSecurityGroup", "Public NLB: HTTPS from clients, to the internal ALB",
            ingress: [LoadBalancerParts.rule(443, .anywhere, "HTTPS from clients (allow-list the Elastic IPs on their side)")],
            egress: [LoadBalancerParts.rule(443, .vpc, "To the internal ALB", egress: true)], condition: nil)
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Internal ALB: HTTPS from the NLB only",
            ingress: [LoadBalancerParts.rule(443, .group(Fn.ref("NlbSecurityGroup")), "HTTPS from the public NLB")],
            egress: LoadBalancerParts.toPods(c, ExampleApp.podPort, "To the pods (IP targets)"), condition: nil)
        LoadBalancerParts.alb(&t, "Alb", internetFacing: false, securityGroup: "AlbSecurityGroup", condition: nil)
        LoadBalancerParts.appTargetGroup(&t, c)
        LoadBalancerParts.httpsListener(&t, "AlbHttpsListener", loadBalancer: "Alb", certificate: Fn.ref("CertificateArn"), targetGroup: "AppTargetGroup", condition: nil)
        t.resource("Nlb", "AWS::ElasticLoadBalancingV2::LoadBalancer", [
            "Type": "network",
            "Scheme": "internet-facing",
            "SubnetMappings": .array((0..<c.azCount).map { i in
                ["SubnetId": Fn.select(i, LoadBalancerParts.subnets(.public)), "AllocationId": Fn.getAtt("NlbEip\(NetworkStack.azLetter(i))", "AllocationId")]
            }),
            "SecurityGroups": [Fn.ref("NlbSecurityGroup")],
            "LoadBalancerAttributes": [["Key": "load_balancing.cross_zone.enabled", "Value": "true"]],
        ], suppress: [
            .checkov("CKV_AWS_91", "NLB access logs record TLS listeners only; this NLB forwards TCP to the ALB, which terminates TLS."),
        ])
        t.resource("AlbTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", [
            "TargetType": "alb",
            "Protocol": "TCP",
            "Port": 443,
            "VpcId": Fn.imported("NetworkStack", "VpcId"),
            "HealthCheckProtocol": "HTTPS",
            "HealthCheckPath": "/",
            "Matcher": ["HttpCode": "200-399"],
            "Targets": [["Id": Fn.ref("Alb"), "Port": 443]],
        ], dependsOn: ["AlbHttpsListener"])
        t.resource("NlbListener", "AWS::ElasticLoadBalancingV2::Listener", [
            "LoadBalancerArn": Fn.ref("Nlb"),
            "Protocol": "TCP",
            "Port": 443,
            "DefaultActions": [["Type": "forward", "TargetGroupArn": Fn.ref("AlbTargetGroup")]],
        ])
        if c.waf {
            WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)")
            t.resource("WebAclAssociation", "AWS::WAFv2::WebACLAssociation", [
                "ResourceArn": Fn.ref("Alb"), "WebACLArn": Fn.getAtt("WebAcl", "Arn"),
            ])
        }
        t.output("StaticIps", Fn.join(",", (0..<c.azCount).map { Fn.ref("NlbEip\(NetworkStack.azLetter($0))") }), description: "The NLB's Elastic IPs, for clients' allow-lists")
        t.output("NlbDnsName", Fn.getAtt("Nlb", "DNSName"), description: "The NLB's DNS name")
        t.output("AppTargetGroupArn", Fn.ref("AppTargetGroup"), description: "Target group the example app's TargetGroupBinding fills", export: true)
        t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: "The ALB's security group, which the TargetGroupBinding admits to the pods", export: true)
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding")]
    }
}
