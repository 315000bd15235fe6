#!/usr/bin/env python3
"""Prints the `instanceTypes` section of limits/aws.json from the VPC CNI's generated table.

    scripts/instance-types.py PATH/TO/amazon-vpc-cni-k8s COMMIT > /tmp/section.json

Reads pkg/vpc/vpc_ip_resource_limit.go at COMMIT (`git show`), keeps the families and sizes below
(the ones EKS node groups commonly use), and writes per type: ENIs on the default network card,
IPv4 addresses per ENI, whether it is Nitro (prefix delegation needs Nitro) and its default vCPUs.
vCPUs are not in that file: they follow the size, as in the EC2 Instance Types Guide's tables
(nano, micro, small and medium 2 on burstable types, medium 1 on the others; large 2, xlarge 4, 2xlarge 8, ... 48xlarge 192).
"""
import json
import re
import subprocess
import sys

FAMILIES = ["m5", "m6i", "m6a", "m7i", "m7a", "m6g", "m7g", "m8g", "c6i", "c7i", "c6g", "c7g", "r6i", "r7i", "r6g", "r7g", "t3", "t3a", "t4g"]
SIZES = {"nano": None, "micro": None, "small": None, "medium": None, "large": 2, "xlarge": 4, "2xlarge": 8, "4xlarge": 16, "8xlarge": 32, "12xlarge": 48,
         "16xlarge": 64, "24xlarge": 96, "32xlarge": 128, "48xlarge": 192}
BURSTABLE = {"t3", "t3a", "t4g"}


def main():
    repo, commit = sys.argv[1], sys.argv[2]
    go = subprocess.run(["git", "-C", repo, "show", f"{commit}:pkg/vpc/vpc_ip_resource_limit.go"],
                        check=True, capture_output=True, text=True).stdout
    types = []
    for m in re.finditer(r'^\t"([a-z0-9.\-]+)": \{\n(.*?)^\t\},', go, re.S | re.M):
        name, body = m.group(1), m.group(2)
        family, _, size = name.partition(".")
        if family not in FAMILIES or size not in SIZES:
            continue
        field = lambda key: re.search(rf"{key}:\s+([^,\n]+)", body).group(1).strip('"')
        card = int(field("DefaultNetworkCardIndex"))
        cards = dict(re.findall(r"MaximumNetworkInterfaces:\s+(\d+),\s+NetworkCardIndex:\s+(\d+)", body))
        enis = {int(index): int(count) for count, index in cards.items()}.get(card, int(field("ENILimit")))
        vcpus = SIZES[size] or (2 if family in BURSTABLE else 1)
        types.append({"name": name, "vcpus": vcpus, "enis": enis, "ipv4PerENI": int(field("IPv4Limit")),
                      "nitro": field("HypervisorType") == "nitro"})
    order = {f: i for i, f in enumerate(FAMILIES)}
    sizes = list(SIZES)
    types.sort(key=lambda t: (order[t["name"].split(".")[0]], sizes.index(t["name"].split(".")[1])))
    json.dump(types, sys.stdout, indent=2)
    print()


main()
