"""`edgeplan schema` (issue 15): the committed schema/design-v1.json, checked with jsonschema's
draft-07 validator, accepts every example and test design and rejects designs the parser rejects
for their shape or types (each first shown to be refused by `edgeplan validate`)."""
import json
import pathlib
import subprocess

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, ROOT, edgeplan_binary

SCHEMA = json.loads((ROOT / "schema" / "design-v1.json").read_text())
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
DESIGNS = EXAMPLES + sorted((ROOT / "Tests" / "EdgePlanTests" / "Designs").glob("*.yaml"))
SEED = (ROOT / "examples" / "seed-environment.yaml").read_text()

# (what changes, old text, new text): each breaks the seed's shape or a type.
BAD = [
    ("azs is a word", "azs: 3", "azs: three"),
    ("no nodes.max", "max: 30", "maxx: 30"),
    ("podsPerNode out of range", "podsPerNode: 110", "podsPerNode: 0"),
    ("an unknown kind", "kind: alb-privatelink-nlb", "kind: alb"),
    ("waf quoted", "requirements:", "requirements:\n  waf: \"true\"\nx-requirements:"),
    ("a negative traffic figure", "traffic:", "traffic:\n  requests: -5\nx-traffic:"),
    ("a CIDR that is not one", "vpcCidr: 10.128.0.0/16", "vpcCidr: 10.128.0.0/33"),
    ("the wrong format version", "edgeplan: 1", "edgeplan: 2"),
    ("frontends is a mapping", "frontends:", "frontends: {kind: alb-controller}\nx-frontends:"),
    ("an unknown router", "router: ingress-nginx", "router: traefik"),
]


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_every_design_validates(design):
    errors = sorted(VALIDATOR.iter_errors(yaml.safe_load(design.read_text())), key=str)
    assert not errors, "\n".join("%s: %s" % (list(e.path), e.message) for e in errors[:5])


@pytest.mark.parametrize("case", BAD, ids=lambda c: c[0])
def test_a_design_the_parser_rejects_for_its_shape_fails_the_schema(case, tmp_path):
    what, old, new = case
    assert old in SEED, what
    text = SEED.replace(old, new, 1)
    design = tmp_path / "bad.yaml"
    design.write_text(text)
    r = subprocess.run([edgeplan_binary(), "validate", str(design)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2, "%s: the parser accepted it\n%s" % (what, r.stderr)
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))), "%s: the schema accepted it" % what


def test_the_committed_schema_is_what_edgeplan_prints():
    out = subprocess.run([edgeplan_binary(), "schema"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == SCHEMA
    jsonschema.Draft7Validator.check_schema(SCHEMA)
