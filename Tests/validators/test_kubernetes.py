"""The manifests:

- built-in kinds: kubernetes-validate --strict against the Kubernetes version each plan's cluster runs;
- Gateway API and AWS Load Balancer Controller objects: the upstream CRDs (Gateway API v1.6.1
  standard channel, Load Balancer Controller v3.5.0) in ../shared/schemas, each object checked
  against its CRD's openAPIV3Schema with jsonschema and a strict walk that refuses any field the
  schema does not declare (CRDs do not say additionalProperties: false, and the API server would
  silently drop a misspelt field). Skipped, saying why, when that folder is missing;
- Envoy Gateway's and EKS Auto Mode's objects, for which no upstream schema is kept here:
  edgeplan's own JSON Schemas in schemas/, written from those projects' CRDs and documentation;
- yamllint with yamllint.yaml, and each kustomization listing exactly the objects of its folder.

Every object that is not built in must be checked by one of the schemas: none goes unchecked.
"""
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from conftest import SHARED_SCHEMAS

HERE = pathlib.Path(__file__).resolve().parent
BUILTIN_GROUPS = {"", "apps", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "storage.k8s.io"}
UPSTREAM = ("gateway-api-v1.6.1", "aws-load-balancer-controller-v3.5.0")
# edgeplan's own schemas: (apiVersion, kind) → file in schemas/.
OWN = {
    ("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy"): "envoyproxy.gateway.envoyproxy.io.v1alpha1.json",
    ("gateway.envoyproxy.io/v1alpha1", "ClientTrafficPolicy"): "clienttrafficpolicy.gateway.envoyproxy.io.v1alpha1.json",
    ("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy"): "securitypolicy.gateway.envoyproxy.io.v1alpha1.json",
    ("eks.amazonaws.com/v1", "TargetGroupBinding"): "targetgroupbinding.eks.amazonaws.com.v1.json",
    ("eks.amazonaws.com/v1", "IngressClassParams"): "ingressclassparams.eks.amazonaws.com.v1.json",
}


def tool(name):
    local = pathlib.Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def load(path):
    return yaml.safe_load(path.read_text())


def group(api_version):
    return api_version.split("/")[0] if "/" in api_version else ""


def objects(unique_manifests):
    return [(p, load(p)) for _, p in unique_manifests if p.name != "kustomization.yaml"]


def upstream_crds():
    """(apiVersion, kind) → openAPIV3Schema of every served version of the upstream CRDs."""
    crds = {}
    for folder in UPSTREAM:
        for path in sorted((SHARED_SCHEMAS / folder).glob("*.yaml")):
            for doc in yaml.safe_load_all(path.read_text()):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc["spec"]
                for version in spec["versions"]:
                    if version.get("served"):
                        crds[("%s/%s" % (spec["group"], version["name"]), spec["names"]["kind"])] = version["schema"]["openAPIV3Schema"]
    return crds


def unknown_fields(value, schema, path=""):
    """Every field of `value` that `schema` does not declare (structural schemas: properties,
    additionalProperties, items; x-kubernetes-preserve-unknown-fields admits anything)."""
    if schema.get("x-kubernetes-preserve-unknown-fields"):
        return []
    found = []
    if isinstance(value, dict):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if properties is not None and key in properties:
                found += unknown_fields(item, properties[key], path + "." + key)
            elif isinstance(extra, dict):
                found += unknown_fields(item, extra, path + "." + key)
            elif properties is not None and extra is not True:
                found.append(path + "." + key)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            found += unknown_fields(item, schema["items"], "%s[%d]" % (path, i))
    return found


def test_builtin_kinds_pass_kubernetes_validate_strict(unique_manifests):
    # Each manifest against the Kubernetes version of the cluster its plan makes (plan.json's kubernetes.version).
    by_version = {}
    for output, p in unique_manifests:
        if p.name != "kustomization.yaml" and group(load(p)["apiVersion"]) in BUILTIN_GROUPS:
            by_version.setdefault(output.plan["kubernetes"]["version"] + ".0", []).append(p)
    assert by_version
    for version, builtin in sorted(by_version.items()):
        result = subprocess.run([tool("kubernetes-validate"), "--strict", "-k", version, *map(str, builtin)],
                                capture_output=True, text=True)
        passed = [line for line in result.stdout.splitlines() if " passed for resource " in line]
        kinds = sorted({load(p)["kind"] for p in builtin})
        print("\nkubernetes-validate --strict -k %s: %d distinct manifests (%s), %d passed" % (
            version, len(builtin), ", ".join(kinds), len(passed)))
        if result.returncode or len(passed) != len(builtin):
            print(result.stdout, result.stderr)
        assert result.returncode == 0 and len(passed) == len(builtin)


def test_gateway_api_and_controller_objects_match_the_upstream_crds(unique_manifests):
    if not all((SHARED_SCHEMAS / folder).is_dir() for folder in UPSTREAM):
        pytest.skip("the upstream CRD schemas are not at %s (a clone outside this project's workspace): "
                    "Gateway API and Load Balancer Controller objects were not checked against them" % SHARED_SCHEMAS)
    crds = upstream_crds()
    checked = {}
    for path, doc in objects(unique_manifests):
        key = (doc["apiVersion"], doc["kind"])
        if group(doc["apiVersion"]) in BUILTIN_GROUPS or key in OWN:
            continue
        assert key in crds, "%s: %s %s has no upstream CRD schema and no schema of edgeplan's own" % (path, *key)
        schema = crds[key]
        jsonschema.validate(doc, schema)
        assert unknown_fields(doc, schema) == [], "%s: fields the %s CRD does not declare" % (path, key[1])
        checked[key[1]] = checked.get(key[1], 0) + 1
    print("\nobjects against the upstream CRDs (%s): %s" % (", ".join(UPSTREAM), checked))
    assert {"TargetGroupBinding", "IngressClassParams", "GatewayClass", "Gateway", "HTTPRoute"} <= set(checked)


def test_the_strict_walk_catches_a_misspelt_field():
    schema = {"type": "object", "properties": {"spec": {"type": "object", "properties": {"serviceRef": {"type": "object"}}}}}
    assert unknown_fields({"spec": {"serviceRef": {}, "servcieRef": {}}}, schema) == [".spec.servcieRef"]
    assert unknown_fields({"spec": {"serviceRef": {}}}, schema) == []


def test_other_objects_match_edgeplans_own_schemas(unique_manifests):
    checked = {}
    for path, doc in objects(unique_manifests):
        key = (doc["apiVersion"], doc["kind"])
        if key in OWN:
            schema = json.loads((HERE / "schemas" / OWN[key]).read_text())
            jsonschema.validate(doc, schema)
            checked[key[1]] = checked.get(key[1], 0) + 1
    print("\nobjects against edgeplan's own schemas: %s" % checked)
    assert {"EnvoyProxy", "ClientTrafficPolicy", "SecurityPolicy", "TargetGroupBinding", "IngressClassParams"} <= set(checked)


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
