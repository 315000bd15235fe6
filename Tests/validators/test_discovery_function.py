"""The discovery function's Python (cloudformation/discovery/handler.py, as emitted and inlined)
against moto in-process (@mock_aws): it finds the ingress NLB by its kubernetes.io/service-name tag
and this cluster's tag, keeps "None" or the ARNs in SSM, and upserts the Route 53 records.
"""
import importlib.util
import itertools

import boto3
import pytest
from moto import mock_aws

REGION = "eu-west-1"
CLUSTER = "seed-env-eks"
PARAMETERS = {
    "NLB_ARN_PARAMETER": "/edgeplan/seed-env/ingress-nlb-arn",
    "NLB_LISTENER_PARAMETER": "/edgeplan/seed-env/ingress-nlb-listener-arn",
    "PUBLIC_NLB_ARN_PARAMETER": "/edgeplan/seed-env/public-ingress-nlb-arn",
}
counter = itertools.count()


@pytest.fixture
def handler_source(outputs):
    run = next(o for o in outputs if o.example == "seed-environment" and o.style == "staggered" and o.format == "json")
    return run.folder / "cloudformation" / "discovery" / "handler.py"


class World:
    def __init__(self, module):
        self.module = module
        self.elb = boto3.client("elbv2", region_name=REGION)
        self.ssm = boto3.client("ssm", region_name=REGION)
        self.r53 = boto3.client("route53", region_name=REGION)
        ec2 = boto3.client("ec2", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.128.0.0/16")["Vpc"]["VpcId"]
        self.vpc = vpc
        self.subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock="10.128.%d.0/24" % i, AvailabilityZone=REGION + az)["Subnet"]["SubnetId"]
                        for i, az in enumerate("abc")]
        self.zone = None

    def nlb(self, tags, scheme="internal", kind="network", listener=True):
        name = "lb-%d" % next(counter)
        lb = self.elb.create_load_balancer(Name=name, Subnets=self.subnets, Scheme=scheme, Type=kind,
                                           Tags=[{"Key": k, "Value": v} for k, v in tags.items()])["LoadBalancers"][0]
        if listener and kind == "network":
            tg = self.elb.create_target_group(Name=name, Protocol="TCP", Port=80, VpcId=self.vpc, TargetType="ip")["TargetGroups"][0]
            lb["Listener"] = self.elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="TCP", Port=80,
                                                      DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])["Listeners"][0]["ListenerArn"]
        return lb

    def run(self):
        return self.module.handler({"source": "aws.events"}, None)

    def parameter(self, key):
        return self.ssm.get_parameter(Name=PARAMETERS[key])["Parameter"]["Value"]

    def records(self):
        sets = self.r53.list_resource_record_sets(HostedZoneId=self.zone)["ResourceRecordSets"]
        return {s["Name"].rstrip("."): s for s in sets if s["Type"] == "A"}


@pytest.fixture
def world(handler_source, monkeypatch):
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(key, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        ssm = boto3.client("ssm", region_name=REGION)
        for name in PARAMETERS.values():
            ssm.put_parameter(Name=name, Value="None", Type="String")
        zone = boto3.client("route53", region_name=REGION).create_hosted_zone(Name="example.com", CallerReference="t")["HostedZone"]["Id"].split("/")[-1]
        # Two routers' Services, as a design whose staggered options use both writes them.
        env = dict(PARAMETERS, SERVICE_NAME="envoy-gateway-system/edgeplan-gateway,ingress-nginx/ingress-nginx", CLUSTER_NAME=CLUSTER, HOSTED_ZONE_ID=zone, DOMAIN_NAME="example.com")
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        spec = importlib.util.spec_from_file_location("discovery_handler_%d" % next(counter), handler_source)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        w = World(module)
        w.zone = zone
        yield w


INGRESS = {"kubernetes.io/service-name": "ingress-nginx/ingress-nginx", "kubernetes.io/cluster/" + CLUSTER: "owned"}


def test_no_nlb_keeps_none(world):
    assert world.run() == {}
    for key in PARAMETERS:
        assert world.parameter(key) == "None"
    assert world.records() == {}


def test_tagged_internal_nlb_is_stored_and_named(world):
    lb = world.nlb(INGRESS)
    world.run()
    assert world.parameter("NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    assert world.parameter("NLB_LISTENER_PARAMETER") == lb["Listener"]
    assert world.parameter("PUBLIC_NLB_ARN_PARAMETER") == "None"
    record = world.records()["private-nlb.example.com"]
    assert record["AliasTarget"]["DNSName"].rstrip(".") == lb["DNSName"].rstrip(".")
    assert record["AliasTarget"]["HostedZoneId"] == lb["CanonicalHostedZoneId"]


def test_unrelated_load_balancers_are_ignored(world):
    world.nlb({"kubernetes.io/service-name": "default/other", "kubernetes.io/cluster/" + CLUSTER: "owned"})
    world.nlb({"kubernetes.io/service-name": "ingress-nginx/ingress-nginx", "kubernetes.io/cluster/another-eks": "owned"})
    world.nlb({"team": "payments"})
    world.nlb(INGRESS, kind="application", listener=False)
    world.run()
    for key in PARAMETERS:
        assert world.parameter(key) == "None"
    assert world.records() == {}


def test_public_nlb_made_by_the_controller_is_found(world):
    # The AWS Load Balancer Controller tags elbv2.k8s.aws/cluster; the Service's
    # additional-resource-tags annotation adds kubernetes.io/service-name.
    lb = world.nlb({"kubernetes.io/service-name": "ingress-nginx/ingress-nginx", "elbv2.k8s.aws/cluster": CLUSTER}, scheme="internet-facing")
    world.run()
    assert world.parameter("PUBLIC_NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    assert world.parameter("NLB_ARN_PARAMETER") == "None"
    assert "public-nlb.example.com" in world.records()


def test_found_among_many_and_back_to_none_when_gone(world):
    for _ in range(23):  # more than one describe_tags call (20 ARNs each)
        world.nlb({"kubernetes.io/service-name": "default/other"}, listener=False)
    lb = world.nlb(INGRESS)
    world.run()
    assert world.parameter("NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    world.run()  # nothing changes on a second run
    assert world.parameter("NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    world.elb.delete_listener(ListenerArn=lb["Listener"])
    world.elb.delete_load_balancer(LoadBalancerArn=lb["LoadBalancerArn"])
    world.run()
    assert world.parameter("NLB_ARN_PARAMETER") == "None"
    assert world.parameter("NLB_LISTENER_PARAMETER") == "None"


def test_any_listed_service_is_found(world):
    # The Envoy Gateway data-plane Service's NLB, made by the in-tree provider, is the router of another option.
    lb = world.nlb({"kubernetes.io/service-name": "envoy-gateway-system/edgeplan-gateway", "kubernetes.io/cluster/" + CLUSTER: "owned"})
    world.run()
    assert world.parameter("NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    world.nlb({"kubernetes.io/service-name": "envoy-gateway-system/other", "kubernetes.io/cluster/" + CLUSTER: "owned"}, scheme="internet-facing")
    world.run()
    assert world.parameter("PUBLIC_NLB_ARN_PARAMETER") == "None", "a Service that is not listed is never taken"


def test_an_auto_mode_nlb_is_found_by_its_own_tags(world):
    # EKS Auto Mode tags the NLBs it makes with the cluster (eks:eks-cluster-name) and the Service
    # (service.eks.amazonaws.com/stack), not kubernetes.io/service-name.
    lb = world.nlb({"service.eks.amazonaws.com/stack": "envoy-gateway-system/edgeplan-gateway", "eks:eks-cluster-name": CLUSTER})
    world.nlb({"service.eks.amazonaws.com/stack": "envoy-gateway-system/edgeplan-gateway", "eks:eks-cluster-name": "another-eks"},
              scheme="internet-facing")
    world.run()
    assert world.parameter("NLB_ARN_PARAMETER") == lb["LoadBalancerArn"]
    assert world.parameter("PUBLIC_NLB_ARN_PARAMETER") == "None", "another cluster's NLB is never taken"
