"""The subnet CIDR reservation custom resource (cloudformation/network/subnet_cidr_reservation.py,
as emitted and inlined for a design in prefix mode): against moto in-process for EC2, answering a
local HTTP server that stands in for CloudFormation's pre-signed response URL.
"""
import boto3
import pytest
from moto import mock_aws

from conftest import emitted_handler
from test_endpoint_ips_function import Capture, Context, response_url  # noqa: F401 (fixture)

REGION = "eu-west-1"


@pytest.fixture
def handler(outputs, monkeypatch):
    run = next(o for o in outputs if o.example == "storefront-alb" and o.format == "json")
    source = run.folder / "cloudformation" / "network" / "subnet_cidr_reservation.py"
    template = (run.folder / "cloudformation" / "network.json").read_text()
    assert "Custom::SubnetCidrReservation" in template, "storefront-alb plans prefix delegation"
    return emitted_handler(source, monkeypatch, REGION)


def event(url, request_type, subnet, cidr, physical=None):
    e = {
        "RequestType": request_type, "ResponseURL": url, "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1",
        "RequestId": "r-1", "LogicalResourceId": "NodesSubnetAPrefixReservation", "ResourceType": "Custom::SubnetCidrReservation",
        "ResourceProperties": {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:f", "SubnetId": subnet, "Cidr": cidr,
                               "Description": "VPC CNI /28 prefixes"},
    }
    if physical:
        e["PhysicalResourceId"] = physical
    return e


def reservations(ec2, subnet):
    reply = ec2.get_subnet_cidr_reservations(SubnetId=subnet)
    return sorted((r["Cidr"], r["ReservationType"]) for r in reply["SubnetIpv4CidrReservations"])


@mock_aws
def test_create_update_and_delete_keep_one_prefix_reservation(handler, response_url):
    ec2 = boto3.client("ec2", region_name=REGION)
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/17")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.0.0/20", AvailabilityZone=REGION + "a")["Subnet"]["SubnetId"]

    handler(event(response_url, "Create", subnet, "10.60.8.0/21"), Context())
    body = Capture.bodies[-1][2]
    assert body["Status"] == "SUCCESS", body["Reason"]
    first = body["PhysicalResourceId"]
    assert first.startswith("scr-")
    assert reservations(ec2, subnet) == [("10.60.8.0/21", "prefix")]

    # A larger block that overlaps the old one: the old one is released first.
    handler(event(response_url, "Update", subnet, "10.60.0.0/21", physical=first), Context())
    body = Capture.bodies[-1][2]
    assert body["Status"] == "SUCCESS", body["Reason"]
    second = body["PhysicalResourceId"]
    assert second != first and reservations(ec2, subnet) == [("10.60.0.0/21", "prefix")]

    # CloudFormation then deletes the old physical ID, which is already gone.
    handler(event(response_url, "Delete", subnet, "10.60.8.0/21", physical=first), Context())
    assert Capture.bodies[-1][2]["Status"] == "SUCCESS"
    handler(event(response_url, "Delete", subnet, "10.60.0.0/21", physical=second), Context())
    assert Capture.bodies[-1][2]["Status"] == "SUCCESS"
    assert reservations(ec2, subnet) == []


@mock_aws
def test_a_failure_still_answers_with_the_reason(handler, response_url):
    handler(event(response_url, "Create", "subnet-12345678", "10.60.8.0/21"), Context())
    body = Capture.bodies[-1][2]
    assert body["Status"] == "FAILED"
    assert "ClientError" in body["Reason"] and Context.log_stream_name in body["Reason"]
    assert body["PhysicalResourceId"] == "NodesSubnetAPrefixReservation"
