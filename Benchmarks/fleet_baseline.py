#!/usr/bin/env python3
"""The Python floor of the speed benchmark: an obvious planner for a fleet of designs.

What someone would write in an afternoon with PyYAML and the standard library's `ipaddress`:
read each design with `yaml.safe_load`, size each role's subnet by edgeplan's rules (README "How
subnets are planned": AWS's 5 reserved addresses, /16 to /28, an ALB's /27 and free addresses,
twice what a load-balancer, NAT or endpoint subnet holds, node subnets for the VPC CNI's
secondary-IP mode with one AZ lost), lay the role blocks out largest first in the VPC block, and
print the fleet's table. The AWS numbers come from limits/aws.json and limits/regions.json, as
edgeplan's do. It covers the designs the benchmark generates (`speed_bench.py generate`): the
frontend kinds below, default routers, secondary-IP mode, the default instance order, fixed VPC
blocks; anything else is refused rather than guessed.

    fleet_baseline.py DIR            the fleet table, as `edgeplan plan --fleet DIR` prints it
    fleet_baseline.py --subnets DIR  every design's subnets as JSON lines (for the check)
"""
import ipaddress
import json
import math
import os
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ROLES = ["public", "internal-elb", "endpoints", "control-plane", "nodes"]
EDGE_ROLES = {"public", "internal-elb", "endpoints"}

# What each frontend kind (with its default router, envoy-gateway behind an NLB) puts in a
# subnet in every AZ: (role, limit id of the addresses it takes, is it an ALB).
KINDS = {
    "alb-controller": [("public", "elb.alb.subnet.min-free-addresses", True)],
    "alb-privatelink-nlb": [
        ("public", "elb.alb.subnet.min-free-addresses", True),
        ("endpoints", "privatelink.endpoint.enis-per-az", False),
        ("internal-elb", "elb.nlb.addresses-per-az", False),
    ],
    "cloudfront-public-nlb": [("public", "elb.nlb.addresses-per-az", False)],
    "apigw-vpclink-nlb/rest": [("internal-elb", "elb.nlb.addresses-per-az", False)],
    "nlb-to-alb": [
        ("public", "elb.nlb.addresses-per-az", False),
        ("internal-elb", "elb.alb.subnet.min-free-addresses", True),
    ],
}


def load_reference():
    with open(os.path.join(ROOT, "limits", "aws.json")) as f:
        aws = json.load(f)
    with open(os.path.join(ROOT, "limits", "regions.json")) as f:
        regions = json.load(f)
    limits = {l["id"]: l["value"] for l in aws["limits"]}
    types = {t["name"]: t for t in aws["instanceTypes"]["types"]}
    order = [types[n] for n in aws["instanceTypes"]["defaultOrder"]["types"]]
    azs = {r["code"]: r["azs"] for r in regions["regions"]}
    return limits, order, azs


def length_holding(n):
    return 32 - max(0, math.ceil(math.log2(n)))


def plan(design, limits, order, region_azs):
    reserved = limits["vpc.subnet.reserved-addresses"]
    longest = limits["vpc.subnet.max-prefix"]
    net = design["network"]
    vpc = ipaddress.ip_network(net["vpcCidr"])
    azs = region_azs[design["region"]][: net["azs"]]
    nodes = net["nodes"]
    pods = nodes["podsPerNode"]

    def ceiling(t):
        high = t["vcpus"] > limits["eks.managed-node-group.max-pods-vcpu-threshold"]
        return limits["eks.managed-node-group.max-pods-high-vcpu" if high else "eks.managed-node-group.max-pods-low-vcpu"]

    def max_pods(t):
        return min(t["enis"] * (t["ipv4PerENI"] - 1) + limits["eks.max-pods.host-network-pods"], ceiling(t))

    itype = next(t for t in order if max_pods(t) >= pods)
    enis = min(itype["enis"], math.ceil(pods / (itype["ipv4PerENI"] - 1)) + limits["vpc-cni.warm-eni-target"])
    per_node = enis * itype["ipv4PerENI"]
    spread = len(azs) - 1 if len(azs) > 1 else 1
    nodes_per_az = -(-nodes["max"] // spread)

    shared = {"public": limits["natgw.addresses-per-gateway"],
              "control-plane": limits["eks.control-plane.subnet.recommended-free-addresses"],
              "nodes": nodes_per_az * per_node}
    by_option = {}
    alb_roles = set()
    for frontend in design["frontends"]:
        kind = frontend["kind"] + ("/" + frontend["api"] if "api" in frontend else "")
        option = {}
        for role, limit, is_alb in KINDS[kind]:
            option[role] = option.get(role, 0) + limits[limit]
            if is_alb:
                alb_roles.add(role)
        for role, n in option.items():
            by_option[role] = max(by_option.get(role, 0), n)
    lengths = []
    for role in ROLES:
        if role not in shared and role not in by_option:
            continue
        needed = (shared.get(role, 0) + by_option.get(role, 0)) * (2 if role in EDGE_ROLES else 1)
        cap = min(longest, limits["elb.alb.subnet.min-prefix"]) if role in alb_roles else longest
        lengths.append((min(length_holding(needed + reserved), cap), ROLES.index(role), role))
    lengths.sort()

    slot_bits = 0 if len(azs) <= 1 else (len(azs) - 1).bit_length()
    cursor = int(vpc.network_address)
    subnets = []
    for length, _, role in lengths:
        size = 1 << (32 - (length - slot_bits))
        cursor = -(-cursor // size) * size
        block = ipaddress.ip_network((cursor, length - slot_bits))
        if not block.subnet_of(vpc):
            raise ValueError(f"{design['name']}: {vpc} is too small")
        cursor += size
        for i, (az, sub) in enumerate(zip(azs, block.subnets(new_prefix=length))):
            subnets.append({"name": f"{design['name']}-{role}-{az[-1]}", "role": role, "az": az, "cidr": str(sub)})
    node_subnets = [s for s in subnets if s["role"] == "nodes"]
    capacity = sum((ipaddress.ip_network(s["cidr"]).num_addresses - reserved) // per_node for s in node_subnets)
    used = sum(ipaddress.ip_network(s["cidr"]).num_addresses for s in subnets)
    return {"name": design["name"], "region": design["region"], "vpc": str(vpc), "azs": len(azs), "subnets": subnets,
            "nodes": capacity, "pods": capacity * pods, "free": 100 * (vpc.num_addresses - used) / vpc.num_addresses}


def main(argv):
    subnets_only = argv[:1] == ["--subnets"]
    folder = argv[-1]
    limits, order, region_azs = load_reference()
    rows = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")) or name.startswith("."):
            continue
        with open(os.path.join(folder, name)) as f:
            design = yaml.safe_load(f)
        p = plan(design, limits, order, region_azs)
        if subnets_only:
            print(json.dumps({"name": p["name"], "subnets": [[s["name"], s["cidr"]] for s in p["subnets"]]}))
        else:
            rows.append([p["name"], p["region"], p["vpc"], str(p["azs"]), str(len(p["subnets"])), f"{p['nodes']:,}",
                         f"{p['pods']:,}", f"{p['free']:.1f}%", "ok"])
    if subnets_only:
        return
    header = ["name", "region", "vpc cidr", "azs", "subnets", "nodes", "pods", "free", "status"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    out = []
    for r in [header] + rows:
        out.append("  ".join(c.rjust(w) if 3 <= i <= 7 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    out.append(f"\n{len(rows):,} designs: {len(rows):,} planned, 0 failed")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
