import EdgePlanCore

/// One template to deploy as one stack, with what a person needs to deploy it.
struct EmittedStack: Sendable {
    /// Path in the output folder without the extension (`cloudformation/network`).
    var path: String
    var stackName: String
    /// The Region to deploy in when it is not the plan's (CloudFront web ACLs live in us-east-1).
    var region: String?
    var template: CloudFormationTemplate
    /// Files that belong with the template (the inlined Python sources).
    var sidecars: [OutputFile] = []
    /// One line on when to deploy it.
    var when: String
    /// What to run once it is deployed (settings CloudFormation cannot make), each a note and a command.
    var afterDeploy: [(note: String, command: String)] = []

    /// `CAPABILITY_IAM` is needed when the template makes IAM resources.
    var needsIAMCapability: Bool {
        template.resources.contains { template.resourceType($0.0)?.hasPrefix("AWS::IAM::") ?? false }
    }

    /// Parameters without a default: the ones a person must pass.
    var requiredParameters: [(name: String, description: String)] {
        template.parameters.compactMap { name, value in
            guard value["Default"] == nil else { return nil }
            if case .string(let d) = value["Description"] ?? .null { return (name, d) }
            return (name, "")
        }
    }
}
