import EdgePlanCore

/// The guard of a staggered frontend stack. Everything in it that needs the NLB exists under
/// `NlbPresent`, which reads the SSM parameter discovery keeps: if the stack is updated while the
/// parameter says `None` (the NLB deleted or remade, discovery not yet run), CloudFormation deletes
/// the ALB, web ACL, endpoint and distribution, and the DNS names clients use change. Once the
/// stack holds them, this stack policy denies deleting or replacing any of them, so such an update
/// fails and rolls back instead; the deploy guide sets it after the second deploy.
enum StaggeredStackPolicy {
    static let suffix = ".stack-policy.json"

    /// The policy for `stack`, or nil when nothing in it waits for the NLB.
    static func file(for stack: EmittedStack) -> OutputFile? {
        let guarded = stack.template.resources.compactMap { id, fields in fields["Condition"] == .string("NlbPresent") ? id : nil }
        guard !guarded.isEmpty else { return nil }
        let policy: JSONValue = ["Statement": [
            ["Effect": "Deny", "Principal": "*", "Action": ["Update:Delete", "Update:Replace"],
             "Resource": .array(guarded.map { .string("LogicalResourceId/\($0)") })],
            ["Effect": "Allow", "Principal": "*", "Action": "Update:*", "Resource": "*"],
        ]]
        return OutputFile(path: stack.path + suffix, contents: policy.serialized())
    }
}
