"""`plan --format sarif` and `validate --format sarif` (issue 15): SARIF 2.1.0 that two independent
validators accept, whose results sit on the design's frontend entries.

Validators: the OASIS SARIF 2.1.0 JSON schema (schemas/sarif-schema-2.1.0.json, copied from
oasis-tcs/sarif-spec at e0583813964ec43cea53b6b531b402866095ed1f, sarif-2.1/schema/) checked
with jsonschema, and the pydantic models of the PyPI package sarif-pydantic. Both are first shown
to reject broken files, so a pass means something.
"""
import copy
import json
import pathlib
import subprocess

import jsonschema
import pytest
import sarif_pydantic

from conftest import EXAMPLES, ROOT, edgeplan_binary

SCHEMA = json.loads((pathlib.Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)


def sarif(*args, expect=0):
    r = subprocess.run([edgeplan_binary(), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == expect, r.stderr
    return json.loads(r.stdout)


def check(doc):
    errors = sorted(VALIDATOR.iter_errors(doc), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])
    sarif_pydantic.Sarif.model_validate(doc)


def broken_variants(doc):
    no_version = copy.deepcopy(doc)
    del no_version["version"]
    bad_level = copy.deepcopy(doc)
    bad_level["runs"][0]["results"][0]["level"] = "critical"
    no_message = copy.deepcopy(doc)
    del no_message["runs"][0]["results"][0]["message"]
    return [no_version, bad_level, no_message]


def test_both_validators_reject_broken_files():
    doc = sarif("plan", "examples/seed-environment.yaml", "--format", "sarif")
    check(doc)
    for i, broken in enumerate(broken_variants(doc)):
        assert list(VALIDATOR.iter_errors(broken)), "the OASIS schema accepted a broken file"
        if i == 0:
            continue  # sarif-pydantic fills in a missing version with its default, 2.1.0
        with pytest.raises(Exception):
            sarif_pydantic.Sarif.model_validate(broken)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_caveat_is_a_result_on_its_frontend_entry(example):
    rel = str(example.relative_to(ROOT))
    doc = sarif("plan", rel, "--format", "sarif")
    check(doc)
    plan = json.loads(subprocess.run([edgeplan_binary(), "plan", rel, "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    results = doc["runs"][0]["results"]
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    caveats = [(o["id"], c["id"], c["severity"]) for o in plan["options"] for c in o["caveats"]]
    found = [(r["message"]["text"].split(":", 1)[0], r["ruleId"], r["level"]) for r in results if not r["ruleId"].startswith("design")]
    level = {"critical": "error", "warning": "warning", "info": "note"}
    assert found == [(o, c, level[s]) for o, c, s in caveats]
    # Each result points at its option's entry in the design: the line of its `kind`, or the flow
    # mapping that holds it.
    lines = example.read_text().splitlines()
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        if r["ruleId"].startswith("design"):
            continue
        region = r["locations"][0]["physicalLocation"]["region"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == rel
        text = lines[region["startLine"] - 1][region["startColumn"] - 1:]
        assert "kind" in text or text.startswith("{") or text.startswith("-"), (r["ruleId"], region, text)
    prints = [r["partialFingerprints"]["edgeplan/v1"] for r in results]
    assert len(prints) == len(set(prints)), "two results share a fingerprint"
    # The same design gives the same bytes.
    again = subprocess.run([edgeplan_binary(), "plan", rel, "--format", "sarif"], cwd=ROOT, capture_output=True, text=True).stdout
    assert json.loads(again) == doc


def test_a_bad_design_is_a_located_error_result_and_exit_2(tmp_path):
    design = tmp_path / "bad.yaml"
    design.write_text((ROOT / "examples" / "seed-environment.yaml").read_text().replace("azs: 3", "azs: 9", 1))
    doc = sarif("validate", str(design), "--format", "sarif", expect=2)
    check(doc)
    errors = [r for r in doc["runs"][0]["results"] if r["level"] == "error"]
    assert errors and errors[0]["ruleId"] == "design/network.azs", errors
    region = errors[0]["locations"][0]["physicalLocation"]["region"]
    assert "azs: 9" in design.read_text().splitlines()[region["startLine"] - 1]
