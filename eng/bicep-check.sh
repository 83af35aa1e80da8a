#!/usr/bin/env bash
# Compiles and lints deploy/azure/main.bicep with the Bicep CLI, taken from NuGet (the package pinned in
# eng/bicep/BicepCli.proj, restored through the repository's nuget.config like every other package), and checks that
# deploy/azure/main.parameters.json names only the template's parameters. Any error or warning fails (exit 1); the
# linter's rules and levels are in deploy/azure/bicepconfig.json.
set -uo pipefail
cd "$(dirname "$0")/.."

template=deploy/azure/main.bicep
parameters=deploy/azure/main.parameters.json
work=$(mktemp -d /tmp/artbot-bicep.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "Bicep check FAILED: $1"; exit 1; }

package=Azure.Bicep.CommandLine.linux-x64
version=$(sed -n "s/.*PackageDownload Include=\"$package\" Version=\"\[\([^]]*\)\]\".*/\1/p" eng/bicep/BicepCli.proj)
[ -n "$version" ] || fail "no pinned version of $package in eng/bicep/BicepCli.proj"
[ "$(uname -m)" = x86_64 ] || fail "the pinned Bicep CLI package is for linux-x64; this machine is $(uname -m)"

if ! dotnet restore eng/bicep/BicepCli.proj > "$work/restore.log" 2>&1; then
  cat "$work/restore.log"
  fail "restoring $package $version (eng/bicep/BicepCli.proj)"
fi
packages=$(dotnet msbuild eng/bicep/BicepCli.proj -getProperty:NuGetPackageRoot 2> /dev/null)
bicep="${packages%/}/$(tr '[:upper:]' '[:lower:]' <<<"$package")/$version/tools/bicep"
[ -f "$bicep" ] || fail "no bicep binary at $bicep after the restore"
chmod +x "$bicep"
echo "Bicep CLI: $("$bicep" --version)"

status=0
# Bicep prints diagnostics as "<file>(line,col) : Error|Warning|Info <code>: <message>".
run() {
  local what=$1; shift
  echo "== bicep $what $template"
  "$bicep" "$@" > "$work/$what.log" 2>&1
  local rc=$?
  cat "$work/$what.log"
  if [ $rc -ne 0 ]; then
    echo "bicep $what exited with $rc"
    status=1
  fi
  if grep -Eq ' : (Error|Warning) ' "$work/$what.log"; then
    echo "bicep $what reported errors or warnings (warnings count as errors here)"
    status=1
  fi
}
run build build "$template" --outfile "$work/main.json"
run lint lint "$template"

# The parameters file: every name in it is a parameter of the template, and every parameter without a default is in
# it, except the secure ones, which are passed on the command line (deploy/README.md, step 3).
if [ -s "$work/main.json" ]; then
  echo "== $parameters"
  if ! python3 - "$work/main.json" "$parameters" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))["parameters"]
given = json.load(open(sys.argv[2]))["parameters"]
errors = [f"'{name}' is not a parameter of the template" for name in given if name not in template]
errors += [f"'{name}' has no default and is missing" for name, p in template.items()
           if "defaultValue" not in p and p["type"].lower() not in ("securestring", "secureobject") and name not in given]
for e in errors:
    print(f"{sys.argv[2]}: {e}")
sys.exit(1 if errors else 0)
PY
  then
    status=1
  fi
fi

[ $status -eq 0 ] || fail "$template or $parameters (see above)"
echo "Bicep check: $template builds and lints with no error or warning (Bicep CLI $version); $parameters matches it"
