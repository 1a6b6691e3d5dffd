#!/bin/sh
# Re-render the pictures the README and docs/rendering.md show: every example map in
# every view, as SVG, with the built-in Graphviz so the files do not depend on which
# Graphviz the machine has. Run from anywhere, with cjmap installed:
#   docs/images/regenerate.sh            (or PYTHON=.venv/bin/python docs/images/regenerate.sh)
set -eu
cd "$(dirname "$0")/../.."
views=$("${PYTHON:-python3}" -c "from cjmap.choices import RENDER_VIEWS; print(*RENDER_VIEWS.names)")
for map in examples/*.yaml; do
  name=$(basename "$map" .yaml)
  for view in $views; do
    CJMAP_GRAPHVIZ=wasm "${PYTHON:-python3}" -m cjmap render "$map" --view "$view" \
      -o "docs/images/$name.$view.svg"
  done
done
