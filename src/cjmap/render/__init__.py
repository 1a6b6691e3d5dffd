"""Rendering journey maps: views build DOT (with the helpers in :mod:`cjmap.render.dot`),
and :func:`render_dot` turns it into SVG, PNG, PDF or DOT bytes.

Importing this package is cheap: Graphviz, wasmtime and resvg load only when a render
needs them.
"""

from cjmap.render.engine import FORMATS, RenderError, render_dot, select_backend

__all__ = ["FORMATS", "RenderError", "render_dot", "select_backend"]
