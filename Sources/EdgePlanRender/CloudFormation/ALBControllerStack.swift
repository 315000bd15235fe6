import EdgePlanCore

/// `alb-controller`: the AWS Load Balancer Controller makes the ALB from an Ingress; CloudFormation
/// owns what the ALB is configured with, so it can be reviewed and changed as code: the web ACL,
/// the certificate (a parameter echoed as an output for the Ingress annotation) and the ALB's
/// security group. The controller's IAM role is in the shared `lb-controller` stack.
struct ALBControllerStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        var t = c.start("what the AWS Load Balancer Controller's ALB is configured with (web ACL, certificate, security group)")
        // Where each output goes: an Ingress annotation, or a field of the Gateway's LoadBalancerConfiguration.
        let uses: (waf: String, securityGroup: String, certificate: String, redirect: String, fills: String)
        switch c.realization.entry {
        case .controllerALB(let alb) where alb.api == .gatewayAPI:
            uses = ("The LoadBalancerConfiguration's wafV2.webACL", "The LoadBalancerConfiguration's securityGroups",
                    "The LoadBalancerConfiguration's HTTPS:443 defaultCertificate", "the http-to-https HTTPRoute",
                    "the Gateway's LoadBalancerConfiguration")
        case .controllerALB, .loadBalancerService, .targetGroupBinding:
            uses = ("The Ingress's alb.ingress.kubernetes.io/wafv2-acl-arn annotation", "The Ingress's alb.ingress.kubernetes.io/security-groups annotation",
                    "The Ingress's alb.ingress.kubernetes.io/certificate-arn annotation", "the alb.ingress.kubernetes.io/ssl-redirect annotation",
                    "the Ingress annotations")
        }
        c.addCertificateParameter(&t, what: "the ALB's HTTPS listener (\(uses.certificate.prefix(1).lowercased() + uses.certificate.dropFirst()))")
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Controller-made ALB: HTTPS and HTTP (redirect) from the internet",
            ingress: [LoadBalancerParts.rule(443, .anywhere, "HTTPS from the internet"),
                      LoadBalancerParts.rule(80, .anywhere, "HTTP from the internet, redirected to HTTPS by \(uses.redirect)")],
            egress: LoadBalancerParts.toPods(c, ExampleApp.podPort, "To the pods (IP targets)"),
            condition: nil, suppress: [
                .checkov("CKV_AWS_260", "Port 80 only answers with a redirect to HTTPS (\(uses.redirect))."),
            ])
        if c.waf {
            WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)")
            t.output("WebAclArn", Fn.getAtt("WebAcl", "Arn"), description: uses.waf, export: true)
        }
        t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: uses.securityGroup, export: true)
        t.output("CertificateArn", Fn.ref("CertificateArn"), description: uses.certificate, export: true)
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: "deploy before the Kubernetes manifests; its outputs fill \(uses.fills)")]
    }
}
