"""The manifests: kubernetes-validate --strict against Kubernetes 1.31 for built-in kinds,
edgeplan's own JSON Schemas (schemas/, written from the AWS Load Balancer Controller's docs) for
its two CRDs, which kubernetes-validate has no schema for, yamllint with yamllint.yaml, and the
kustomization listing exactly the objects of its folder.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml

HERE = pathlib.Path(__file__).resolve().parent
KUBERNETES_VERSION = "1.31.0"
CRDS = {
    ("elbv2.k8s.aws/v1beta1", "TargetGroupBinding"): "targetgroupbinding.elbv2.k8s.aws.v1beta1.json",
    ("elbv2.k8s.aws/v1beta1", "IngressClassParams"): "ingressclassparams.elbv2.k8s.aws.v1beta1.json",
}


def tool(name):
    local = pathlib.Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def load(path):
    return yaml.safe_load(path.read_text())


def test_builtin_kinds_pass_kubernetes_validate_strict(unique_manifests):
    builtin = [p for _, p in unique_manifests if p.name != "kustomization.yaml"
               and (load(p)["apiVersion"], load(p)["kind"]) not in CRDS]
    result = subprocess.run([tool("kubernetes-validate"), "--strict", "-k", KUBERNETES_VERSION, *map(str, builtin)],
                            capture_output=True, text=True)
    passed = [line for line in result.stdout.splitlines() if " passed for resource " in line]
    kinds = sorted({load(p)["kind"] for p in builtin})
    print("\nkubernetes-validate --strict -k %s: %d distinct manifests (%s), %d passed" % (
        KUBERNETES_VERSION, len(builtin), ", ".join(kinds), len(passed)))
    if result.returncode or len(passed) != len(builtin):
        print(result.stdout, result.stderr)
    assert result.returncode == 0 and len(passed) == len(builtin)


def test_crds_match_their_schemas(unique_manifests):
    checked = {}
    for _, path in unique_manifests:
        doc = load(path)
        key = (doc.get("apiVersion"), doc.get("kind"))
        if key in CRDS:
            schema = json.loads((HERE / "schemas" / CRDS[key]).read_text())
            jsonschema.validate(doc, schema)
            checked[key[1]] = checked.get(key[1], 0) + 1
    print("\nCRDs against edgeplan's schemas: %s" % checked)
    assert set(checked) == {"TargetGroupBinding", "IngressClassParams"}


def test_placeholders_are_environment_variables(unique_manifests):
    for _, path in unique_manifests:
        for token in re.findall(r"\$\{[^}]*\}", path.read_text()):
            assert re.fullmatch(r"\$\{[A-Z][A-Z0-9_]*\}", token), (path, token)


def test_kustomization_lists_every_object_of_its_folder(outputs):
    for o in outputs:
        for kustomization in (o.folder / "kubernetes").rglob("kustomization.yaml"):
            listed = load(kustomization)["resources"]
            present = sorted(p.name for p in kustomization.parent.glob("*.yaml") if p.name != "kustomization.yaml")
            assert sorted(listed) == present, kustomization


def test_yamllint(outputs):
    files = [str(p) for o in outputs for p in o.manifests()] + [str(p) for o in outputs if o.format == "yaml" for p in o.templates()]
    result = subprocess.run([tool("yamllint"), "-f", "parsable", "-c", str(HERE / "yamllint.yaml"), *files],
                            capture_output=True, text=True)
    print("\nyamllint (config Tests/validators/yamllint.yaml): %d files, %d findings" % (len(files), len(result.stdout.splitlines())))
    print(result.stdout[:4000])
    assert result.returncode == 0 and result.stdout == ""
