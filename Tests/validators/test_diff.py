"""`edgeplan diff` (issue 15): its JSON against schema/diff-v1.json, its pull-request comment as
GitHub renders it (cmark-gfm, the renderer github.com uses, through the PyPI package cmarkgfm),
and the create-only property data it marks replacements with against cfn-lint's resource schemas.

The six diff goldens (Tests/EdgePlanTests/Golden/diff/) are what the Swift tests compare byte for
byte; here they are checked by tools that know nothing of edgeplan, and diffs of the examples at
two revisions are run through the same checks.
"""
import copy
import html.parser
import json
import pathlib
import subprocess

import cmarkgfm
import jsonschema
import pytest

from conftest import ROOT, edgeplan_binary

GOLDEN = ROOT / "Tests" / "EdgePlanTests" / "Golden" / "diff"
DESIGNS = ROOT / "Tests" / "EdgePlanTests" / "Designs" / "diff"
SCHEMA = json.loads((ROOT / "schema" / "diff-v1.json").read_text())
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
CASES = sorted(p.stem for p in GOLDEN.glob("*.json"))


def diff(*args, expect=0):
    r = subprocess.run([edgeplan_binary(), "diff", "--pricing", str(ROOT / "Tests" / "Fixtures" / "pricing"), *args],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == expect, r.stderr
    return r.stdout


def errors(doc):
    return sorted(str(e.message) for e in VALIDATOR.iter_errors(doc))


def test_there_are_six_cases():
    assert CASES == ["add-az", "add-role", "region", "resize-nodes", "swap-options", "traffic"]


@pytest.mark.parametrize("case", CASES)
def test_json_matches_the_schema(case):
    doc = json.loads((GOLDEN / f"{case}.json").read_text())
    assert errors(doc) == []
    # What the binary prints is the golden, and the schema takes it too.
    printed = json.loads(diff(str(DESIGNS / "base.yaml"), str(DESIGNS / f"{case}.yaml"), "--format", "json"))
    assert printed == doc


def test_the_schema_rejects_broken_diffs():
    doc = json.loads((GOLDEN / "swap-options.json").read_text())
    broken = []
    for mutate in (
        lambda d: d.pop("summary"),
        lambda d: d.__setitem__("diffVersion", 2),
        lambda d: d["options"][0]["monthlyCost"].__setitem__("new", 233.23),
        lambda d: d["stacks"][0]["resources"][0].__setitem__("action", "delete"),
        lambda d: d["subnets"]["changes"][0].__setitem__("change", "shifted"),
        lambda d: d.__setitem__("extra", True),
    ):
        variant = copy.deepcopy(doc)
        mutate(variant)
        broken.append(errors(variant))
    assert all(broken), broken


class Rendered(html.parser.HTMLParser):
    """The elements and comments of rendered HTML, and the text outside any table."""

    def __init__(self):
        super().__init__()
        self.tags, self.comments = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_comment(self, data):
        self.comments.append(data)


def render(markdown):
    # GitHub's options: unsafe lets the raw <details> and the marker comment through, as github.com does.
    out = cmarkgfm.github_flavored_markdown_to_html(markdown, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    parsed = Rendered()
    parsed.feed(out)
    return out, parsed


@pytest.mark.parametrize("case", CASES)
def test_the_comment_renders_as_github_shows_it(case):
    markdown = (GOLDEN / f"{case}.md").read_text()
    out, parsed = render(markdown)
    assert parsed.comments[:1] == [" edgeplan-diff: shop "]
    assert "h3" in parsed.tags and "strong" in parsed.tags
    # Every Markdown table became a table: no pipe rows are left as text.
    rules = [line for line in markdown.splitlines() if line.startswith("| ---")]
    assert parsed.tags.count("table") == len(rules)
    assert "<p>|" not in out and "<td>---" not in out
    assert parsed.tags.count("details") == markdown.count("<details>") and parsed.tags.count("summary") == markdown.count("<summary>")
    if "```diff" in markdown:
        assert '<pre lang="diff"><code>' in out or '<pre><code class="language-diff">' in out
    # The headline is the first paragraph, bold, with the amounts.
    first = out.split("<p>", 1)[1].split("</p>", 1)[0]
    assert first.startswith("<strong>") and "$" in first


def test_examples_at_two_revisions():
    """Every example against the next one (a design at one revision and a very different one at
    the next): JSON valid, and the comment renders with its sections."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    # Every fourth neighbouring pair: both Regions, zone names and IDs, every kind of front door
    # between them, in a few seconds (the Swift tests diff every pair in process).
    pairs = list(zip(examples, examples[1:]))[::4]
    assert len(pairs) >= 3
    for a, b in pairs:
        doc = json.loads(diff(str(a), str(b), "--format", "json"))
        assert errors(doc) == [], (a.name, b.name)
        markdown = diff(str(a), str(b), "--format", "markdown")
        for section in ("- **Subnets:** ", "- **Options:** ", "- **Stacks: "):
            assert section in markdown, (a.name, b.name, section)
        _, parsed = render(markdown)
        assert parsed.comments and "details" in parsed.tags


def test_create_only_properties_match_the_resource_schemas():
    """limits/cloudformation-replacements.json lists, for every type the committed templates use,
    the properties CloudFormation replaces a resource to change; it must be what the resource
    provider schemas say, as the cfn-lint recorded in its source packages them."""
    import importlib.metadata
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

    data = json.loads((ROOT / "limits" / "cloudformation-replacements.json").read_text())
    used = set()
    for path in ROOT.glob("reports/*/cloudformation/**/*.json"):
        for resource in (json.loads(path.read_text()).get("Resources") or {}).values():
            if not resource["Type"].startswith("Custom::"):
                used.add(resource["Type"])
    assert used <= set(data["types"]), sorted(used - set(data["types"]))
    version = importlib.metadata.version("cfn-lint")
    if f"/v{version}/" not in data["source"]["url"]:
        pytest.skip(f"the data was read from another cfn-lint than the installed {version}: run scripts/cfn-create-only.py to compare")
    for resource_type, paths in data["types"].items():
        if resource_type in data["fromTemplateReference"]:
            continue
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type).schema
        expected = sorted(p.removeprefix("/properties/").replace("/", ".") for p in schema.get("createOnlyProperties", []))
        assert paths == expected, resource_type
