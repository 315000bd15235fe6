"""The network stack of every example, created through CloudFormation on a local moto_server
(127.0.0.1, started here and stopped at the end), read back and compared with plan.json; every
frontend stack of every example in both deploy styles, created in the same region after its network
stack (whose exports it imports) and compared with plan.json: listeners (port, protocol), target
groups (type, port, protocol), security-group rules, load balancer scheme and subnets, and the
interface endpoint's subnets; and the discovery stack of a staggered example.

What moto cannot check, and what this test does instead:
- moto skips AWS::EC2::VPCCidrBlock, so subnets in a secondary (pod) CIDR fail there. The test takes
  the VPCCidrBlock and the pod subnets out of the template moto gets, then associates the block and
  creates those subnets through the EC2 API with the template's own properties.
- moto's CloudFormation has no AWS::EC2::SubnetCidrReservation: the test makes the prefix
  reservations through the EC2 API with the template's own properties, and checks each subnet's
  reservation against plan.json.
- moto's CloudFormation places a subnet by AvailabilityZone only: for a design planned by AZ ID the
  test gives each subnet the zone moto maps its AvailabilityZoneId to, and compares the AZ IDs.
- moto records no subnet associations for AWS::EC2::SubnetRouteTableAssociation, so which route table
  each subnet uses is checked in the template; moto does show each private table's NAT route.
- moto does not model Availability Zone capacity, IP address use, or tag-based load balancer discovery.
- moto's CloudFormation reads only Subnets, SecurityGroups and Scheme of an ELBv2 LoadBalancer (every
  NLB comes out an ALB, which then refuses its TCP and TLS listeners), and of a SecurityGroup only
  its ingress from CIDRs and groups (no egress: every group keeps the default allow-all; no ingress
  from prefix lists). moto_server_fixed.py starts moto_server with those two handlers fixed (Type,
  SubnetMappings, Tags; SecurityGroupEgress, SourcePrefixListId passed on). Load balancer and target
  group attributes and target group tags are still dropped: cfn-lint, checkov and the Swift tests
  read them in the template.
- Frontend stacks: moto creates security groups, load balancers, target groups, listeners, interface
  endpoints, Elastic IPs, log groups, IAM roles, Lambda functions and Route 53 records. The test takes
  out of the template moto gets, each for the reason given in UNSUPPORTED below, what moto skips or
  cannot create, and puts a stand-in value wherever a kept resource refers to one of them:
  WAFv2 (no CloudFormation support in moto; the web ACL and its association are checked in the
  template here and by ClaimsTests), CloudFront distributions and VPC origins, API Gateway (moto
  creates REST APIs and methods but no stages, usage plans, keys or VPC links, and no HTTP APIs),
  Global Accelerator, VPC endpoint services (the endpoint gets a stand-in service name; the service's
  NLB and acceptance are checked in the template), Secrets Manager secrets, ACM certificates (the
  TLS listener gets a certificate moto's ACM issues for the template's DomainName, which the test
  compares with the origin) and custom resources (the endpoint-IP function runs against moto in
  test_endpoint_ips_function.py; the target group's registered IPs come from it). Outputs that read
  a removed resource are removed too (moto answers them with HTTP 500).
- Staggered style: Kubernetes makes the NLB. The test makes it through the ELBv2 API as the Service
  would (type, scheme, the planned subnets, a listener on the router's port where the stack reads the
  listener), writes its ARN into the discovery parameter the stack reads, and creates the stack once,
  as its second deploy; the listener the Service asks for is checked in the manifests by the Swift
  tests (OriginTLSTests).
- The other shared stacks hold types moto skips (EKS, custom resources) and outputs that read them,
  which moto answers with HTTP 500: cfn-lint and checkov cover those.
"""
import copy
import json
import pathlib
import re
import socket
import subprocess
import sys
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
    server = subprocess.Popen([sys.executable, str(pathlib.Path(__file__).with_name("moto_server_fixed.py")), "-H", "127.0.0.1", "-p", str(port)],
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
    """The template moto can create, and what it cannot (created through EC2 instead): the pod
    subnets, and the prefix reservations the custom resource would make."""
    moto = copy.deepcopy(template)
    resources = moto["Resources"]
    blocks = [r for r, v in resources.items() if v["Type"] == "AWS::EC2::VPCCidrBlock"]
    pods = [r for r, v in resources.items() if v["Type"] == "AWS::EC2::Subnet" and set(v.get("DependsOn", [])) & set(blocks)]
    reservations = [r for r, v in resources.items() if v["Type"] == "AWS::EC2::SubnetCidrReservation"]
    moved = {r: resources.pop(r) for r in blocks + pods + reservations}
    for r in list(resources):
        if resources[r]["Type"] == "AWS::EC2::SubnetRouteTableAssociation" and resources[r]["Properties"]["SubnetId"].get("Ref") in pods:
            del resources[r]
    for output in list(moto["Outputs"]):
        if any(p in json.dumps(moto["Outputs"][output]) for p in pods):
            del moto["Outputs"][output]
    return moto, moved


def by_zone_name(template, ec2):
    """moto's CloudFormation reads a subnet's AvailabilityZone only, not AvailabilityZoneId: the
    template with each AZ ID replaced by the zone moto maps it to (the test then compares IDs)."""
    names = {z["ZoneId"]: z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]}
    moto = copy.deepcopy(template)
    for resource in moto["Resources"].values():
        p = resource.get("Properties", {})
        if resource["Type"] == "AWS::EC2::Subnet" and "AvailabilityZoneId" in p:
            p["AvailabilityZone"] = names[p.pop("AvailabilityZoneId")]
    return moto


def zone(subnet_properties):
    """The zone a template's subnet names: its AZ name, or its AZ ID."""
    return subnet_properties.get("AvailabilityZone") or subnet_properties["AvailabilityZoneId"]


def tags(resource):
    return {t["Key"]: t["Value"] for t in resource.get("Tags", []) if not t["Key"].startswith("aws:")}


NETWORKS = {}


def network_stack(example, outputs, moto_url):
    """Creates the example's network stack once (the frontend stacks import from it): (run, template, vpc id)."""
    if example in NETWORKS:
        return NETWORKS[example]
    runs = [o for o in outputs if o.example == example and o.format == "json"]
    bodies = {(o.folder / "cloudformation" / "network.json").read_text() for o in runs}
    assert len(bodies) == 1, "the network stack does not depend on the deploy style"
    run = runs[0]
    plan, region = run.plan, run.region
    template = json.loads(bodies.pop())
    cf, ec2 = client(moto_url, "cloudformation", region), client(moto_url, "ec2", region)
    moto_template, moved = without_secondary_cidrs(by_zone_name(template, ec2))
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
            resources[rid] = ec2.create_subnet(VpcId=vpc_id, CidrBlock=p["CidrBlock"], AvailabilityZone=p["AvailabilityZone"],
                                               TagSpecifications=[{"ResourceType": "subnet", "Tags": p["Tags"]}])["Subnet"]["SubnetId"]
    for rid, resource in moved.items():
        p = resource["Properties"]
        if resource["Type"] == "AWS::EC2::SubnetCidrReservation":
            ec2.create_subnet_cidr_reservation(SubnetId=resources[p["SubnetId"]["Ref"]], Cidr=p["Cidr"], ReservationType=p["ReservationType"])
    NETWORKS[example] = (run, template, vpc_id)
    return NETWORKS[example]


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_network_stack_on_moto_matches_the_plan(example, outputs, moto_url):
    run, template, vpc_id = network_stack(example, outputs, moto_url)
    plan, region = run.plan, run.region
    cf, ec2 = client(moto_url, "cloudformation", region), client(moto_url, "ec2", region)
    stack_name = plan["design"]["name"] + "-network"

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
        if "azId" in planned:
            assert actual["AvailabilityZoneId"] == planned["azId"], planned["name"]
        else:
            assert actual["AvailabilityZone"] == planned["az"], planned["name"]
        assert tags(actual) == planned["tags"], planned["name"]
        held = ec2.get_subnet_cidr_reservations(SubnetId=actual["SubnetId"])["SubnetIpv4CidrReservations"]
        assert [(r["Cidr"], r["ReservationType"]) for r in held] == ([(planned["prefixReservation"], "prefix")] if planned["prefixReservation"] else []), planned["name"]

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
        az_letter = "ABCDEFGH"[plan["availabilityZones"].index(zone(subnet["Properties"]))]
        public = "kubernetes.io/role/elb" in {t["Key"] for t in subnet["Properties"]["Tags"]}
        assert table == ("PublicRouteTable" if public else "PrivateRouteTable" + az_letter), rid
    assert len([v for v in template["Resources"].values() if v["Type"] == "AWS::EC2::SubnetRouteTableAssociation"]) == len(plan["subnets"])


# What moto's CloudFormation cannot create, and why (see the module docstring for where each is
# checked instead). The test takes these out of the template moto gets.
UNSUPPORTED = {
    "AWS::WAFv2::": "moto's CloudFormation has no WAFv2",
    "AWS::CloudFront::": "moto's CloudFormation has no CloudFront",
    "AWS::ApiGateway::": "moto creates REST APIs and methods but no stages, usage plans, API keys or VPC links",
    "AWS::ApiGatewayV2::": "moto's CloudFormation has no HTTP APIs or VPC links V2",
    "AWS::GlobalAccelerator::": "moto's CloudFormation has no Global Accelerator",
    "AWS::EC2::VPCEndpointService": "moto's CloudFormation skips endpoint services",
    "AWS::SecretsManager::Secret": "moto's CloudFormation skips Secrets Manager",
    "AWS::CertificateManager::Certificate": "moto's CloudFormation skips ACM certificates",
    "Custom::": "a custom resource needs its Lambda function run, which moto_server cannot do here",
}


def unsupported(resource_type):
    return next((why for prefix, why in UNSUPPORTED.items() if resource_type.startswith(prefix)), None)


def for_moto(template, stand_ins):
    """The template without what moto cannot create; each reference to a removed resource becomes
    its stand-in (stand_ins[name], else a placeholder string moto stores as it is). Returns the
    template and the removed resources' ids."""
    moto = copy.deepcopy(template)
    resources = moto["Resources"]
    removed = {r for r, v in resources.items() if unsupported(v["Type"])}

    def stand_in(name, attribute=None):
        return stand_ins.get(name, "stand-in-%s%s" % (name, "." + attribute if attribute else ""))

    def replace(node):
        if isinstance(node, list):
            return [replace(v) for v in node]
        if not isinstance(node, dict):
            return node
        if list(node) == ["Ref"] and node["Ref"] in removed:
            return stand_in(node["Ref"])
        if list(node) == ["Fn::GetAtt"] and node["Fn::GetAtt"][0] in removed:
            return stand_in(*node["Fn::GetAtt"])
        if list(node) == ["Fn::Sub"] and isinstance(node["Fn::Sub"], str):
            return {"Fn::Sub": re.sub(r"\$\{(\w+)(?:\.(\w+))?\}",
                                      lambda m: stand_in(m[1], m[2]) if m[1] in removed else m[0], node["Fn::Sub"])}
        return {k: replace(v) for k, v in node.items()}

    for r in removed:
        del resources[r]
    for r, v in resources.items():
        resources[r] = replace(v)
        if isinstance(v.get("DependsOn"), list):
            resources[r]["DependsOn"] = [d for d in v["DependsOn"] if d not in removed]
    for name, output in list(moto.get("Outputs", {}).items()):
        if replace(output) != output:
            del moto["Outputs"][name]
    return moto, removed


def subnet_ids(ec2, vpc_id, plan, role):
    """The IDs of the planned subnets of a role, as moto made them."""
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    by_name = {tags(s)["Name"]: s["SubnetId"] for s in subnets}
    return {by_name[s["name"]] for s in plan["subnets"] if s["role"] == role}


def tcp_ports(permissions):
    return sorted({p["FromPort"] for p in permissions if p.get("IpProtocol") == "tcp"})


KUBERNETES_MADE = []
FRONTEND_CASES = [(e.stem, style) for e in EXAMPLES for style in ("bound", "staggered")]


@pytest.mark.parametrize("example,style", FRONTEND_CASES)
def test_frontend_stacks_on_moto_match_the_plan(example, style, outputs, moto_url):
    _, _, vpc_id = network_stack(example, outputs, moto_url)
    run = next(o for o in outputs if o.example == example and o.style == style and o.format == "json")
    plan, region = run.plan, run.region
    cf, ec2, elb = (client(moto_url, s, region) for s in ("cloudformation", "ec2", "elbv2"))
    acm, ssm, r53 = (client(moto_url, s, region) for s in ("acm", "ssm", "route53"))
    vpc_cidr = plan["vpc"]["cidr"]
    zone = r53.create_hosted_zone(Name="example.com", CallerReference="edgeplan-%s-%s" % (example, style))["HostedZone"]["Id"].split("/")[-1]
    prefix_lists = ec2.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": ["com.amazonaws.global.cloudfront.origin-facing"]}])["PrefixLists"]
    prefix_list = prefix_lists[0]["PrefixListId"] if prefix_lists else ec2.create_managed_prefix_list(
        PrefixListName="com.amazonaws.global.cloudfront.origin-facing", MaxEntries=60, AddressFamily="IPv4")["PrefixList"]["PrefixListId"]
    site_certificate = acm.request_certificate(DomainName="www.example.com")["CertificateArn"]
    parameters = {
        "CertificateArn": site_certificate, "ViewerCertificateArn": site_certificate, "OriginCertificateArn": site_certificate, "SiteDomainName": "www.example.com",
        "DomainName": "example.com", "HostedZoneId": zone, "CloudFrontPrefixListId": prefix_list,
        "WebAclArn": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/stand-in/0",
    }
    created = 0
    for option in plan["options"]:
        path = run.folder / "cloudformation" / option["id"] / "frontend.json"
        if not path.exists():
            continue  # alb-controller: the controller makes the ALB from the manifests
        template = json.loads(path.read_text())
        components = {c["id"]: c for c in option["components"]}
        edges = [e for e in option["edges"] if not e["bypass"]]
        realization = option["realization"]
        stand_ins = {}
        for rid, v in template["Resources"].items():
            if v["Type"] == "AWS::CertificateManager::Certificate":
                # moto's ACM issues the certificate the TLS listener gets, for the template's own name.
                name = v["Properties"]["DomainName"]["Fn::Sub"].replace("${DomainName}", parameters["DomainName"])
                stand_ins[rid] = acm.request_certificate(DomainName=name)["CertificateArn"]
            if v["Type"] == "AWS::EC2::VPCEndpointService":
                stand_ins[rid] = "vpce-svc-0123456789abcdef0"
        moto_template, removed = for_moto(template, stand_ins)
        if not moto_template["Resources"]:
            continue  # nothing moto can create (API Gateway or CloudFront alone)
        # Staggered: Kubernetes makes the NLB; here the ELBv2 API makes it as the Service would.
        nlb = next((c for c in option["components"] if c["kind"] == "nlb"), None)
        for name, p in template.get("Parameters", {}).items():
            if p.get("Type", "").startswith("AWS::SSM::Parameter::Value") and nlb:
                KUBERNETES_MADE.append(name)
                made = elb.create_load_balancer(
                    Name="k8s-nlb-%d" % len(KUBERNETES_MADE), Type="network", Scheme=nlb["scheme"],
                    Subnets=sorted(subnet_ids(ec2, vpc_id, plan, nlb["subnetRole"])))["LoadBalancers"][0]
                value = made["LoadBalancerArn"]
                if name == "NlbListenerArn":
                    into = next(e for e in edges if e["to"] == nlb["id"])
                    group = elb.create_target_group(Name="k8s-tg-%d" % len(KUBERNETES_MADE), Protocol="TCP", Port=into["port"], VpcId=vpc_id,
                                                    TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
                    value = elb.create_listener(LoadBalancerArn=value, Protocol="TCP", Port=into["port"],
                                                DefaultActions=[{"Type": "forward", "TargetGroupArn": group}])["Listeners"][0]["ListenerArn"]
                ssm.put_parameter(Name=p["Default"], Value=value, Type="String", Overwrite=True)
        stack_name = "%s-%s-%s" % (plan["design"]["name"], option["id"], style)
        given = [(k, v) for k, v in parameters.items() if k in template.get("Parameters", {})]
        stack = create(cf, stack_name, json.dumps(moto_template), given)
        # The discovery stack makes these parameters itself (test_discovery_stack_on_moto_starts_with_none).
        for p in template.get("Parameters", {}).values():
            if p.get("Type", "").startswith("AWS::SSM::Parameter::Value"):
                ssm.delete_parameter(Name=p["Default"])
        assert stack["StackStatus"] == "CREATE_COMPLETE", (stack_name, stack.get("StackStatusReason"))
        created += 1
        made = {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in cf.describe_stack_resources(StackName=stack_name)["StackResources"]}
        why = "%s %s %s" % (example, style, option["id"])

        # Every load balancer the stack makes, against its component in the plan.
        for rid, v in template["Resources"].items():
            if v["Type"] != "AWS::ElasticLoadBalancingV2::LoadBalancer":
                continue
            kind = "nlb" if v["Properties"].get("Type") == "network" else "alb"
            component = next(c for c in option["components"] if c["kind"] == kind)
            lb = elb.describe_load_balancers(LoadBalancerArns=[made[rid]])["LoadBalancers"][0]
            assert lb["Type"] == {"nlb": "network", "alb": "application"}[kind], why
            assert lb["Scheme"] == component["scheme"], why
            assert {z["SubnetId"] for z in lb["AvailabilityZones"]} == subnet_ids(ec2, vpc_id, plan, component["subnetRole"]), why
            # Listeners: one for each way in that the plan draws, on its port and protocol; an
            # internet-facing ALB also redirects HTTP on 80 to HTTPS.
            into = [e for e in edges if e["to"] == component["id"]]
            expected = set()
            for e in into:
                if kind == "nlb":
                    tls = realization.get("nlbTls")
                    expected.add(("TLS", tls["port"]) if tls else ("TCP", e["port"]))
                else:
                    expected.add((e["protocol"], e["port"]))
            listeners = elb.describe_listeners(LoadBalancerArn=made[rid])["Listeners"]
            forwarding = [l for l in listeners if l["DefaultActions"][0]["Type"] == "forward"]
            redirects = [l for l in listeners if l["DefaultActions"][0]["Type"] == "redirect"]
            assert {(l["Protocol"], l["Port"]) for l in forwarding} == expected, (why, kind, listeners)
            assert all((l["Protocol"], l["Port"]) == ("HTTP", 80) and kind == "alb" and ("HTTPS", 443) in expected for l in redirects), why
            for l in forwarding:
                if l["Protocol"] in ("TLS", "HTTPS"):
                    assert l.get("SslPolicy", "").startswith("ELBSecurityPolicy-TLS13"), (why, l)
                    assert l["Certificates"][0]["CertificateArn"], why
                if l["Protocol"] == "TLS":
                    # The certificate is for the name CloudFront's origin uses.
                    certificate = acm.describe_certificate(CertificateArn=l["Certificates"][0]["CertificateArn"])["Certificate"]
                    origin = next(o for r in template["Resources"].values() if r["Type"] == "AWS::CloudFront::Distribution"
                                  for o in r["Properties"]["DistributionConfig"]["Origins"])
                    assert certificate["DomainName"] == origin["DomainName"]["Fn::Sub"].replace("${DomainName}", parameters["DomainName"]), why
            # Target groups: what the plan draws out of the load balancer.
            out = next(e for e in edges if e["from"] == component["id"])
            target = components[out["to"]]
            router = realization.get("router")
            for l in forwarding:
                group = elb.describe_target_groups(TargetGroupArns=[l["DefaultActions"][0]["TargetGroupArn"]])["TargetGroups"][0]
                assert group["TargetType"] == ("alb" if target["kind"] == "alb" else "ip"), (why, group)
                assert group["Port"] == out["port"], (why, group)
                assert group["Protocol"] == ("TCP" if kind == "nlb" else out["protocol"]), (why, group)
                if router and target["id"] == router["router"]:
                    assert group["Port"] == router["containerPort"], why
                    assert group["HealthCheckPort"] == str(router["healthCheck"]["port"]), (why, group)
                    assert group["HealthCheckPath"] == router["healthCheck"]["path"], (why, group)
            # Security groups: in on the listeners' ports only, from CloudFront's prefix list where
            # the origin admits only CloudFront, from anywhere for another front door, from the VPC
            # or the load balancer in front otherwise; out on the targets' port and health port.
            groups = ec2.describe_security_groups(GroupIds=lb["SecurityGroups"])["SecurityGroups"] if lb.get("SecurityGroups") else []
            assert groups or component["securityGroups"] == "never-attached", why
            for g in groups:
                assert tcp_ports(g["IpPermissions"]) == sorted({p for _, p in expected} | {80 for _ in redirects}), (why, g["IpPermissions"])
                health = {router["healthCheck"]["port"]} if router and target["id"] == router["router"] else set()
                assert tcp_ports(g["IpPermissionsEgress"]) == sorted({out["port"]} | health), (why, g["IpPermissionsEgress"])
                sources = {r.get("CidrIp") for p in g["IpPermissions"] for r in p.get("IpRanges", [])}
                lists = {r["PrefixListId"] for p in g["IpPermissions"] for r in p.get("PrefixListIds", [])}
                peers = {r["GroupId"] for p in g["IpPermissions"] for r in p.get("UserIdGroupPairs", [])}
                upstream = {components[e["from"]]["kind"] for e in into}
                cloudfront_only = realization["settings"].get("originProtection") in ("prefix-list-sg", "prefix-list-sg-and-secret-header")
                if "cloudfront-vpc-origin" in upstream or "cloudfront" in upstream and cloudfront_only:
                    assert lists == {prefix_list} and not sources and not peers, (why, g["IpPermissions"])
                elif upstream & {"internet", "cloudfront", "global-accelerator"}:
                    assert sources == {"0.0.0.0/0"} and not lists and not peers, (why, g["IpPermissions"])
                elif upstream & {"nlb", "alb"}:
                    assert peers and not sources and not lists, (why, g["IpPermissions"])
                else:
                    assert sources <= {vpc_cidr} and not lists, (why, g["IpPermissions"])

        # Interface endpoints: in the planned endpoint subnets, admitting only their port.
        for rid, v in template["Resources"].items():
            if v["Type"] != "AWS::EC2::VPCEndpoint" or rid not in made:
                continue
            component = next(c for c in option["components"] if c["kind"] == "interface-endpoint")
            endpoint = ec2.describe_vpc_endpoints(VpcEndpointIds=[made[rid]])["VpcEndpoints"][0]
            assert endpoint["VpcEndpointType"] == "Interface", why
            assert set(endpoint["SubnetIds"]) == subnet_ids(ec2, vpc_id, plan, component["subnetRole"]), why
            into = next(e for e in edges if e["to"] == component["id"])
            for g in ec2.describe_security_groups(GroupIds=[x["GroupId"] for x in endpoint["Groups"]])["SecurityGroups"]:
                assert tcp_ports(g["IpPermissions"]) == [into["port"]], (why, g["IpPermissions"])
    assert created or style == "staggered" or example in ("internal-api",), "%s %s: no frontend stack on moto" % (example, style)


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
