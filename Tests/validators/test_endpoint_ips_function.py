"""The endpoint-IPs custom resource (cloudformation/<option>/endpoint_ips.py, as emitted and
inlined): against moto in-process for EC2, answering a local HTTP server that stands in for
CloudFormation's pre-signed response URL, to check the response protocol itself.
"""
import http.server
import json
import threading

import boto3
import pytest
from moto import mock_aws

from conftest import emitted_handler

REGION = "eu-west-1"


class Capture(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_PUT(self):
        length = int(self.headers["Content-Length"])
        Capture.bodies.append((self.path, self.headers.get("Content-Type"), json.loads(self.rfile.read(length))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def response_url():
    server = http.server.HTTPServer(("127.0.0.1", 0), Capture)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Capture.bodies = []
    yield "http://127.0.0.1:%d/response?signature=x" % server.server_port
    server.shutdown()
    server.server_close()


@pytest.fixture
def handler(outputs, monkeypatch):
    run = next(o for o in outputs if o.example == "seed-environment" and o.style == "staggered" and o.format == "json")
    return emitted_handler(run.folder / "cloudformation" / "alb-privatelink-nlb" / "endpoint_ips.py", monkeypatch, REGION)


class Context:
    log_stream_name = "2026/11/26/[$LATEST]abc"


def event(url, request_type, enis):
    return {
        "RequestType": request_type, "ResponseURL": url, "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1",
        "RequestId": "r-1", "LogicalResourceId": "EndpointIps", "ResourceType": "Custom::EndpointIps",
        "ResourceProperties": {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:f", "NetworkInterfaceIds": enis},
    }


@mock_aws
def test_returns_each_eni_address_in_order(handler, response_url):
    ec2 = boto3.client("ec2", region_name=REGION)
    vpc = ec2.create_vpc(CidrBlock="10.128.0.0/16")["Vpc"]["VpcId"]
    enis = []
    for i, az in enumerate("cab"):
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.128.33.%d/28" % (64 + 16 * i), AvailabilityZone=REGION + az)["Subnet"]["SubnetId"]
        enis.append(ec2.create_network_interface(SubnetId=subnet, PrivateIpAddress="10.128.33.%d" % (70 + 16 * i))["NetworkInterface"]["NetworkInterfaceId"])
    handler(event(response_url, "Create", enis), Context())
    path, content_type, body = Capture.bodies[-1]
    assert path == "/response?signature=x" and content_type == ""
    assert body["Status"] == "SUCCESS"
    assert body["Data"] == {"Ip0": "10.128.33.70", "Ip1": "10.128.33.86", "Ip2": "10.128.33.102",
                            "IpAddresses": "10.128.33.70,10.128.33.86,10.128.33.102"}
    assert body["PhysicalResourceId"] == "EndpointIps"
    assert (body["StackId"], body["RequestId"], body["LogicalResourceId"]) == ("arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1", "r-1", "EndpointIps")


@mock_aws
def test_delete_answers_without_calling_ec2(handler, response_url):
    e = event(response_url, "Delete", ["eni-does-not-exist"])
    e["PhysicalResourceId"] = "EndpointIps"
    handler(e, Context())
    assert Capture.bodies[-1][2]["Status"] == "SUCCESS"
    assert Capture.bodies[-1][2]["Data"] == {}


@mock_aws
def test_a_failure_still_answers_with_the_reason(handler, response_url):
    handler(event(response_url, "Update", ["eni-12345678"]), Context())
    body = Capture.bodies[-1][2]
    assert body["Status"] == "FAILED"
    assert "ClientError" in body["Reason"] and Context.log_stream_name in body["Reason"]
