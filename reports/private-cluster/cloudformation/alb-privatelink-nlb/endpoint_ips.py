"""edgeplan: the private IPv4 addresses of an interface endpoint's ENIs, for ALB IP targets.

A CloudFormation custom resource (2018 report, challenge 8). Returns Ip0, Ip1, ... in the
order of the NetworkInterfaceIds property, and IpAddresses (comma-separated). Always
answers CloudFormation, even on failure, or the stack would wait for an hour.
"""
import json
import urllib.request

import boto3


def handler(event, context):
    status, reason, data = "SUCCESS", "", {}
    try:
        if event["RequestType"] != "Delete":
            data = addresses(event["ResourceProperties"]["NetworkInterfaceIds"])
    except Exception as error:
        status, reason = "FAILED", "%s: %s" % (type(error).__name__, error)
    respond(event, context, status, reason[:400], data)


def addresses(eni_ids):
    ec2 = boto3.client("ec2")
    reply = ec2.describe_network_interfaces(NetworkInterfaceIds=eni_ids)
    by_id = {n["NetworkInterfaceId"]: n["PrivateIpAddress"] for n in reply["NetworkInterfaces"]}
    ips = [by_id[i] for i in eni_ids]
    print("addresses: %s" % ips)
    data = {"Ip%d" % i: ip for i, ip in enumerate(ips)}
    data["IpAddresses"] = ",".join(ips)
    return data


def respond(event, context, status, reason, data):
    body = json.dumps({
        "Status": status,
        "Reason": "%s (see log stream %s)" % (reason or status, context.log_stream_name),
        "PhysicalResourceId": event.get("PhysicalResourceId") or event["LogicalResourceId"],
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
        "Data": data,
    }).encode()
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT")
    request.add_header("Content-Type", "")
    request.add_header("Content-Length", str(len(body)))
    with urllib.request.urlopen(request, timeout=30) as reply:
        print("CloudFormation answered %s" % reply.status)
