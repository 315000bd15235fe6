"""Shared fixtures: emit every example in both deploy styles and both template formats once.

The edgeplan binary comes from EDGEPLAN_BIN or .build/debug/edgeplan (scripts/test builds it).
"""
import hashlib
import importlib.util
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
STYLES = ("staggered", "bound")
FORMATS = ("json", "yaml")
KINDS = (
    "alb-privatelink-nlb", "apigw-vpclink-nlb", "cloudfront-public-nlb", "alb-controller",
    "cloudfront-vpc-origin", "apigw-vpclink-alb", "nlb-to-alb", "global-accelerator-alb",
)
# Upstream CRDs (Gateway API v1.6.1, AWS Load Balancer Controller v3.5.0), kept beside the project
# (see ../shared/schemas/README.md); tests that need them say they were skipped when they are missing.
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"


def edgeplan_binary():
    binary = os.environ.get("EDGEPLAN_BIN") or str(ROOT / ".build" / "debug" / "edgeplan")
    if not os.access(binary, os.X_OK):
        pytest.exit("no edgeplan binary at %s: run swift build first (scripts/test does)" % binary, returncode=2)
    return binary


class Output:
    """One `edgeplan emit` run: example × deploy style × template format."""

    def __init__(self, example, style, fmt, folder):
        self.example, self.style, self.format, self.folder = example, style, fmt, folder
        self.plan = json.loads((folder / "plan.json").read_text())
        self.region = self.plan["design"]["region"]

    @property
    def name(self):
        return "%s/%s/%s" % (self.example, self.style, self.format)

    def templates(self):
        # Stack policies (<stack>.stack-policy.json) sit beside the templates and are not templates.
        return sorted(p for p in (self.folder / "cloudformation").rglob("*." + self.format) if not p.name.endswith(".stack-policy.json"))

    def stack_policies(self):
        return sorted((self.folder / "cloudformation").rglob("*.stack-policy.json"))

    def manifests(self):
        return sorted((self.folder / "kubernetes").rglob("*.yaml"))

    def template_region(self, path):
        # CloudFront web ACLs exist only in us-east-1, so the edge-waf stacks are deployed there.
        return "us-east-1" if path.name.startswith("edge-waf.") else self.region

    def kind_of(self, path):
        """The frontend kind a template under cloudformation/<option>/ belongs to (None for shared stacks)."""
        rel = path.relative_to(self.folder / "cloudformation")
        if len(rel.parts) < 2:
            return None
        option = rel.parts[0]
        return next((o["kind"] for o in self.plan["options"] if o["id"] == option), None)


@pytest.fixture(scope="session")
def outputs(tmp_path_factory):
    binary = edgeplan_binary()
    base = tmp_path_factory.mktemp("emitted")
    runs = []
    for example in EXAMPLES:
        for style in STYLES:
            for fmt in FORMATS:
                folder = base / example.stem / style / fmt
                subprocess.run(
                    [binary, "emit", str(example), "--out", str(folder), "--deploy-style", style, "--template-format", fmt],
                    check=True, cwd=ROOT, capture_output=True)
                runs.append(Output(example.stem, style, fmt, folder))
    return runs


def unique(paths_with_keys):
    """Files with the same bytes are checked once: [(key, path)] → {sha: (key, path)} in order."""
    seen = {}
    for key, path in paths_with_keys:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        seen.setdefault(digest, (key, path))
    return list(seen.values())


@pytest.fixture(scope="session")
def unique_templates(outputs):
    """Every distinct template: [(region, output, path)]."""
    items = [((o.template_region(p), o), p) for o in outputs for p in o.templates()]
    return [(key[0], key[1], path) for key, path in unique(items)]


@pytest.fixture(scope="session")
def unique_manifests(outputs):
    items = [(o, p) for o in outputs for p in o.manifests()]
    return unique(items)


def emitted_handler(source, monkeypatch, region):
    """The `handler` of an emitted Lambda source file, with fake credentials for moto in-process."""
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(key, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", region)
    spec = importlib.util.spec_from_file_location(source.stem, source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.handler
