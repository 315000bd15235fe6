"""edgeplan: a subnet CIDR reservation of type prefix, for the VPC CNI's /28 prefixes.

A CloudFormation custom resource: CloudFormation has no resource type for subnet CIDR
reservations. Create reserves Cidr in SubnetId and answers with the reservation's ID as the
physical ID. Update releases the old reservation first (the new block may overlap it), then
reserves the new one; CloudFormation's later Delete of the old ID finds it gone. Delete
releases it; a reservation already gone (its subnet deleted) counts as released. Always
answers CloudFormation, even on failure, or the stack would wait for an hour.
"""
import json
import urllib.request

import boto3
from botocore.exceptions import ClientError


def handler(event, context):
    status, reason = "SUCCESS", ""
    physical = event.get("PhysicalResourceId")
    try:
        ec2 = boto3.client("ec2")
        if event["RequestType"] in ("Update", "Delete") and physical and physical.startswith("scr-"):
            release(ec2, physical)
        if event["RequestType"] in ("Create", "Update"):
            physical = reserve(ec2, event["ResourceProperties"])
    except Exception as error:
        status, reason = "FAILED", "%s: %s" % (type(error).__name__, error)
    respond(event, context, status, reason[:400], physical or event["LogicalResourceId"])


def reserve(ec2, properties):
    reply = ec2.create_subnet_cidr_reservation(
        SubnetId=properties["SubnetId"], Cidr=properties["Cidr"], ReservationType="prefix",
        Description=properties.get("Description", ""))
    reservation = reply["SubnetCidrReservation"]["SubnetCidrReservationId"]
    print("reserved %s in %s as %s" % (properties["Cidr"], properties["SubnetId"], reservation))
    return reservation


def release(ec2, reservation):
    try:
        ec2.delete_subnet_cidr_reservation(SubnetCidrReservationId=reservation)
        print("released %s" % reservation)
    except ClientError as error:
        if "NotFound" not in error.response.get("Error", {}).get("Code", ""):
            raise
        print("%s was already gone" % reservation)


def respond(event, context, status, reason, physical):
    body = json.dumps({
        "Status": status,
        "Reason": "%s (see log stream %s)" % (reason or status, context.log_stream_name),
        "PhysicalResourceId": physical,
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
        "Data": {},
    }).encode()
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT")
    request.add_header("Content-Type", "")
    request.add_header("Content-Length", str(len(body)))
    with urllib.request.urlopen(request, timeout=30) as reply:
        print("CloudFormation answered %s" % reply.status)
