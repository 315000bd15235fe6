"""The Terraform output (`edgeplan emit --template-format terraform`) of every example in both deploy
styles: `terraform fmt -check`, `terraform validate` where a provider is found locally, checkov's
Terraform framework, and, parsed with python-hcl2, the network module against plan.json, every
module against the CloudFormation template it was translated from (MAPPING below, kept here
apart from the emitter's own table), and the inputs for terraform-aws-modules/vpc against
plan.json as that module would place them.
"""
import collections
import hashlib
import ipaddress
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import hcl2
import pytest
from hcl2.utils import SerializationOptions

from conftest import EXAMPLES, ROOT, STYLES, edgeplan_binary

TERRAFORM = shutil.which("terraform")
CHECKOV = os.environ.get("CHECKOV") or str(ROOT / ".venv-checkov" / "bin" / "checkov")
VPC_MODULE_VARIABLES = ROOT / "Tests" / "validators" / "fixtures" / "terraform-aws-vpc-v6.6.0-variables.txt"
PARSE = SerializationOptions(with_comments=False, explicit_blocks=False, strip_string_quotes=True, preserve_heredocs=False)

# CloudFormation type -> Terraform type of the resource that stands for it.
MAPPING = {
    "AWS::EC2::VPC": "aws_vpc",
    "AWS::EC2::VPCCidrBlock": "aws_vpc_ipv4_cidr_block_association",
    "AWS::EC2::InternetGateway": "aws_internet_gateway",
    "AWS::EC2::VPCGatewayAttachment": "aws_internet_gateway_attachment",
    "AWS::EC2::RouteTable": "aws_route_table",
    "AWS::EC2::Route": "aws_route",
    "AWS::EC2::Subnet": "aws_subnet",
    "AWS::EC2::SubnetCidrReservation": "aws_ec2_subnet_cidr_reservation",
    "AWS::EC2::EIP": "aws_eip",
    "AWS::EC2::NatGateway": "aws_nat_gateway",
    "AWS::EC2::SubnetRouteTableAssociation": "aws_route_table_association",
    "AWS::EC2::SecurityGroup": "aws_security_group",
    "AWS::EC2::VPCEndpoint": "aws_vpc_endpoint",
    "AWS::EC2::VPCEndpointService": "aws_vpc_endpoint_service",
    "AWS::EC2::LaunchTemplate": "aws_launch_template",
    "AWS::IAM::Role": "aws_iam_role",
    "AWS::KMS::Key": "aws_kms_key",
    "AWS::EKS::Cluster": "aws_eks_cluster",
    "AWS::EKS::Addon": "aws_eks_addon",
    "AWS::EKS::Nodegroup": "aws_eks_node_group",
    "AWS::EKS::PodIdentityAssociation": "aws_eks_pod_identity_association",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "aws_lb",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "aws_lb_target_group",
    "AWS::ElasticLoadBalancingV2::Listener": "aws_lb_listener",
    "AWS::WAFv2::WebACL": "aws_wafv2_web_acl",
    "AWS::WAFv2::WebACLAssociation": "aws_wafv2_web_acl_association",
    "AWS::WAFv2::LoggingConfiguration": "aws_wafv2_web_acl_logging_configuration",
    "AWS::Logs::LogGroup": "aws_cloudwatch_log_group",
    "AWS::Lambda::Function": "aws_lambda_function",
    "AWS::Lambda::Permission": "aws_lambda_permission",
    "AWS::Events::Rule": "aws_cloudwatch_event_rule",
    "AWS::SSM::Parameter": "aws_ssm_parameter",
    "AWS::CertificateManager::Certificate": "aws_acm_certificate",
    "AWS::SecretsManager::Secret": "aws_secretsmanager_secret",
    "AWS::Route53::RecordSet": "aws_route53_record",
    "AWS::CloudFront::Distribution": "aws_cloudfront_distribution",
    "AWS::CloudFront::VpcOrigin": "aws_cloudfront_vpc_origin",
    "AWS::ApiGateway::RestApi": "aws_api_gateway_rest_api",
    "AWS::ApiGateway::Resource": "aws_api_gateway_resource",
    "AWS::ApiGateway::Method": "aws_api_gateway_method",
    "AWS::ApiGateway::Deployment": "aws_api_gateway_deployment",
    "AWS::ApiGateway::Stage": "aws_api_gateway_stage",
    "AWS::ApiGateway::VpcLink": "aws_api_gateway_vpc_link",
    "AWS::ApiGateway::UsagePlan": "aws_api_gateway_usage_plan",
    "AWS::ApiGateway::ApiKey": "aws_api_gateway_api_key",
    "AWS::ApiGateway::UsagePlanKey": "aws_api_gateway_usage_plan_key",
    "AWS::ApiGatewayV2::Api": "aws_apigatewayv2_api",
    "AWS::ApiGatewayV2::Integration": "aws_apigatewayv2_integration",
    "AWS::ApiGatewayV2::Route": "aws_apigatewayv2_route",
    "AWS::ApiGatewayV2::Stage": "aws_apigatewayv2_stage",
    "AWS::ApiGatewayV2::VpcLink": "aws_apigatewayv2_vpc_link",
    "AWS::GlobalAccelerator::Accelerator": "aws_globalaccelerator_accelerator",
    "AWS::GlobalAccelerator::Listener": "aws_globalaccelerator_listener",
    "AWS::GlobalAccelerator::EndpointGroup": "aws_globalaccelerator_endpoint_group",
}
# CloudFormation resources with no Terraform resource of their own, and why.
NO_RESOURCE = {
    # A custom resource runs a Lambda function to read the endpoint ENIs' addresses; Terraform reads
    # them with a data source, so neither the custom resource nor its function, role and log group exist.
    "Custom::EndpointIps": "data.aws_network_interface",
}
NOT_MADE_PREFIX = "EndpointIpsFunction"  # the custom resource's function, role and log group
# Terraform resources that are parts of one CloudFormation resource (CloudFormation keeps them inline).
PARTS = {
    "aws_iam_role_policy_attachment": "AWS::IAM::Role ManagedPolicyArns",
    "aws_iam_role_policy": "AWS::IAM::Role Policies",
    "aws_lb_target_group_attachment": "AWS::ElasticLoadBalancingV2::TargetGroup Targets",
    "aws_api_gateway_integration": "AWS::ApiGateway::Method Integration",
    "aws_api_gateway_method_settings": "AWS::ApiGateway::Stage MethodSettings",
    "aws_cloudwatch_event_target": "AWS::Events::Rule Targets",
    "aws_acm_certificate_validation": "AWS::CertificateManager::Certificate DomainValidationOptions (the wait)",
    "aws_secretsmanager_secret_version": "AWS::SecretsManager::Secret GenerateSecretString",
}


def snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


class TerraformOutput:
    def __init__(self, example, style, folder, cloudformation):
        self.example, self.style, self.folder, self.cloudformation = example, style, folder, cloudformation
        self.plan = json.loads((folder / "plan.json").read_text())

    @property
    def name(self):
        return "%s/%s" % (self.example, self.style)

    def modules(self):
        return sorted(p.parent for p in (self.folder / "terraform").rglob("main.tf"))

    def template_of(self, module):
        """The CloudFormation templates a module was made from: its stack, and an option's edge-waf stack."""
        rel = module.relative_to(self.folder / "terraform")
        base = self.cloudformation / "cloudformation"
        if len(rel.parts) == 1 and (base / (rel.parts[0] + ".json")).exists():
            return [base / (rel.parts[0] + ".json")]
        return [p for p in (base / rel.parts[0] / "frontend.json", base / rel.parts[0] / "edge-waf.json") if p.exists()]


def parse(module):
    blocks = collections.defaultdict(list)
    for path in sorted(module.glob("*.tf")):
        for key, value in hcl2.load(path.open(), serialization_options=PARSE).items():
            blocks[key] += value
    resources = {}
    for item in blocks["resource"]:
        for rtype, named in item.items():
            for name, body in named.items():
                resources["%s.%s" % (rtype, name)] = body
    data = {}
    for item in blocks["data"]:
        for rtype, named in item.items():
            for name, body in named.items():
                data["data.%s.%s" % (rtype, name)] = body
    return resources, data


@pytest.fixture(scope="session")
def terraform_outputs(tmp_path_factory):
    binary = edgeplan_binary()
    base = tmp_path_factory.mktemp("terraform")
    runs = []
    for example in EXAMPLES:
        for style in STYLES:
            folder = base / example.stem / style
            cf = base / example.stem / (style + "-cloudformation")
            for out, fmt in ((folder, "terraform"), (cf, "json")):
                subprocess.run([binary, "emit", str(example), "--out", str(out), "--deploy-style", style, "--template-format", fmt],
                               check=True, cwd=ROOT, capture_output=True)
            runs.append(TerraformOutput(example.stem, style, folder, cf))
    return runs


@pytest.fixture(scope="session")
def unique_modules(terraform_outputs, tmp_path_factory):
    """Every distinct module folder, copied under one folder: {name: path}."""
    base = tmp_path_factory.mktemp("unique-modules")
    seen, out = set(), {}
    for o in terraform_outputs:
        for module in o.modules():
            text = "".join(p.read_text() for p in sorted(module.glob("*.tf")))
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            name = "m_%s_%s_%s" % (o.example, o.style, module.name)
            name = name.replace("-", "_")
            shutil.copytree(module, base / name)
            out[name] = base / name
    return out


def test_terraform_fmt_leaves_every_file_unchanged(terraform_outputs):
    if not TERRAFORM:
        pytest.skip("terraform is not on PATH")
    for o in terraform_outputs:
        result = subprocess.run([TERRAFORM, "fmt", "-check", "-recursive", "-diff", "-no-color", str(o.folder / "terraform")],
                                capture_output=True, text=True)
        assert result.returncode == 0, "%s: terraform fmt would change:\n%s%s" % (o.name, result.stdout, result.stderr)


def plugin_dir():
    """A local provider mirror holding hashicorp/aws (no provider can be downloaded here)."""
    for candidate in (os.environ.get("TF_PLUGIN_DIR"), str(pathlib.Path.home() / ".terraform.d" / "plugins"), "/opt/tf-plugins"):
        if candidate and (pathlib.Path(candidate) / "registry.terraform.io" / "hashicorp" / "aws").is_dir():
            return candidate
    return None


def test_terraform_validate_with_the_local_provider(unique_modules, tmp_path):
    """One root module calls every distinct module (their required variables unknown), so the
    provider's schema is loaded once; `init -plugin-dir` takes the provider from the local mirror."""
    if not TERRAFORM:
        pytest.skip("terraform is not on PATH")
    plugins = plugin_dir()
    if not plugins:
        pytest.skip("no local mirror of hashicorp/aws (TF_PLUGIN_DIR, ~/.terraform.d/plugins, /opt/tf-plugins): validate needs the provider")
    calls = ['variable "unknown" {\n  type = any\n}\n']
    skipped = []
    for name, module in sorted(unique_modules.items()):
        versions = (module / "versions.tf").read_text()
        available = [v.name for v in (pathlib.Path(plugins) / "registry.terraform.io" / "hashicorp" / "aws").iterdir()]
        if '"~> 6.' in versions and not any(v.startswith("6.") for v in available):
            skipped.append(name)
            continue
        shutil.copytree(module, tmp_path / name)
        if (tmp_path / name / "handler.py").exists():
            subprocess.run([sys.executable, "-m", "zipfile", "-c", "handler.zip", "handler.py"], cwd=tmp_path / name, check=True)
        required = []
        if (module / "variables.tf").exists():
            for item in hcl2.load((module / "variables.tf").open(), serialization_options=PARSE).get("variable", []):
                for var, body in item.items():
                    if "default" not in body:
                        required.append(var)
        calls.append('module "%s" {\n  source = "./%s"\n%s}\n' % (name, name, "".join("  %s = var.unknown\n" % r for r in required)))
    (tmp_path / "main.tf").write_text("\n".join(calls))
    env = dict(os.environ, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    init = subprocess.run([TERRAFORM, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir", plugins],
                          cwd=tmp_path, capture_output=True, text=True, env=env)
    assert init.returncode == 0, init.stdout + init.stderr
    result = subprocess.run([TERRAFORM, "validate", "-no-color"], cwd=tmp_path, capture_output=True, text=True, env=env)
    print("\nterraform validate: %d modules with the provider in %s; not validated (they need a provider version not in the mirror): %s"
          % (len(calls) - 1, plugins, ", ".join(skipped) or "none"))
    assert result.returncode == 0, result.stdout + result.stderr


def subnets_of_plan(plan):
    return {s["cidr"]: (s.get("azId") or s["az"], s["tags"]) for s in plan["subnets"]}


def test_network_module_is_the_planned_network(terraform_outputs):
    for o in terraform_outputs:
        resources, _ = parse(o.folder / "terraform" / "network")
        plan = o.plan
        vpcs = [v for k, v in resources.items() if k.startswith("aws_vpc.")]
        assert [v["cidr_block"] for v in vpcs] == [plan["vpc"]["cidr"]], o.name
        blocks = sorted(v["cidr_block"] for k, v in resources.items() if k.startswith("aws_vpc_ipv4_cidr_block_association."))
        assert blocks == sorted(plan["vpc"]["secondaryCidrs"]), o.name
        subnets = {}
        for key, body in resources.items():
            if key.startswith("aws_subnet."):
                subnets[body["cidr_block"]] = (body.get("availability_zone_id") or body["availability_zone"], body["tags"])
        assert subnets == subnets_of_plan(plan), o.name
        nats = [k for k in resources if k.startswith("aws_nat_gateway.")]
        expected = {"per-az": len(plan["availabilityZones"]), "single": 1, "none": 0}[plan["vpc"]["natGateways"]]
        assert len(nats) == expected, o.name
        # Each subnet's route table: the public one, or its AZ's private one (with the NAT route, if any).
        by_subnet = {}
        for body in (b for k, b in resources.items() if k.startswith("aws_route_table_association.")):
            by_subnet[body["subnet_id"]] = body["route_table_id"]
        for key, body in resources.items():
            if not key.startswith("aws_subnet."):
                continue
            cidr = body["cidr_block"]
            role = next(s["role"] for s in plan["subnets"] if s["cidr"] == cidr)
            table = by_subnet["${%s.id}" % key]
            if role == "public":
                assert table == "${aws_route_table.public_route_table.id}", (o.name, key)
            else:
                letter = key.rsplit("_", 1)[1]
                assert table == "${aws_route_table.private_route_table_%s.id}" % letter, (o.name, key)


def resource_map(template_paths):
    cf = {}
    for path in template_paths:
        cf.update(json.loads(path.read_text())["Resources"])
    return cf


def rules(sg):
    out = set()
    for direction in ("ingress", "egress"):
        for rule in sg.get(direction, []):
            out.add((direction, rule["protocol"], int(rule["from_port"]), int(rule["to_port"]), rule["description"]))
    return out


def cf_rules(properties):
    out = set()
    for key, direction in (("SecurityGroupIngress", "ingress"), ("SecurityGroupEgress", "egress")):
        for rule in properties.get(key, []):
            out.add((direction, rule["IpProtocol"], int(rule.get("FromPort", 0)), int(rule.get("ToPort", 0)), rule["Description"]))
    return out


def test_every_module_has_the_resources_of_its_template(terraform_outputs):
    checked = 0
    for o in terraform_outputs:
        for module in o.modules():
            templates = o.template_of(module)
            assert templates, "%s: no CloudFormation template for %s" % (o.name, module)
            cf = resource_map(templates)
            resources, data = parse(module)
            expected = set()
            for rid, resource in cf.items():
                rtype = resource["Type"]
                if rid.startswith(NOT_MADE_PREFIX):
                    continue
                if rtype in NO_RESOURCE:
                    address = "%s.%s" % (NO_RESOURCE[rtype], snake(rid))
                    assert address in data, "%s %s: %s has no %s" % (o.name, module.name, rid, address)
                    continue
                assert rtype in MAPPING, "%s: %s is missing from the test's mapping" % (o.name, rtype)
                address = "%s.%s" % (MAPPING[rtype], snake(rid))
                expected.add(address)
                assert address in resources, "%s %s: %s (%s) has no %s" % (o.name, module.name, rid, rtype, address)
                body = resources[address]
                # Under the template's condition, the resource has count (the staggered style's NlbPresent).
                assert ("count" in body) == ("Condition" in resource), "%s %s: %s count vs Condition" % (o.name, module.name, address)
                props = resource.get("Properties", {})
                if rtype == "AWS::EC2::SecurityGroup":
                    assert rules(body) == cf_rules(props), "%s %s: %s rules" % (o.name, module.name, address)
                if rtype == "AWS::ElasticLoadBalancingV2::Listener":
                    assert (int(body["port"]), body["protocol"]) == (props["Port"], props["Protocol"]), (o.name, address)
                if rtype == "AWS::ElasticLoadBalancingV2::TargetGroup":
                    assert (body["target_type"], int(body["port"]), body["protocol"]) == (props["TargetType"], props["Port"], props["Protocol"]), (o.name, address)
                if rtype == "AWS::ElasticLoadBalancingV2::LoadBalancer":
                    assert (body["load_balancer_type"], body["internal"]) == (props["Type"], props["Scheme"] == "internal"), (o.name, address)
            extra = {a for a in resources if a not in expected and a.split(".")[0] not in PARTS
                     and not (a.startswith("aws_route53_record.") and a.endswith("_validation"))}
            assert extra == set(), "%s %s: resources with no CloudFormation counterpart: %s" % (o.name, module.name, sorted(extra))
            checked += 1
    print("\n%d modules compared with their templates" % checked)


def test_vpc_module_inputs_reproduce_the_planned_subnets(terraform_outputs):
    names = {line.strip() for line in VPC_MODULE_VARIABLES.read_text().splitlines() if line.strip() and not line.startswith("#")}
    for o in terraform_outputs:
        inputs = json.loads((o.folder / "terraform" / "network" / "terraform-aws-modules-vpc.auto.tfvars.json").read_text())
        unknown = set(inputs) - names
        assert unknown == set(), "%s: not inputs of terraform-aws-modules/vpc 6.6.0: %s" % (o.name, unknown)
        plan = o.plan
        assert inputs["cidr"] == plan["vpc"]["cidr"]
        assert inputs.get("secondary_cidr_blocks", []) == plan["vpc"]["secondaryCidrs"]
        azs = inputs["azs"]
        assert sorted(azs) == sorted(plan["availabilityZones"]), o.name
        # Place the subnets as the module does: the i-th subnet of a group in azs[i], Name from the
        # group's names, tags merged from the group's tags and (public, private) its per-AZ tags.
        made = {}
        for group in ("public", "private", "database", "elasticache", "redshift", "intra"):
            for i, cidr in enumerate(inputs.get(group + "_subnets", [])):
                az = azs[i % len(azs)]
                tags = {"Name": inputs[group + "_subnet_names"][i]}
                tags.update(inputs.get(group + "_subnet_tags", {}))
                tags.update(inputs.get(group + "_subnet_tags_per_az", {}).get(az, {}))
                made[cidr] = (az, tags)
        assert made == subnets_of_plan(plan), o.name
        for cidr in made:
            net = ipaddress.ip_network(cidr)
            assert any(net.subnet_of(ipaddress.ip_network(b)) for b in [plan["vpc"]["cidr"]] + plan["vpc"]["secondaryCidrs"])
        nat = plan["vpc"]["natGateways"]
        assert inputs["enable_nat_gateway"] == (nat != "none") and inputs["single_nat_gateway"] == (nat == "single"), o.name
        for group in ("database", "elasticache", "redshift"):
            if inputs.get(group + "_subnets"):
                assert inputs["create_%s_subnet_group" % group] is False, (o.name, group)


def skips_in(module):
    """[(file, resource address, check id, reason)] of the #checkov:skip comments."""
    out = []
    for path in sorted(module.glob("*.tf")):
        current = None
        for line in path.read_text().splitlines():
            m = re.match(r'(resource|data) "(\S+)" "(\S+)"', line)
            if m:
                current = ("%s.%s" if m.group(1) == "resource" else "data.%s.%s") % (m.group(2), m.group(3))
            m = re.match(r"\s*#checkov:skip=([A-Z0-9_]+):(.*)$", line)
            if m:
                out.append((path.name, current, m.group(1), m.group(2)))
    return out


def run_checkov(folder):
    result = subprocess.run([CHECKOV, "-d", str(folder), "--framework", "terraform", "--compact", "--quiet", "--skip-download", "-o", "json"],
                            capture_output=True, text=True)
    reports = json.loads(result.stdout)
    if isinstance(reports, dict):
        reports = [reports]
    failed = []
    for report in reports:
        assert report["summary"]["parsing_errors"] == 0, report["summary"]
        for check in report["results"]["failed_checks"]:
            failed.append((check["file_path"].lstrip("/"), re.sub(r"\[\d+\]", "", check["resource"]), check["check_id"], check["check_name"]))
    return failed


def test_checkov_terraform_failures_are_fixed_or_suppressed_with_a_reason(unique_modules, tmp_path):
    """As for the templates: checkov on the modules as emitted (no failure allowed) and with the
    suppressions taken out, which lists what they cover; a suppression that covers none fails."""
    emitted, bare = tmp_path / "emitted", tmp_path / "bare"
    suppressions = []
    for name, module in unique_modules.items():
        shutil.copytree(module, emitted / name)
        (bare / name).mkdir(parents=True)
        for path in module.glob("*.tf"):
            (bare / name / path.name).write_text("".join(l for l in path.read_text().splitlines(True) if "#checkov:skip=" not in l))
        for file, address, cid, reason in skips_in(module):
            assert reason.strip(), "%s %s: suppression %s without a reason" % (name, address, cid)
            suppressions.append(("%s/%s" % (name, file), address, cid, reason))
    after = run_checkov(emitted)
    before = run_checkov(bare)
    by_check = collections.Counter((c[2], c[3]) for c in before)
    print("\ncheckov (terraform): %d modules; %d failed checks without edgeplan's suppressions, %d with them" % (len(unique_modules), len(before), len(after)))
    for (cid, title), n in sorted(by_check.items()):
        reason = next((s[3] for s in suppressions if s[2] == cid), "")
        print("  %-12s %3d  %s\n               suppressed because: %s" % (cid, n, title, reason))
    for failure in after:
        print("  FAILED %s %s %s %s" % failure)
    assert after == []
    covered = {(c[0], c[1], c[2]) for c in before}
    stale = [s for s in suppressions if (s[0], s[1], s[2]) not in covered]
    assert stale == [], "suppressions that cover no failure: %s" % stale
