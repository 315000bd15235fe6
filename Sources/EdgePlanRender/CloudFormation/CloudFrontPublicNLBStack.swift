import EdgePlanCore

/// `cloudfront-public-nlb` (the 2018 report's challenge 6): a distribution whose origin is the
/// internet-facing ingress NLB, reached by a DNS name under the operator's domain
/// (`public-nlb.<domain>`: discovery's record in the staggered style, this stack's in the bound
/// style), so ingress-nginx can present a certificate for it. `originProtection` adds a security
/// group that admits only CloudFront's origin-facing prefix list (on an NLB made with it, by the
/// AWS Load Balancer Controller or by this stack), or a secret header that ingress-nginx checks.
struct CloudFrontPublicNLBStack: FrontendStacks {

    func stacks(_ c: FrontendContext) -> [EmittedStack] {
        let protection = c.settings.originProtection ?? .none
        var t = c.start("CloudFront → internet-facing NLB → \(c.routerName) (origin protection: \(protection.rawValue))")
        CloudFrontParts.addSiteParameters(&t, waf: c.waf)
        t.parameter("DomainName", description: "Domain of the public-nlb.<DomainName> record that names the NLB (discovery's record, or this stack's in the bound style)",
                    allowedPattern: "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")
        if protection == .prefixListSG {
            CloudFrontParts.addPrefixListParameter(&t)
            LoadBalancerParts.securityGroup(&t, "OriginSecurityGroup", "Ingress NLB: HTTPS from the CloudFront origin-facing addresses only",
                ingress: [LoadBalancerParts.rule(443, .prefixList(Fn.ref("CloudFrontPrefixListId")), "HTTPS from CloudFront (\(CloudFrontParts.prefixListName))")],
                egress: LoadBalancerParts.egressToTargets(c),
                condition: nil)
            t.output("OriginSecurityGroupId", Fn.ref("OriginSecurityGroup"), description: "The NLB's security group (\(c.backendService)'s aws-load-balancer-security-groups annotation)", export: true)
        }
        if protection == .secretHeader {
            t.parameter("OriginSecret", description: "Value of the \(CloudFrontParts.originHeader) header CloudFront adds and \(c.routerName) requires; generate it at deploy time (openssl rand -hex 32)",
                        noEcho: true, minLength: 32)
        }
        if c.staggered {
            c.addDiscoveredNLB(&t)
            if protection != .prefixListSG {
                // Something for the first deploy to create while the NLB parameter is still None.
                t.resource("WaitingForNlb", "AWS::CloudFormation::WaitConditionHandle", [:])
            }
        } else {
            t.parameter("HostedZoneId", type: "AWS::Route53::HostedZone::Id", description: "The hosted zone of DomainName, which gets the public-nlb.<DomainName> record")
            let peers: [LoadBalancerParts.Peer] = protection == .prefixListSG ? [.prefixList(Fn.ref("CloudFrontPrefixListId"))] : [.anywhere]
            LoadBalancerParts.ingressNLB(&t, c, internetFacing: true, port: 443, from: peers, privateLinkConsumers: false)
            t.resource("OriginRecord", "AWS::Route53::RecordSet", [
                "HostedZoneId": Fn.ref("HostedZoneId"),
                "Name": Fn.sub("public-nlb.${DomainName}"),
                "Type": "A",
                "AliasTarget": [
                    "DNSName": Fn.getAtt("IngressNlb", "DNSName"),
                    "HostedZoneId": Fn.getAtt("IngressNlb", "CanonicalHostedZoneID"),
                    "EvaluateTargetHealth": true,
                ],
            ])
        }
        var origin: [(String, JSONValue)] = [
            ("Id", "cluster"),
            ("DomainName", Fn.sub("public-nlb.${DomainName}")),
            ("CustomOriginConfig", [
                "OriginProtocolPolicy": "https-only",
                "HTTPSPort": 443,
                "OriginSSLProtocols": ["TLSv1.2"],
                "OriginReadTimeout": 30,
            ]),
        ]
        if protection == .secretHeader {
            origin.append(("OriginCustomHeaders", [["HeaderName": .string(CloudFrontParts.originHeader), "HeaderValue": Fn.ref("OriginSecret")]]))
        }
        CloudFrontParts.distribution(&t, origin: .object(origin), waf: c.waf, condition: c.condition,
                                     comment: "\(c.plan.design.name) \(c.id): CloudFront to the ingress NLB")
        var stacks: [EmittedStack] = []
        if c.waf { stacks.append(EdgeWAFStack(context: c).stack()) }
        stacks.append(EmittedStack(path: "\(c.folder)/frontend", stackName: c.stackName, template: t,
                                   when: c.staggered ? "deploy once before \(c.backendService)\(protection == .prefixListSG ? " (it makes the NLB's security group)" : ""), and again once discovery has found the NLB"
                                       : "deploy before the Kubernetes manifests; its outputs fill the TargetGroupBinding"))
        return stacks
    }
}
