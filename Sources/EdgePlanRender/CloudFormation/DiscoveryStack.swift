import EdgePlanCore

/// The `discovery` stack of the staggered deployment (the 2018 report's challenge 7): the SSM
/// parameters (each starting as "None"), the function that fills them and upserts the Route 53
/// records, and its one-minute schedule. The frontend stacks read the parameters as
/// `AWS::SSM::Parameter::Value<String>` and create their NLB-dependent resources only once the
/// value is no longer "None".
struct DiscoveryStack: Sendable {
    var plan: Plan
    var names: DeploymentNames
    /// The Services whose NLBs the function looks for (one per router the staggered options use).
    var services: [ServiceRef]

    func template() -> CloudFormationTemplate {
        var t = CloudFormationTemplate(description: "edgeplan \(plan.design.name): discovery of the ingress NLB that Kubernetes creates (staggered deployment)")
        t.parameter("HostedZoneId", type: "AWS::Route53::HostedZone::Id",
                    description: "The Route 53 hosted zone that gets the private-nlb.<DomainName> and public-nlb.<DomainName> records")
        t.parameter("DomainName", description: "The zone's domain name, lower case, without the final dot (for example example.com)",
                    allowedPattern: "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")
        let parameters = [
            ("NlbArnParameter", names.internalNLBArnParameter, "the internal ingress NLB's ARN"),
            ("NlbListenerParameter", names.internalNLBListenerParameter, "the internal ingress NLB's port-80 listener ARN (for HTTP API VPC link integrations)"),
            ("PublicNlbArnParameter", names.publicNLBArnParameter, "the internet-facing ingress NLB's ARN"),
        ]
        for (id, name, what) in parameters {
            t.resource(id, "AWS::SSM::Parameter", [
                "Name": .string(name),
                "Type": "String",
                "Value": "None",
                "Description": .string("Set by the discovery function: \(what), or None while there is none"),
            ])
        }
        let parameterARN = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter"
        LambdaFunction(
            id: "DiscoveryFunction",
            description: "Finds the ingress NLB by its kubernetes.io/service-name tag and records it in SSM and Route 53",
            source: DiscoveryFunction.source,
            environment: [
                ("SERVICE_NAME", .string(Array(Set(services.map(\.qualifiedName))).sorted().joined(separator: ","))),
                ("CLUSTER_NAME", .string(plan.design.cluster)),
                ("NLB_ARN_PARAMETER", .string(names.internalNLBArnParameter)),
                ("NLB_LISTENER_PARAMETER", .string(names.internalNLBListenerParameter)),
                ("PUBLIC_NLB_ARN_PARAMETER", .string(names.publicNLBArnParameter)),
                ("HOSTED_ZONE_ID", Fn.ref("HostedZoneId")),
                ("DOMAIN_NAME", Fn.ref("DomainName")),
            ],
            statements: [
                [
                    "Sid": "FindLoadBalancers",
                    "Effect": "Allow",
                    "Action": ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeListeners"],
                    "Resource": "*",
                ],
                [
                    "Sid": "KeepParameters",
                    "Effect": "Allow",
                    "Action": ["ssm:GetParameter", "ssm:PutParameter"],
                    "Resource": .array(parameters.map { Fn.sub(parameterARN + $0.1) }),
                ],
                [
                    "Sid": "UpsertRecords",
                    "Effect": "Allow",
                    "Action": "route53:ChangeResourceRecordSets",
                    "Resource": Fn.sub("arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}"),
                    "Condition": [
                        "ForAllValues:StringEquals": [
                            "route53:ChangeResourceRecordSetsNormalizedRecordNames": [Fn.sub("private-nlb.${DomainName}"), Fn.sub("public-nlb.${DomainName}")],
                            "route53:ChangeResourceRecordSetsRecordTypes": ["A"],
                            "route53:ChangeResourceRecordSetsActions": ["UPSERT"],
                        ],
                    ],
                ],
            ]
        ).add(to: &t)
        t.resource("DiscoverySchedule", "AWS::Events::Rule", [
            "Description": "Runs the ingress NLB discovery every minute",
            "ScheduleExpression": "rate(1 minute)",
            "State": "ENABLED",
            "Targets": [["Arn": Fn.getAtt("DiscoveryFunction", "Arn"), "Id": "discovery"]],
        ])
        t.resource("DiscoverySchedulePermission", "AWS::Lambda::Permission", [
            "Action": "lambda:InvokeFunction",
            "FunctionName": Fn.ref("DiscoveryFunction"),
            "Principal": "events.amazonaws.com",
            "SourceArn": Fn.getAtt("DiscoverySchedule", "Arn"),
        ])
        t.output("NlbArnParameterName", Fn.ref("NlbArnParameter"), description: "SSM parameter with the internal ingress NLB's ARN (or None)", export: true)
        t.output("NlbListenerParameterName", Fn.ref("NlbListenerParameter"), description: "SSM parameter with the internal ingress NLB's port-80 listener ARN (or None)", export: true)
        t.output("PublicNlbArnParameterName", Fn.ref("PublicNlbArnParameter"), description: "SSM parameter with the internet-facing ingress NLB's ARN (or None)", export: true)
        t.output("PrivateNlbRecord", Fn.sub("private-nlb.${DomainName}"), description: "Route 53 name of the internal ingress NLB, once found", export: true)
        t.output("PublicNlbRecord", Fn.sub("public-nlb.${DomainName}"), description: "Route 53 name of the internet-facing ingress NLB, once found", export: true)
        return t
    }
}
