import EdgePlanCore

/// The CloudFront distribution both CloudFront options use: the site's own name and certificate,
/// HTTPS only (TLS 1.2+ to viewers and to the origin), caching as the origin's Cache-Control says,
/// every viewer header, cookie and query string passed on, AWS's security response headers, and the
/// web ACL from the `edge-waf` stack when the option has one.
enum CloudFrontParts {
    /// AWS managed policies (Amazon CloudFront Developer Guide, "Use managed cache policies",
    /// "Use managed origin request policies", "Use managed response headers policies").
    static let useOriginCacheControlHeaders = "83da9c7e-98b4-4e11-a168-04f0df8e2c65"
    static let allViewer = "216adef6-5c7f-47e4-b989-5492eafa07d3"
    static let securityHeaders = "67f7725c-6f97-4210-82d7-5512b31e9d03"
    static let originHeader = "X-Origin-Verify"
    static let prefixListName = "com.amazonaws.global.cloudfront.origin-facing"

    static func addSiteParameters(_ t: inout CloudFormationTemplate, waf: Bool) {
        t.parameter("SiteDomainName", description: "The site's name that viewers use (an alternate domain name of the distribution)",
                    allowedPattern: "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")
        t.parameter("ViewerCertificateArn", description: "ACM certificate ARN for SiteDomainName, in us-east-1 (CloudFront's Region)",
                    allowedPattern: "^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$")
        if waf {
            t.parameter("WebAclArn", description: "ARN of the CLOUDFRONT web ACL: the WebAclArn output of the edge-waf stack (deployed in us-east-1)",
                        allowedPattern: "^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/.+$")
        }
    }

    static func addPrefixListParameter(_ t: inout CloudFormationTemplate) {
        t.parameter("CloudFrontPrefixListId",
                    description: "ID of the AWS-managed prefix list \(prefixListName) in this Region (aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=\(prefixListName))",
                    allowedPattern: "^pl-[0-9a-f]+$")
    }

    static func distribution(_ t: inout CloudFormationTemplate, origin: JSONValue, waf: Bool, condition: String?, comment: String) {
        var suppress: [Suppression] = [
            .checkov("CKV_AWS_86", "Standard logs need an S3 bucket with ACLs enabled for CloudFront's log delivery; add Logging once the account's log bucket exists."),
        ]
        if !waf { suppress.append(.checkov("CKV_AWS_68", "This option carries no web ACL (waf: false).")) }
        var config: [(String, JSONValue)] = [
            ("Enabled", true),
            ("Comment", .string(comment)),
            ("Aliases", [Fn.ref("SiteDomainName")]),
            ("HttpVersion", "http2and3"),
            ("Origins", [origin]),
            ("DefaultCacheBehavior", [
                "TargetOriginId": "cluster",
                "ViewerProtocolPolicy": "redirect-to-https",
                "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
                "CachedMethods": ["GET", "HEAD"],
                "Compress": true,
                "CachePolicyId": .string(useOriginCacheControlHeaders),
                "OriginRequestPolicyId": .string(allViewer),
                "ResponseHeadersPolicyId": .string(securityHeaders),
            ]),
            ("ViewerCertificate", [
                "AcmCertificateArn": Fn.ref("ViewerCertificateArn"),
                "SslSupportMethod": "sni-only",
                "MinimumProtocolVersion": "TLSv1.2_2021",
            ]),
        ]
        if waf { config.append(("WebACLId", Fn.ref("WebAclArn"))) }
        t.resource("Distribution", "AWS::CloudFront::Distribution", ["DistributionConfig": .object(config)], condition: condition, suppress: suppress)
        t.output("DistributionDomainName", Fn.getAtt("Distribution", "DomainName"), description: "Point SiteDomainName at this (alias record to CloudFront)", condition: condition)
    }
}

/// The `edge-waf` stack of a CloudFront option: a CLOUDFRONT-scope web ACL, which AWS WAF only
/// creates in us-east-1, so it is its own stack whose ARN the frontend stack takes as a parameter.
struct EdgeWAFStack: Sendable {
    var context: FrontendContext

    func stack() -> EmittedStack {
        let c = context
        var t = CloudFormationTemplate(description: "edgeplan \(c.plan.design.name): \(c.id): CloudFront web ACL (deploy in us-east-1)")
        WebACL.add(to: &t, scope: .cloudFront, metricName: "\(c.plan.design.name)-\(c.id)")
        t.output("WebAclArn", Fn.getAtt("WebAcl", "Arn"), description: "Pass as WebAclArn to the frontend stack")
        return EmittedStack(path: "\(c.folder)/edge-waf", stackName: c.names.edgeWAFStack(c.id), region: "us-east-1", template: t,
                            when: "deploy in us-east-1 before the frontend stack, which takes its WebAclArn output")
    }
}
