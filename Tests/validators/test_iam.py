"""Least privilege in every IAM policy edgeplan emits.

An Allow statement whose actions change something (anything but Describe*, Get*, List*) must be
scoped: by a Condition, or by resources that name something (a VPC, this design's web ACLs, a
log group) rather than "any resource of this type". The reference policy of the AWS Load Balancer
Controller leaves several such statements open; edgeplan's role for it does not. A statement that
cannot be scoped in IAM is listed in EXCEPTIONS with why it is still bounded; an exception that no
emitted policy uses any more fails the test, so the list stays true.
"""
import json
import re

READ_VERBS = ("Describe", "Get", "List")
# "*", or an ARN whose resource part is only a type and wildcards: ...:security-group/*, ...:loadbalancer/app/*/*
OPEN_RESOURCE = re.compile(r"^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:[A-Za-z-]+(/[a-z]+)*(/\*)+)$")
EXCEPTIONS = {
    # wafv2 offers no tag condition for an ALB; the ALB's half of an association is
    # elasticloadbalancing:SetWebAcl, which the role holds only on this cluster's load balancers,
    # and the web ACL's half names only this design's web ACLs.
    "AssociateThisDesignsWebACLs": "the web ACL resource names this design's; SetWebAcl is tag-scoped",
    "DisassociateWebACLsFromOwnLoadBalancers": "SetWebAcl on the ALB is tag-scoped",
}


def resource_text(resource):
    """The ARN pattern a Resource entry stands for: literal, or the template of an Fn::Sub."""
    if isinstance(resource, str):
        return resource
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        sub = resource["Fn::Sub"]
        return sub if isinstance(sub, str) else sub[0]
    return None  # Ref / GetAtt / ImportValue: one named resource


def policies(template):
    for logical_id, resource in template.get("Resources", {}).items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            for p in props.get("Policies", []):
                yield logical_id, p["PolicyDocument"]
        elif resource["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            yield logical_id, props["PolicyDocument"]


def as_list(value):
    return value if isinstance(value, list) else [value]


def open_mutations(template):
    """[(role, sid, actions, open resources)] of unscoped mutating Allow statements."""
    found = []
    for role, document in policies(template):
        for statement in as_list(document["Statement"]):
            if statement.get("Effect") != "Allow" or "Condition" in statement:
                continue
            actions = [a for a in as_list(statement["Action"]) if not a.split(":", 1)[1].startswith(READ_VERBS)]
            if not actions:
                continue
            texts = [resource_text(r) for r in as_list(statement.get("Resource", "*"))]
            opened = [t for t in texts if t is not None and OPEN_RESOURCE.match(re.sub(r"\$\{AWS::[A-Za-z]+\}", "x", t))]
            if opened:
                found.append((role, statement.get("Sid"), actions, opened))
    return found


def test_mutating_statements_are_scoped(unique_templates):
    open_statements, used = [], set()
    for _, output, path in unique_templates:
        if path.suffix != ".json":
            continue
        for role, sid, actions, opened in open_mutations(json.loads(path.read_text())):
            if sid in EXCEPTIONS:
                used.add(sid)
            else:
                open_statements.append("%s %s: %s %s on %s" % (output.name, path.name, role, sid, actions, opened))
    assert not open_statements, "\n".join(open_statements)
    assert used == set(EXCEPTIONS), "exceptions no emitted policy needs: %s" % sorted(set(EXCEPTIONS) - used)


def test_the_check_finds_an_open_statement():
    """The check itself: the reference policy's open RegisterTargets statement is caught, a scoped one is not."""
    template = {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyDocument": {"Statement": [
        {"Sid": "Open", "Effect": "Allow", "Action": ["elasticloadbalancing:RegisterTargets"],
         "Resource": {"Fn::Sub": "arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:targetgroup/*/*"}},
        {"Sid": "AnyALB", "Effect": "Allow", "Action": ["elasticloadbalancing:SetWebAcl"],
         "Resource": ["arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/*/*"]},
        {"Sid": "Everything", "Effect": "Allow", "Action": "ec2:AuthorizeSecurityGroupIngress", "Resource": "*"},
        {"Sid": "Tagged", "Effect": "Allow", "Action": ["elasticloadbalancing:RegisterTargets"], "Resource": "*",
         "Condition": {"StringEquals": {"aws:ResourceTag/k": "v"}}},
        {"Sid": "Read", "Effect": "Allow", "Action": ["ec2:DescribeVpcs"], "Resource": "*"},
        {"Sid": "Named", "Effect": "Allow", "Action": ["logs:PutLogEvents"],
         "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/fn:*"}},
    ]}}]}}}}
    assert [sid for _, sid, _, _ in open_mutations(template)] == ["Open", "AnyALB", "Everything"]
