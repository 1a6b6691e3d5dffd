"""Importers: journeys kept elsewhere (Mermaid diagrams, spreadsheets) as cjmap maps.

Each source is one module with ``read(raw, display, options)``, which takes the source
file's bytes and gives one or more :class:`~cjmap.importers.draft.Draft` maps; the
sources are registered in :data:`cjmap.choices.IMPORT_SOURCES`. ``draft`` makes ids and
collects what could not be carried over, ``yamltext`` writes a draft as the text of a
map, and ``convert`` runs the lot and checks the result. ``import`` is a Python
keyword, hence the package's name.
"""
