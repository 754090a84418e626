#!/bin/sh
# The dev host and the tests for the Jira 11 line: IN (target/test-classes, javax) renamed by the Eclipse Transformer
# with RULES (jakarta-renames.properties) into OUT, as the jira11 jar's classes are. Skipped when OUT is newer than
# every file of IN and the rules; otherwise OUT is made afresh, so a deleted test leaves no class behind.
# Usage: jakarta-test-classes.sh TRANSFORMER_DIR IN OUT RULES
set -eu
transformer=${1:?usage: jakarta-test-classes.sh TRANSFORMER_DIR IN OUT RULES}
in=${2:?}
out=${3:?}
rules=${4:?}
stamp="$out.stamp"

if [ ! -d "$in" ]; then
  echo "[jakarta-test-classes] no $in (tests not compiled): nothing to rename"
  exit 0
fi
if [ -d "$out" ] && [ -f "$stamp" ] && [ -z "$(find "$in" "$rules" -newer "$stamp" -print -quit)" ]; then
  echo "[jakarta-test-classes] $out is up to date: transformer not run"
  exit 0
fi
rm -rf "$out" "$stamp"
java -cp "$transformer/*" org.eclipse.transformer.cli.TransformerCLI "$in" "$out" -tr "$rules" -o -q
touch "$stamp"
echo "[jakarta-test-classes] renamed $in into $out"
