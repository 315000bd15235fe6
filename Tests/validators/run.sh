#!/usr/bin/env bash
# Proves the emitted templates and manifests with the tools deploy pipelines use: cfn-lint, checkov,
# kubernetes-validate, yamllint, and moto (a local mock of AWS); the Terraform output with terraform fmt and
# validate (where terraform and a local mirror of the AWS provider are found), checkov and python-hcl2. Installs what it needs itself:
#   .venv-validators/  (sees the system's site-packages, so preinstalled cfn-lint and moto are used;
#                       pip installs pytest, kubernetes-validate, yamllint, cfn-lint, moto[server],
#                       jsonschema, sarif-pydantic, python-hcl2, selenium if missing)
#   .venv-checkov/     (checkov alone: it pins packages that cfn-lint and moto use)
# Needs the edgeplan binary (EDGEPLAN_BIN, else .build/debug/edgeplan).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv-validators
[ -x "$venv/bin/python" ] || python3 -m venv --system-site-packages "$venv"
missing=()
"$venv/bin/python" -c "import pytest" 2>/dev/null || missing+=(pytest)
"$venv/bin/python" -c "import kubernetes_validate" 2>/dev/null || missing+=(kubernetes-validate)
"$venv/bin/python" -c "import yamllint" 2>/dev/null || missing+=(yamllint)
"$venv/bin/python" -c "import cfnlint" 2>/dev/null || missing+=(cfn-lint)
"$venv/bin/python" -c "import moto, flask, flask_cors" 2>/dev/null || missing+=("moto[server]")
"$venv/bin/python" -c "import jsonschema, yaml, boto3" 2>/dev/null || missing+=(jsonschema pyyaml boto3)
"$venv/bin/python" -c "import sarif_pydantic" 2>/dev/null || missing+=(sarif-pydantic)
# cmark-gfm, the renderer github.com uses: the diff test renders the pull-request comment with it.
"$venv/bin/python" -c "import cmarkgfm" 2>/dev/null || missing+=(cmarkgfm)
# python-hcl2 8 (SerializationOptions): the Terraform test parses the emitted HCL with it.
"$venv/bin/python" -c "from hcl2.utils import SerializationOptions" 2>/dev/null || missing+=("python-hcl2>=8")
# Selenium drives Debian's chromium through chromium-driver (scripts/install-deps) for the report's browser test.
"$venv/bin/python" -c "import selenium" 2>/dev/null || missing+=(selenium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "validators: pip install ${missing[*]}"
  "$venv/bin/pip" install -q "${missing[@]}"
fi
if [ ! -x .venv-checkov/bin/checkov ]; then
  echo "validators: installing checkov in .venv-checkov"
  python3 -m venv .venv-checkov
  .venv-checkov/bin/pip install -q checkov
fi

export PATH="$PWD/$venv/bin:$PATH"
export EDGEPLAN_BIN="${EDGEPLAN_BIN:-$PWD/.build/debug/edgeplan}"
export CHECKOV="$PWD/.venv-checkov/bin/checkov"
exec "$venv/bin/python" -m pytest -p no:cacheprovider -q -rA Tests/validators "$@"
