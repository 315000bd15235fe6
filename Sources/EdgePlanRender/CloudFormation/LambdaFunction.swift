import EdgePlanCore

/// A small Python Lambda function with its inline code, its own log group and a role that can do
/// exactly what `statements` allow (plus writing to that log group).
struct LambdaFunction: Sendable {
    var id: String
    var description: String
    var source: String
    var environment: [(String, JSONValue)] = []
    var statements: [JSONValue]
    var condition: String?
    var timeout = 30

    /// CloudFormation's limit for inline `Code.ZipFile` source (AWS::Lambda::Function Code, "ZipFile").
    static let inlineLimit = 4096
    static let runtime = "python3.13"

    func add(to t: inout CloudFormationTemplate) {
        t.resource("\(id)LogGroup", "AWS::Logs::LogGroup", ["RetentionInDays": 365], condition: condition, suppress: [
            .checkov("CKV_AWS_158", "The log holds what the function printed (load balancer ARNs and addresses), no secrets; CloudWatch Logs encrypts it at rest with its own key."),
        ], deletionPolicy: "Delete")
        let logStatement: JSONValue = [
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": Fn.getAtt("\(id)LogGroup", "Arn"),
        ]
        t.resource("\(id)Role", "AWS::IAM::Role", [
            "Description": .string("Runs \(id): \(description)"),
            "AssumeRolePolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
            ],
            "Policies": [[
                "PolicyName": .string(id),
                "PolicyDocument": ["Version": "2012-10-17", "Statement": .array([logStatement] + statements)],
            ]],
        ], condition: condition)
        var properties: [(String, JSONValue)] = [
            ("Description", .string(description)),
            ("Runtime", .string(Self.runtime)),
            ("Handler", "index.handler"),
            ("Architectures", ["arm64"]),
            ("MemorySize", 128),
            ("Timeout", .int(timeout)),
            ("Role", Fn.getAtt("\(id)Role", "Arn")),
            ("LoggingConfig", ["LogGroup": Fn.ref("\(id)LogGroup")]),
        ]
        if !environment.isEmpty { properties.append(("Environment", ["Variables": .object(environment)])) }
        properties.append(("Code", ["ZipFile": .string(source)]))
        var suppress: [Suppression] = [
            .checkov("CKV_AWS_116", "Invoked by CloudFormation or a schedule that calls again; a failed run is logged and the next call repeats the work, so a dead-letter queue would hold nothing to replay."),
            // Lambda keeps part of an account's concurrency unreserved, so in a new account with a
            // low quota any reservation fails the deploy; these functions run once a minute or once a deploy.
            .checkov("CKV_AWS_115", "No reserved concurrency: Lambda keeps part of the account's concurrency unreserved, so a reservation fails to deploy in new accounts with a low quota; the function runs once a minute (discovery) or once a deploy (custom resource) and its work is idempotent."),
            .checkov("CKV_AWS_117", "Calls only AWS APIs; inside the VPC it would need NAT or interface endpoints for each of them and gain nothing."),
        ]
        if !environment.isEmpty {
            suppress.append(.checkov("CKV_AWS_173", "The environment holds parameter names, a hosted zone ID and a domain name, no secrets; Lambda encrypts it at rest with its own key."))
        }
        t.resource(id, "AWS::Lambda::Function", .object(properties), condition: condition, suppress: suppress)
    }
}
