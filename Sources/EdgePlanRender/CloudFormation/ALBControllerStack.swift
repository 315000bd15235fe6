import EdgePlanCore

/// `alb-controller`: the AWS Load Balancer Controller makes the ALB from an Ingress; CloudFormation
/// owns what the ALB is configured with, so it can be reviewed and changed as code: the web ACL,
/// the certificate (a parameter echoed as an output for the Ingress annotation) and the ALB's
/// security group. The controller's IAM role is in the shared `lb-controller` stack.
struct ALBControllerStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        var t = c.start("what the AWS Load Balancer Controller's ALB is configured with (web ACL, certificate, security group)")
        c.addCertificateParameter(&t, what: "the ALB's HTTPS listener (the Ingress's certificate-arn annotation)")
        LoadBalancerParts.securityGroup(&t, "AlbSecurityGroup", "Controller-made ALB: HTTPS and HTTP (redirect) from the internet",
            ingress: [LoadBalancerParts.rule(443, .anywhere, "HTTPS from the internet"),
                      LoadBalancerParts.rule(80, .anywhere, "HTTP from the internet, redirected to HTTPS by the ssl-redirect annotation")],
            egress: [LoadBalancerParts.rule(ExampleApp.podPort, .vpc, "To the pods (IP targets)", egress: true)],
            condition: nil, suppress: [
                .checkov("CKV_AWS_260", "Port 80 only answers with a redirect to HTTPS (alb.ingress.kubernetes.io/ssl-redirect)."),
            ])
        if c.waf {
            WebACL.add(to: &t, scope: .regional, metricName: "\(c.plan.design.name)-\(c.id)")
            t.output("WebAclArn", Fn.getAtt("WebAcl", "Arn"), description: "The Ingress's alb.ingress.kubernetes.io/wafv2-acl-arn annotation", export: true)
        }
        t.output("AlbSecurityGroupId", Fn.ref("AlbSecurityGroup"), description: "The Ingress's alb.ingress.kubernetes.io/security-groups annotation", export: true)
        t.output("CertificateArn", Fn.ref("CertificateArn"), description: "The Ingress's alb.ingress.kubernetes.io/certificate-arn annotation", export: true)
        return [EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                             when: "deploy before the Kubernetes manifests; its outputs fill the Ingress annotations")]
    }
}
