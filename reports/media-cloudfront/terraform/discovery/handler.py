"""edgeplan: find the ingress NLB that Kubernetes made (2018 report, challenge 7).

Every minute: look for the NLB tagged kubernetes.io/service-name with one of the
comma-separated SERVICE_NAME values (namespace/name) for this cluster, keep its ARN
(and its port-80 listener's) in SSM Parameter Store ("None" when there is none, so
stacks can test for it), and point private-nlb.DOMAIN or public-nlb.DOMAIN at it in
Route 53.
"""
import os

import boto3

SERVICES = set(os.environ["SERVICE_NAME"].split(","))
CLUSTER = os.environ["CLUSTER_NAME"]
ZONE = os.environ["HOSTED_ZONE_ID"]
DOMAIN = os.environ["DOMAIN_NAME"].rstrip(".")
RECORD = {"internal": "private-nlb", "internet-facing": "public-nlb"}


def handler(event, context):
    elb = boto3.client("elbv2")
    ssm = boto3.client("ssm")
    r53 = boto3.client("route53")
    found = {}
    for lb in ingress_nlbs(elb):
        found.setdefault(lb["Scheme"], lb)
    internal = found.get("internal")
    public = found.get("internet-facing")
    store(ssm, os.environ["NLB_ARN_PARAMETER"], arn(internal))
    store(ssm, os.environ["NLB_LISTENER_PARAMETER"], listener(elb, internal))
    store(ssm, os.environ["PUBLIC_NLB_ARN_PARAMETER"], arn(public))
    for scheme in sorted(found):
        upsert(r53, scheme, found[scheme])
    return {scheme: arn(lb) for scheme, lb in found.items()}


def ingress_nlbs(elb):
    nlbs = {}
    for page in elb.get_paginator("describe_load_balancers").paginate():
        for lb in page["LoadBalancers"]:
            if lb["Type"] == "network":
                nlbs[lb["LoadBalancerArn"]] = lb
    arns = sorted(nlbs)
    matches = []
    for i in range(0, len(arns), 20):
        reply = elb.describe_tags(ResourceArns=arns[i:i + 20])
        for description in reply["TagDescriptions"]:
            tags = {t["Key"]: t["Value"] for t in description["Tags"]}
            if service(tags) in SERVICES and ours(tags):
                matches.append(nlbs[description["ResourceArn"]])
    return matches


def service(tags):
    # The in-tree provider's tag (which the controller's Service sets too); EKS Auto Mode tags its
    # NLBs with the Service as namespace/name in service.eks.amazonaws.com/stack.
    return tags.get("kubernetes.io/service-name") or tags.get("service.eks.amazonaws.com/stack")


def ours(tags):
    # In-tree cloud provider: kubernetes.io/cluster/NAME; AWS Load Balancer Controller:
    # elbv2.k8s.aws/cluster; EKS Auto Mode: eks:eks-cluster-name.
    return ("kubernetes.io/cluster/" + CLUSTER in tags or tags.get("elbv2.k8s.aws/cluster") == CLUSTER
            or tags.get("eks:eks-cluster-name") == CLUSTER)


def arn(lb):
    return lb["LoadBalancerArn"] if lb else "None"


def listener(elb, lb):
    if lb:
        for item in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]:
            if item["Port"] == 80:
                return item["ListenerArn"]
    return "None"


def store(ssm, name, value):
    try:
        if ssm.get_parameter(Name=name)["Parameter"]["Value"] == value:
            return
    except ssm.exceptions.ParameterNotFound:
        pass
    print("%s = %s" % (name, value))
    ssm.put_parameter(Name=name, Value=value, Type="String", Overwrite=True)


def upsert(r53, scheme, lb):
    name = "%s.%s" % (RECORD[scheme], DOMAIN)
    print("%s -> %s" % (name, lb["DNSName"]))
    r53.change_resource_record_sets(HostedZoneId=ZONE, ChangeBatch={"Changes": [{
        "Action": "UPSERT",
        "ResourceRecordSet": {
            "Name": name,
            "Type": "A",
            "AliasTarget": {
                "HostedZoneId": lb["CanonicalHostedZoneId"],
                "DNSName": lb["DNSName"],
                "EvaluateTargetHealth": True,
            },
        },
    }]})
