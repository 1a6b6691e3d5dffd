"""YAML in, plain data out: cjmap's loading layer.

One module per concern, each importing only those before it in this list:

- ``scalars``: the YAML 1.2 core-schema values of plain scalars and the standard tags.
- ``events``: libyaml's events as calls; the only code that touches ruamel.yaml's C
  module ``_ruamel_yaml`` (and patches it while a parse runs).
- ``positions``: where each key and value starts, found by a second pass on demand.
- ``marks``: the same positions read off the marks kept by the one pass that builds
  the data, for commands that nearly always report lines.
- ``build``: the event handler that builds plain dicts, lists and scalars.
- ``document``: the Document type (plain data, source text, positions).
- ``files``: reading a file within the size limit and decoding it.
- ``syntax``: libyaml's syntax errors as findings a map's author can act on.
- ``load``: file -> Document, putting the above together.
- ``discovery``: the maps in folders.

This module imports nothing, so that importing one part costs only that part.
"""
