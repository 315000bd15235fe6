"""moto_server with two fixes to its CloudFormation handlers, everything else moto as installed:
- an AWS::ElasticLoadBalancingV2::LoadBalancer keeps its Type, SubnetMappings and Tags (moto 5.2 reads
  only Subnets, SecurityGroups and Scheme, so every NLB comes out an ALB and then refuses its TCP and
  TLS listeners);
- an AWS::EC2::SecurityGroup keeps its SecurityGroupEgress and its ingress from prefix lists (moto 5.2
  reads only ingress from CIDRs and groups, and leaves every group with the default allow-all egress).
Run as `python moto_server_fixed.py -H 127.0.0.1 -p PORT` (test_on_moto.py starts it).
"""
import sys

from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroup
from moto.elbv2 import models as elbv2


def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json["Properties"]
    return elbv2.elbv2_backends[account_id][region_name].create_load_balancer(
        resource_name, properties.get("SecurityGroups"), properties.get("Subnets") or [],
        subnet_mappings=properties.get("SubnetMappings"), scheme=properties.get("Scheme", "internet-facing"),
        loadbalancer_type=properties.get("Type", "application"), tags=properties.get("Tags"))


elbv2.FakeLoadBalancer.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)

moto_security_group = SecurityGroup.create_from_cloudformation_json.__func__


def create_security_group(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    group = moto_security_group(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    properties = cloudformation_json["Properties"]
    backend, vpc = ec2_backends[account_id][region_name], properties.get("VpcId")
    for rule in properties.get("SecurityGroupIngress", []):
        if rule.get("SourcePrefixListId"):
            backend.authorize_security_group_ingress(group.id, rule["IpProtocol"], rule["FromPort"], rule["ToPort"], [],
                                                     prefix_list_ids=[{"PrefixListId": rule["SourcePrefixListId"]}], vpc_id=vpc)
    if "SecurityGroupEgress" in properties:
        group.egress_rules = []
        for rule in properties["SecurityGroupEgress"]:
            backend.authorize_security_group_egress(
                group.id, rule["IpProtocol"], rule["FromPort"], rule["ToPort"], [{"CidrIp": rule["CidrIp"]}] if rule.get("CidrIp") else [],
                source_groups=[{"GroupId": rule["DestinationSecurityGroupId"]}] if rule.get("DestinationSecurityGroupId") else None,
                prefix_list_ids=[{"PrefixListId": rule["DestinationPrefixListId"]}] if rule.get("DestinationPrefixListId") else None,
                vpc_id=vpc)
    return group


SecurityGroup.create_from_cloudformation_json = classmethod(create_security_group)

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
