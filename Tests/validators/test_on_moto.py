"""The network stack of every example, created through CloudFormation on a local moto_server
(127.0.0.1, started here and stopped at the end), read back and compared with plan.json; and the
discovery stack of a staggered example.

What moto cannot check, and what this test does instead:
- moto skips AWS::EC2::VPCCidrBlock, so subnets in a secondary (pod) CIDR fail there. The test takes
  the VPCCidrBlock and the pod subnets out of the template moto gets, then associates the block and
  creates those subnets through the EC2 API with the template's own properties.
- moto records no subnet associations for AWS::EC2::SubnetRouteTableAssociation, so which route table
  each subnet uses is checked in the template; moto does show each private table's NAT route.
- moto does not model Availability Zone capacity, IP address use, or tag-based load balancer discovery.
- The other stacks hold types moto skips (EKS, VPC endpoint services, WAFv2, API Gateway VPC links,
  CloudFront, custom resources) and outputs that read them, which moto answers with HTTP 500: cfn-lint
  and checkov cover those.
"""
import copy
import json
import socket
import subprocess
import time
import urllib.request

import boto3
import pytest
import yaml

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def moto_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = "http://127.0.0.1:%d" % port
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def client(url, service, region):
    return boto3.client(service, endpoint_url=url, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")


def create(cf, name, body, parameters=()):
    cf.create_stack(StackName=name, TemplateBody=body, Capabilities=["CAPABILITY_IAM"],
                    Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters])
    for _ in range(200):
        stack = cf.describe_stacks(StackName=name)["Stacks"][0]
        if not stack["StackStatus"].endswith("IN_PROGRESS"):
            return stack
        time.sleep(0.1)
    raise AssertionError("stack %s did not finish" % name)


def without_secondary_cidrs(template):
    """The template moto can create, and the pod subnets it cannot (created through EC2 instead)."""
    moto = copy.deepcopy(template)
    resources = moto["Resources"]
    blocks = [r for r, v in resources.items() if v["Type"] == "AWS::EC2::VPCCidrBlock"]
    pods = [r for r, v in resources.items() if v["Type"] == "AWS::EC2::Subnet" and set(v.get("DependsOn", [])) & set(blocks)]
    moved = {r: resources.pop(r) for r in blocks + pods}
    for r in list(resources):
        if resources[r]["Type"] == "AWS::EC2::SubnetRouteTableAssociation" and resources[r]["Properties"]["SubnetId"].get("Ref") in pods:
            del resources[r]
    for output in list(moto["Outputs"]):
        if any(p in json.dumps(moto["Outputs"][output]) for p in pods):
            del moto["Outputs"][output]
    return moto, moved


def tags(resource):
    return {t["Key"]: t["Value"] for t in resource.get("Tags", []) if not t["Key"].startswith("aws:")}


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_network_stack_on_moto_matches_the_plan(example, outputs, moto_url):
    runs = [o for o in outputs if o.example == example and o.format == "json"]
    bodies = {(o.folder / "cloudformation" / "network.json").read_text() for o in runs}
    assert len(bodies) == 1, "the network stack does not depend on the deploy style"
    run = runs[0]
    plan, region = run.plan, run.region
    template = json.loads(bodies.pop())
    moto_template, moved = without_secondary_cidrs(template)
    cf, ec2 = client(moto_url, "cloudformation", region), client(moto_url, "ec2", region)
    stack_name = plan["design"]["name"] + "-network"
    stack = create(cf, stack_name, json.dumps(moto_template))
    assert stack["StackStatus"] == "CREATE_COMPLETE", stack.get("StackStatusReason")
    resources = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in cf.describe_stack_resources(StackName=stack_name)["StackResources"]}
    vpc_id = resources["Vpc"]
    for rid, resource in moved.items():
        p = resource["Properties"]
        if resource["Type"] == "AWS::EC2::VPCCidrBlock":
            ec2.associate_vpc_cidr_block(VpcId=vpc_id, CidrBlock=p["CidrBlock"])
    for rid, resource in moved.items():
        p = resource["Properties"]
        if resource["Type"] == "AWS::EC2::Subnet":
            ec2.create_subnet(VpcId=vpc_id, CidrBlock=p["CidrBlock"], AvailabilityZone=p["AvailabilityZone"],
                              TagSpecifications=[{"ResourceType": "subnet", "Tags": p["Tags"]}])

    vpc = ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"][0]
    assert vpc["CidrBlock"] == plan["vpc"]["cidr"]
    associated = sorted(a["CidrBlock"] for a in vpc["CidrBlockAssociationSet"] if a["CidrBlock"] != plan["vpc"]["cidr"])
    assert associated == sorted(plan["vpc"]["secondaryCidrs"])

    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    by_name = {tags(s)["Name"]: s for s in subnets}
    assert len(subnets) == len(plan["subnets"]) == len(by_name)
    for planned in plan["subnets"]:
        actual = by_name[planned["name"]]
        assert actual["CidrBlock"] == planned["cidr"], planned["name"]
        assert actual["AvailabilityZone"] == planned["az"], planned["name"]
        assert tags(actual) == planned["tags"], planned["name"]

    # Exports: each role's subnet IDs in AZ order, as the other stacks import them.
    exports = {e["Name"]: e["Value"] for e in cf.list_exports()["Exports"]}
    for role in sorted({s["role"] for s in plan["subnets"]} - {"pods"}):
        logical = "".join(w.capitalize() for w in role.split("-"))
        ids = exports["%s-%sSubnetIds" % (stack_name, logical)].split(",")
        names = [tags(next(s for s in subnets if s["SubnetId"] == i))["Name"] for i in ids]
        assert names == [s["name"] for s in plan["subnets"] if s["role"] == role]
    assert exports[stack_name + "-VpcId"] == vpc_id

    # NAT gateways as the design asks, each private route table's default route through one.
    nat_mode = yaml.safe_load(open(next(e for e in EXAMPLES if e.stem == example)))["network"].get("natGateways", "per-az")
    nats = ec2.describe_nat_gateways(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NatGateways"]
    expected = {"per-az": len(plan["availabilityZones"]), "single": 1, "none": 0}[nat_mode]
    assert len(nats) == expected
    tables = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["RouteTables"]
    nat_routes = [r for t in tables for r in t["Routes"] if r.get("NatGatewayId")]
    assert len(nat_routes) == (len(plan["availabilityZones"]) if expected else 0)
    assert any(r.get("GatewayId", "").startswith("igw-") for t in tables for r in t["Routes"])

    # Which table each subnet uses (moto does not record these associations): public → the IGW
    # table, every other subnet → its own AZ's private table.
    subnet_ids = {rid: v for rid, v in template["Resources"].items() if v["Type"] == "AWS::EC2::Subnet"}
    for rid, v in template["Resources"].items():
        if v["Type"] != "AWS::EC2::SubnetRouteTableAssociation":
            continue
        subnet = subnet_ids[v["Properties"]["SubnetId"]["Ref"]]
        table = v["Properties"]["RouteTableId"]["Ref"]
        az_letter = "ABCDEFGH"[plan["availabilityZones"].index(subnet["Properties"]["AvailabilityZone"])]
        public = "kubernetes.io/role/elb" in {t["Key"] for t in subnet["Properties"]["Tags"]}
        assert table == ("PublicRouteTable" if public else "PrivateRouteTable" + az_letter), rid
    assert len([v for v in template["Resources"].values() if v["Type"] == "AWS::EC2::SubnetRouteTableAssociation"]) == len(plan["subnets"])


def test_discovery_stack_on_moto_starts_with_none(outputs, moto_url):
    run = next(o for o in outputs if o.example == "seed-environment" and o.style == "staggered" and o.format == "json")
    region = run.region
    r53 = client(moto_url, "route53", region)
    zone = r53.create_hosted_zone(Name="example.com", CallerReference="edgeplan-test")["HostedZone"]["Id"].split("/")[-1]
    cf = client(moto_url, "cloudformation", region)
    name = run.plan["design"]["name"] + "-discovery"
    stack = create(cf, name, (run.folder / "cloudformation" / "discovery.json").read_text(),
                   [("HostedZoneId", zone), ("DomainName", "example.com")])
    assert stack["StackStatus"] == "CREATE_COMPLETE", stack.get("StackStatusReason")
    ssm = client(moto_url, "ssm", region)
    outputs_by_key = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}
    for key in ("NlbArnParameterName", "NlbListenerParameterName", "PublicNlbArnParameterName"):
        assert ssm.get_parameter(Name=outputs_by_key[key])["Parameter"]["Value"] == "None"
    resources = {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in cf.describe_stack_resources(StackName=name)["StackResources"]}
    function = client(moto_url, "lambda", region).get_function(FunctionName=resources["DiscoveryFunction"])["Configuration"]
    assert function["Runtime"] in ("python3.12", "python3.13")
    assert function["Environment"]["Variables"]["SERVICE_NAME"] == "ingress-nginx/ingress-nginx"
    rule = client(moto_url, "events", region).describe_rule(Name=resources["DiscoverySchedule"])
    assert rule["ScheduleExpression"] == "rate(1 minute)"
