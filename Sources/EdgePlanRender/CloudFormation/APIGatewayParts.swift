import EdgePlanCore

/// The API Gateway pieces the two API options share: a REST API that proxies every path through a
/// VPC link, an HTTP API with `$default` and `ANY /{proxy+}` routes to a private integration, stages
/// with tracing and (HTTP API) access logs.
enum APIGatewayParts {
    static let restStage = "live"
    /// The header an HTTP API writes the client's address into (behind a VPC link nothing else sees it).
    static let clientIPHeader = "x-edgeplan-client-ip"
    static let accessLogFormat = #"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","path":"$context.path","status":"$context.status","responseLength":"$context.responseLength","integrationError":"$context.integrationErrorMessage"}"#

    /// A REST API whose root and `{proxy+}` ANY methods are HTTP_PROXY integrations through `vpcLink`
    /// to `http://<host>/…`. `integrationTarget` is the load balancer ARN a VPC link V2 needs (nil for V1).
    static func restAPI(
        _ t: inout CloudFormationTemplate, host: JSONValue, vpcLink: JSONValue, integrationTarget: JSONValue?,
        condition: String?, apiCondition: String?, waf: Bool, usagePlan: UsagePlan?
    ) {
        t.resource("RestApi", "AWS::ApiGateway::RestApi", [
            "Name": Fn.sub("${AWS::StackName}"),
            "Description": "Proxies every request to the cluster through a VPC link",
            "EndpointConfiguration": ["Types": ["REGIONAL"]],
        ], condition: apiCondition)
        t.resource("ProxyResource", "AWS::ApiGateway::Resource", [
            "RestApiId": Fn.ref("RestApi"), "ParentId": Fn.getAtt("RestApi", "RootResourceId"), "PathPart": "{proxy+}",
        ], condition: apiCondition)
        let methodSuppressions: [Suppression] = usagePlan != nil ? [] : [
            .checkov("CKV_AWS_59", "A transparent proxy to the cluster: authentication is the application's, or an authorizer you add to these methods (the design asks for no API keys)."),
        ]
        for (id, resource, path) in [("RootMethod", Fn.getAtt("RestApi", "RootResourceId"), ""), ("ProxyMethod", Fn.ref("ProxyResource"), "{proxy}")] {
            var integration: [(String, JSONValue)] = [
                ("Type", "HTTP_PROXY"),
                ("IntegrationHttpMethod", "ANY"),
                ("ConnectionType", "VPC_LINK"),
                ("ConnectionId", vpcLink),
            ]
            if let integrationTarget { integration.append(("IntegrationTarget", integrationTarget)) }
            integration.append(("Uri", Fn.sub("http://${Host}/\(path)", [("Host", host)])))
            var method: [(String, JSONValue)] = [
                ("RestApiId", Fn.ref("RestApi")), ("ResourceId", resource), ("HttpMethod", "ANY"), ("AuthorizationType", "NONE"),
            ]
            if usagePlan != nil { method.append(("ApiKeyRequired", true)) }
            if !path.isEmpty {
                method.append(("RequestParameters", ["method.request.path.proxy": true]))
                integration.append(("RequestParameters", ["integration.request.path.proxy": "method.request.path.proxy"]))
            }
            method.append(("Integration", .object(integration)))
            t.resource(id, "AWS::ApiGateway::Method", .object(method), condition: condition, suppress: methodSuppressions)
        }
        t.resource("Deployment", "AWS::ApiGateway::Deployment", [
            "RestApiId": Fn.ref("RestApi"), "Description": "Proxy methods",
        ], condition: condition, dependsOn: ["RootMethod", "ProxyMethod"])
        var stageSuppressions: [Suppression] = [
            .checkov("CKV_AWS_76", "REST API access logs need the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account), a per-account setting this stack should not own; once it is set, add AccessLogSetting here."),
            .checkov("CKV_AWS_120", "The stage cache is billed per hour and only helps cacheable responses; turn on CacheClusterEnabled when the design asks for caching."),
        ]
        if !waf { stageSuppressions.append(.checkov("CKV2_AWS_29", "This option carries no web ACL (waf: false).")) }
        t.resource("Stage", "AWS::ApiGateway::Stage", [
            "RestApiId": Fn.ref("RestApi"),
            "DeploymentId": Fn.ref("Deployment"),
            "StageName": .string(restStage),
            "TracingEnabled": true,
            "MethodSettings": [["ResourcePath": "/*", "HttpMethod": "*", "MetricsEnabled": true, "ThrottlingBurstLimit": 500, "ThrottlingRateLimit": 1000]],
        ], condition: condition, suppress: stageSuppressions)
        if waf {
            WebACL.add(to: &t, scope: .regional, metricName: "rest-api", condition: condition)
            t.resource("WebAclAssociation", "AWS::WAFv2::WebACLAssociation", [
                "ResourceArn": Fn.sub("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${RestApi}/stages/${Stage}"),
                "WebACLArn": Fn.getAtt("WebAcl", "Arn"),
            ], condition: condition)
        }
        if let usagePlan { addUsagePlan(&t, usagePlan, condition: condition) }
        t.output("ApiUrl", Fn.sub("https://${RestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/\(restStage)/"), description: "The API's invoke URL", condition: condition)
    }

    /// How the guide hands out the first key, once the stack holds it.
    static func apiKeySteps(_ c: FrontendContext) -> [(note: String, command: String)] {
        guard c.settings.usagePlan != nil else { return [] }
        let region = c.plan.design.region
        let id = "$(aws cloudformation describe-stacks --region \(region) --stack-name \(c.stackName) --query \"Stacks[0].Outputs[?OutputKey=='ApiKeyId'].OutputValue\" --output text)"
        return [(note: "The first client's API key\(c.staggered ? " (once the second deploy has made it)" : ""): every method requires one in the x-api-key header, throttled by the stage's usage plan; hand the value over a secure channel, and add more keys to the same plan with `aws apigateway create-api-key` and `create-usage-plan-key`",
                 command: "aws apigateway get-api-key --region \(region) --api-key \"\(id)\" --include-value --query value --output text")]
    }

    /// The usage plan of the stage and one API key in it, for the first client; more keys join
    /// the same plan (`aws apigateway create-usage-plan-key`).
    static func addUsagePlan(_ t: inout CloudFormationTemplate, _ plan: UsagePlan, condition: String?) {
        var fields: [(String, JSONValue)] = [
            ("Description", "Every API key of this stage: its throttle and quota"),
            ("ApiStages", [["ApiId": Fn.ref("RestApi"), "Stage": Fn.ref("Stage")]]),
            ("Throttle", ["RateLimit": .int(plan.ratePerSecond), "BurstLimit": .int(plan.burst)]),
        ]
        if let quota = plan.quota { fields.append(("Quota", ["Limit": .int(quota), "Period": .string(plan.quotaPeriod.rawValue)])) }
        t.resource("UsagePlan", "AWS::ApiGateway::UsagePlan", .object(fields), condition: condition)
        t.resource("ApiKey", "AWS::ApiGateway::ApiKey", [
            "Description": "The first client's key (API Gateway generates its value)",
            "Enabled": true,
        ], condition: condition)
        t.resource("UsagePlanKey", "AWS::ApiGateway::UsagePlanKey", [
            "KeyId": Fn.ref("ApiKey"), "KeyType": "API_KEY", "UsagePlanId": Fn.ref("UsagePlan"),
        ], condition: condition)
        t.output("ApiKeyId", Fn.ref("ApiKey"), description: "The first API key (aws apigateway get-api-key --include-value shows its value; clients send it as x-api-key)", condition: condition)
    }

    /// An HTTP API with `ANY /{proxy+}` and `$default` routes to one HTTP_PROXY integration through a
    /// VPC link V2 to `listener` (an ALB or NLB listener ARN), and a `$default` stage with access logs.
    static func httpAPI(_ t: inout CloudFormationTemplate, vpcLink: String, listener: JSONValue, condition: String?) {
        t.resource("HttpApi", "AWS::ApiGatewayV2::Api", [
            "Name": Fn.sub("${AWS::StackName}"),
            "Description": "Proxies every request to the cluster through a VPC link",
            "ProtocolType": "HTTP",
        ])
        t.resource("HttpIntegration", "AWS::ApiGatewayV2::Integration", [
            "ApiId": Fn.ref("HttpApi"),
            "IntegrationType": "HTTP_PROXY",
            "IntegrationMethod": "ANY",
            "ConnectionType": "VPC_LINK",
            "ConnectionId": Fn.ref(vpcLink),
            "IntegrationUri": listener,
            "PayloadFormatVersion": "1.0",
            // Behind the VPC link the load balancer sees the link's addresses: API Gateway writes the
            // client's into this header (overwriting any a client sent), for the ALB's web ACL and the pods.
            "RequestParameters": .object([("overwrite:header.\(clientIPHeader)", "$context.identity.sourceIp")]),
        ], condition: condition)
        for (id, key) in [("ProxyRoute", "ANY /{proxy+}"), ("DefaultRoute", "$default")] {
            t.resource(id, "AWS::ApiGatewayV2::Route", [
                "ApiId": Fn.ref("HttpApi"),
                "RouteKey": .string(key),
                "Target": Fn.sub("integrations/${HttpIntegration}"),
            ], condition: condition)
        }
        t.resource("HttpApiAccessLogs", "AWS::Logs::LogGroup", ["RetentionInDays": 365], suppress: [
            .checkov("CKV_AWS_158", "Access logs carry request metadata, no secrets; CloudWatch Logs encrypts them at rest with its own key."),
        ], deletionPolicy: "Delete")
        t.resource("HttpStage", "AWS::ApiGatewayV2::Stage", [
            "ApiId": Fn.ref("HttpApi"),
            "StageName": "$default",
            "AutoDeploy": true,
            "AccessLogSettings": ["DestinationArn": Fn.getAtt("HttpApiAccessLogs", "Arn"), "Format": .string(accessLogFormat)],
        ])
        t.output("ApiUrl", Fn.getAtt("HttpApi", "ApiEndpoint"), description: "The API's invoke URL")
    }

    /// A VPC link V2 with its ENIs in the endpoint subnets, sending only to the VPC on `port`.
    static func vpcLinkV2(_ t: inout CloudFormationTemplate, port: Int) {
        LoadBalancerParts.securityGroup(&t, "VpcLinkSecurityGroup", "VPC link ENIs: HTTP out to the load balancer only",
            ingress: [], egress: [LoadBalancerParts.rule(port, .vpc, "To the load balancer's listener", egress: true)], condition: nil)
        t.resource("VpcLink", "AWS::ApiGatewayV2::VpcLink", [
            "Name": Fn.sub("${AWS::StackName}"),
            "SubnetIds": LoadBalancerParts.subnets(.endpoints),
            "SecurityGroupIds": [Fn.ref("VpcLinkSecurityGroup")],
        ])
    }
}
