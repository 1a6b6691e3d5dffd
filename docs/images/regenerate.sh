#!/bin/sh
# Re-render the pictures the README and docs/rendering.md show: every example map in
# every view, as SVG, with the built-in Graphviz so the files do not depend on which
# Graphviz the machine has. Run from anywhere, with cjmap installed:
#   docs/images/regenerate.sh            (or PYTHON=.venv/bin/python docs/images/regenerate.sh)
set -eu
cd "$(dirname "$0")/../.."
for map in examples/*.yaml; do
  name=$(basename "$map" .yaml)
  for view in flow matrix emotion; do
    CJMAP_GRAPHVIZ=wasm "${PYTHON:-python3}" -m cjmap render "$map" --view "$view" \
      -o "docs/images/$name.$view.svg"
  done
done
