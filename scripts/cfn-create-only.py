#!/usr/bin/env python3
"""Writes limits/cloudformation-replacements.json: for every resource type the committed reports'
CloudFormation templates use, the properties CloudFormation cannot change in place
(`createOnlyProperties` of the resource provider schema), as the installed cfn-lint ships the
schemas. `edgeplan diff` marks a change to one of them as a replacement (-/+).

Run from the checkout: python3 scripts/cfn-create-only.py [--check]
(--check: exit 1 when the file is not what this would write.)
"""
import datetime
import glob
import json
import sys

import cfnlint
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

OUT = "limits/cloudformation-replacements.json"

# Types the schemas cfn-lint ships do not have yet: their properties marked "Update requires:
# Replacement" on the CloudFormation Template Reference page, read on the date given.
DOCUMENTED = {
    "AWS::EC2::SubnetCidrReservation": {
        "createOnly": ["Cidr", "Description", "ReservationType", "SubnetId"],
        "url": "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetcidrreservation.html",
        "read": "2026-12-02",
    },
}


def emitted_types():
    types = set()
    for path in glob.glob("reports/*/cloudformation/**/*.json", recursive=True):
        with open(path) as f:
            template = json.load(f)
        for resource in (template.get("Resources") or {}).values():
            if not resource["Type"].startswith("Custom::"):
                types.add(resource["Type"])
    return sorted(types)


def create_only(resource_type):
    if resource_type in DOCUMENTED:
        return sorted(DOCUMENTED[resource_type]["createOnly"])
    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type).schema
    paths = schema.get("createOnlyProperties", [])
    return sorted(p.removeprefix("/properties/").replace("/", ".") for p in paths)


def document(read):
    version = cfnlint.__version__ if hasattr(cfnlint, "__version__") else __import__("importlib.metadata").metadata.version("cfn-lint")
    return {
        "formatVersion": 1,
        "source": {
            "title": "CloudFormation resource provider schemas, createOnlyProperties (properties whose change requires replacement)",
            "url": f"https://github.com/aws-cloudformation/cfn-lint/tree/v{version}/src/cfnlint/data/schemas/providers/us_east_1",
            "region": "us-east-1",
            "read": read,
            "kind": "secondary",
            "note": f"The registry schemas AWS publishes, as cfn-lint {version} packages them; scripts/cfn-create-only.py writes this file and the validator tests check it against the installed cfn-lint.",
        },
        "types": {t: create_only(t) for t in emitted_types()},
        "fromTemplateReference": {t: {"url": d["url"], "read": d["read"], "kind": "aws-page"} for t, d in sorted(DOCUMENTED.items())},
    }


def main():
    check = "--check" in sys.argv
    try:
        with open(OUT) as f:
            current = json.load(f)
    except FileNotFoundError:
        current = None
    read = current["source"]["read"] if current and check else datetime.date.today().isoformat()
    wanted = document(read)
    if check:
        if current["types"] != wanted["types"]:
            print(f"{OUT} is not current: run python3 scripts/cfn-create-only.py", file=sys.stderr)
            sys.exit(1)
        return
    with open(OUT, "w") as f:
        json.dump(wanted, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
