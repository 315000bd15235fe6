import EdgePlanCore

/// `global-accelerator-alb`: a standard accelerator (two static anycast IPv4 addresses; kept when
/// the stack is deleted or the accelerator would be replaced, since clients allow-list them), a TCP
/// listener on 443 and 80, an endpoint group in this Region with the internal ALB as its endpoint
/// and client IP preservation on, and the internal ALB (+ WAF) whose target group a
/// TargetGroupBinding fills with the pods.
struct GlobalAcceleratorALBStack: FrontendStacks {
    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        var t = c.start("Global Accelerator (static anycast IPs) → internal ALB → pods")
        c.addCertificateParameter(&t, what: "the internal ALB's HTTPS listener (in this Region)")
        // Client addresses are preserved, so the ALB sees the clients themselves; it is internal,
        // so from the internet only the accelerator reaches it.
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Internal ALB behind Global Accelerator: HTTPS and HTTP (redirect) from the clients, whose addresses the accelerator preserves",
            ingress: [LoadBalancerParts.rule(443, .anywhere, "HTTPS from clients through Global Accelerator (client IP preserved)"),
                      LoadBalancerParts.rule(80, .anywhere, "HTTP from clients through Global Accelerator, redirected to HTTPS")],
            egress: LoadBalancerParts.toPods(c, ExampleApp.podPort, "To the pods (IP targets)"),
            condition: nil, suppress: [
                .checkov("CKV_AWS_260", "Port 80 only answers with a redirect to HTTPS, and the ALB is internal: the internet reaches it only through the accelerator."),
            ])
        LoadBalancerParts.alb(&t, "Alb", internetFacing: false, securityGroup: "AlbSecurityGroup", condition: nil)
        LoadBalancerParts.appTargetGroup(&t, c)
        LoadBalancerParts.httpsListener(&t, "AlbHttpsListener", loadBalancer: "Alb", certificate: Fn.ref("CertificateArn"), targetGroup: "AppTargetGroup", condition: nil)
        LoadBalancerParts.redirectListener(&t, "AlbHttpListener", loadBalancer: "Alb", condition: nil)
        t.resource("Accelerator", "AWS::GlobalAccelerator::Accelerator", [
            "Name": Fn.sub("${AWS::StackName}"),
            "IpAddressType": "IPV4",
            "Enabled": true,
            "Tags": Fn.tags([("Name", Fn.sub("${AWS::StackName}-accelerator"))]),
        ], deletionPolicy: "Retain")
        t.resource("Listener", "AWS::GlobalAccelerator::Listener", [
            "AcceleratorArn": Fn.ref("Accelerator"),
            "Protocol": "TCP",
            "PortRanges": [["FromPort": 443, "ToPort": 443], ["FromPort": 80, "ToPort": 80]],
            "ClientAffinity": "NONE",
        ])
        t.resource("EndpointGroup", "AWS::GlobalAccelerator::EndpointGroup", [
            "ListenerArn": Fn.ref("Listener"),
            "EndpointGroupRegion": Fn.ref("AWS::Region"),
            "TrafficDialPercentage": 100,
            "EndpointConfigurations": [["EndpointId": Fn.ref("Alb"), "Weight": 128, "ClientIPPreservationEnabled": true]],
        ], dependsOn: ["AlbHttpsListener", "AlbHttpListener"])
        if c.waf {
            WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)")
            t.resource("WebAclAssociation", "AWS::WAFv2::WebACLAssociation", [
                "ResourceArn": Fn.ref("Alb"), "WebACLArn": Fn.getAtt("WebAcl", "Arn"),
            ])
        }
        t.output("StaticIps", ["Fn::Join": [",", Fn.getAtt("Accelerator", "Ipv4Addresses")]], description: "The accelerator's static anycast IPv4 addresses, for clients' allow-lists and DNS")
        t.output("AcceleratorDnsName", Fn.getAtt("Accelerator", "DnsName"), description: "The accelerator's DNS name (point your site's name at it, or at the static IPs)")
        t.output("AcceleratorArn", Fn.ref("Accelerator"), description: "The accelerator, for update-accelerator-attributes (flow logs)")
        t.output("AppTargetGroupArn", Fn.ref("AppTargetGroup"), description: "Target group the example app's TargetGroupBinding fills", export: true)
        t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: "The ALB's security group, which the TargetGroupBinding admits to the pods", export: true)
        // Global Accelerator's API lives in us-west-2 whatever the Region of the stack.
        let arn = "$(aws cloudformation describe-stacks --region \(c.plan.design.region) --stack-name \(c.stackName) --query \"Stacks[0].Outputs[?OutputKey=='AcceleratorArn'].OutputValue\" --output text)"
        let flowLogs = (note: "Flow logs for the accelerator, which CloudFormation cannot turn on (Global Accelerator's API is in us-west-2; the bucket is yours)",
                        command: "aws globalaccelerator update-accelerator-attributes --region us-west-2 --accelerator-arn \"\(arn)\" \\\n    --flow-logs-enabled --flow-logs-s3-bucket <log bucket> --flow-logs-s3-prefix \(c.stackName)/")
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding", afterDeploy: [flowLogs])]
    }
}
