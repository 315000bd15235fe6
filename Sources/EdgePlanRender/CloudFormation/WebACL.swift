import EdgePlanCore

/// An AWS WAF web ACL with AWS's managed baseline rule groups (common rules, known bad inputs such
/// as Log4j exploits, IP reputation), counted in CloudWatch and logged to a CloudWatch Logs group
/// (whose name must start with `aws-waf-logs-`).
enum WebACL {
    enum Scope: String { case regional = "REGIONAL", cloudFront = "CLOUDFRONT" }

    static let managedRuleGroups = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"]

    /// The per-client rate rule of a web ACL that learns the client from a header: at most this many
    /// requests a client in five minutes (an edgeplan default, stated in the README, not an AWS limit).
    static let requestsPerClientPer5Minutes = 2000

    /// `clientIPHeader`: where the client's address arrives when the load balancer does not see it
    /// (an internal ALB behind an API Gateway VPC link). AWS's IP reputation group reads only the
    /// source address, so it is left out there, and a rate rule per client reads the header instead.
    static func add(to t: inout CloudFormationTemplate, scope: Scope, metricName: String, condition: String? = nil, clientIPHeader: String? = nil) {
        let groups = clientIPHeader == nil ? managedRuleGroups : managedRuleGroups.filter { $0 != "AWSManagedRulesAmazonIpReputationList" }
        var rules: [JSONValue] = groups.enumerated().map { i, name in
            [
                "Name": .string(name),
                "Priority": .int(i),
                "OverrideAction": ["None": [:]],
                "Statement": ["ManagedRuleGroupStatement": ["VendorName": "AWS", "Name": .string(name)]],
                "VisibilityConfig": ["SampledRequestsEnabled": true, "CloudWatchMetricsEnabled": true, "MetricName": .string("\(metricName)-\(name)")],
            ]
        }
        if let clientIPHeader {
            rules.append([
                "Name": "RatePerForwardedClient",
                "Priority": .int(groups.count),
                "Action": ["Block": [:]],
                "Statement": ["RateBasedStatement": [
                    "Limit": .int(requestsPerClientPer5Minutes),
                    "EvaluationWindowSec": 300,
                    "AggregateKeyType": "FORWARDED_IP",
                    "ForwardedIPConfig": ["HeaderName": .string(clientIPHeader), "FallbackBehavior": "NO_MATCH"],
                ]],
                "VisibilityConfig": ["SampledRequestsEnabled": true, "CloudWatchMetricsEnabled": true, "MetricName": .string("\(metricName)-rate-per-client")],
            ])
        }
        t.resource("WebAcl", "AWS::WAFv2::WebACL", [
            "Name": Fn.sub("${AWS::StackName}-web-acl"),
            "Description": "AWS managed baseline rules in front of the cluster",
            "Scope": .string(scope.rawValue),
            "DefaultAction": ["Allow": [:]],
            "VisibilityConfig": ["SampledRequestsEnabled": true, "CloudWatchMetricsEnabled": true, "MetricName": .string(metricName)],
            "Rules": .array(rules),
        ], condition: condition)
        t.resource("WebAclLogGroup", "AWS::Logs::LogGroup", [
            "LogGroupName": Fn.sub("aws-waf-logs-${AWS::StackName}"),
            "RetentionInDays": 365,
        ], condition: condition, suppress: [
            .checkov("CKV_AWS_158", "WAF logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key."),
        ], deletionPolicy: "Delete")
        t.resource("WebAclLogging", "AWS::WAFv2::LoggingConfiguration", [
            "ResourceArn": Fn.getAtt("WebAcl", "Arn"),
            "LogDestinationConfigs": [Fn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${WebAclLogGroup}")],
        ], condition: condition)
    }
}
