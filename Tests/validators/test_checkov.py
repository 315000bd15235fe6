"""checkov --framework cloudformation on every distinct JSON template (YAML ones say the same).

Each failed check is either fixed in the emitter or suppressed on the resource with checkov's own
`Metadata.checkov.skip` (id and comment). The test runs checkov twice: on the templates as emitted
(no failure allowed) and with the suppressions taken out, which lists what they cover; a
suppression that covers no failure is stale and fails the test.
"""
import collections
import json
import os
import pathlib
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHECKOV = os.environ.get("CHECKOV") or str(ROOT / ".venv-checkov" / "bin" / "checkov")


def run_checkov(folder):
    result = subprocess.run([CHECKOV, "-d", str(folder), "--framework", "cloudformation", "--compact", "--quiet",
                             "--skip-download", "-o", "json"], capture_output=True, text=True)
    reports = json.loads(result.stdout)
    if isinstance(reports, dict):
        reports = [reports]
    failed = []
    for report in reports:
        assert report["summary"]["parsing_errors"] == 0, report["summary"]
        for check in report["results"]["failed_checks"]:
            failed.append((check["file_path"].lstrip("/"), check["resource"], check["check_id"], check["check_name"]))
    return failed


def test_checkov_failures_are_fixed_or_suppressed_with_a_reason(unique_templates, tmp_path):
    emitted, bare = tmp_path / "emitted", tmp_path / "without-suppressions"
    emitted.mkdir()
    bare.mkdir()
    suppressions = []
    for i, (_, output, path) in enumerate(t for t in unique_templates if t[2].suffix == ".json"):
        name = "%03d-%s-%s-%s" % (i, output.example, output.style, "-".join(path.relative_to(output.folder / "cloudformation").with_suffix("").parts))
        shutil.copy(path, emitted / (name + ".json"))
        template = json.loads(path.read_text())
        for rid, resource in template["Resources"].items():
            for skip in resource.get("Metadata", {}).pop("checkov", {}).get("skip", []):
                assert skip.get("comment"), "%s %s: suppression %s without a reason" % (path, rid, skip["id"])
                suppressions.append((name + ".json", "%s.%s" % (resource["Type"], rid), skip["id"], skip["comment"]))
        (bare / (name + ".json")).write_text(json.dumps(template))
    after = run_checkov(emitted)
    before = run_checkov(bare)
    by_check = collections.Counter((c[2], c[3]) for c in before)
    print("\ncheckov: %d templates; %d failed checks without edgeplan's suppressions, %d with them" % (
        len(list(emitted.iterdir())), len(before), len(after)))
    for (cid, title), n in sorted(by_check.items()):
        reason = next((s[3] for s in suppressions if s[2] == cid), "")
        print("  %-12s %3d  %s\n               suppressed because: %s" % (cid, n, title, reason))
    for failure in after:
        print("  FAILED %s %s %s %s" % failure)
    assert after == []
    covered = {(c[0], c[1], c[2]) for c in before}
    stale = [s for s in suppressions if (s[0], s[1], s[2]) not in covered]
    assert stale == [], "suppressions that cover no failure: %s" % stale
