"""The lint rules, one module each (see ``cjmap.lint.rule`` for what a rule is).

The registry (``cjmap.lint.registry``) finds every module here that defines ``RULE``.
"""
