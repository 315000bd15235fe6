"""cfn-lint on every distinct template (JSON and YAML) of every example, option and deploy style.

Zero errors and zero warnings. The one exception is configured per resource in the template, with
its reason beside it: W3010 (hard-coded Availability Zones) on the network stack's subnets, whose
zones the plan chose.
"""
import collections
import json
import subprocess

import yaml


def cfn_lint(region, paths):
    result = subprocess.run(["cfn-lint", "--format", "json", "--regions", region, *map(str, paths)],
                            capture_output=True, text=True)
    return json.loads(result.stdout or "[]")


def test_every_kind_is_emitted(outputs):
    from conftest import KINDS
    for style in ("staggered", "bound"):
        kinds = {o["kind"] for out in outputs if out.style == style for o in out.plan["options"]}
        assert kinds == set(KINDS), "examples miss kinds: %s" % (set(KINDS) - kinds)


def test_cfn_lint_finds_nothing(unique_templates):
    by_region = collections.defaultdict(list)
    for region, _, path in unique_templates:
        by_region[region].append(path)
    findings = []
    for region, paths in sorted(by_region.items()):
        findings += cfn_lint(region, paths)
    print("\ncfn-lint: %d distinct templates (%s), %d findings" % (
        len(unique_templates), ", ".join("%s: %d" % (r, len(p)) for r, p in sorted(by_region.items())), len(findings)))
    for f in findings:
        print("  %s:%s %s %s" % (f["Filename"], f["Location"]["Start"]["LineNumber"], f["Rule"]["Id"], f["Message"]))
    assert findings == []


def test_yaml_templates_say_the_same_as_json(outputs):
    """The YAML writer changes the notation only: every YAML template loads to its JSON twin."""
    by_key = {(o.example, o.style): o for o in outputs if o.format == "json"}
    compared = 0
    for o in outputs:
        if o.format != "yaml":
            continue
        twin = by_key[(o.example, o.style)]
        for path in o.templates():
            json_path = twin.folder / path.relative_to(o.folder).with_suffix(".json")
            assert yaml.safe_load(path.read_text()) == json.loads(json_path.read_text()), path
            compared += 1
    assert compared > 0


def test_inline_code_fits_and_matches_the_emitted_source(outputs):
    """Code.ZipFile is limited to 4,096 characters; cfn-lint does not check it."""
    checked = 0
    for o in outputs:
        if o.format != "json":
            continue
        for path in o.templates():
            template = json.loads(path.read_text())
            for rid, resource in template["Resources"].items():
                code = resource.get("Properties", {}).get("Code", {}).get("ZipFile")
                if code is None:
                    continue
                assert len(code) <= 4096, "%s %s: %d characters inline" % (path, rid, len(code))
                assert resource["Properties"]["Runtime"] in ("python3.12", "python3.13")
                compile(code, rid, "exec")
                sidecar = {"DiscoveryFunction": "handler.py", "EndpointIpsFunction": "endpoint_ips.py"}[rid]
                matches = list(o.folder.rglob(sidecar))
                assert matches and matches[0].read_text() == code
                checked += 1
    assert checked > 0
