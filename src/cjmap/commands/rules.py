"""``cjmap rules``: list the lint rules, or print one rule's page."""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.errors import EXIT_OK


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    name: str | None = None  # a rule's name or code: print its page
    output_format: str = "table"  # a name in cjmap.choices.TABLE_FORMATS


def run(options: Options) -> int:
    from functools import partial

    from cjmap.lint.docs import page, rules_table
    from cjmap.lint.registry import all_rules, find_rule
    from cjmap.output import Reads, as_is, emit_text
    from cjmap.writers import row_writer

    rules = all_rules()
    if options.name is not None:
        rules = (find_rule(options.name),)
        if options.output_format == "table":
            text = page(rules[0])
            emit_text(as_is(text), None, Reads())
            return EXIT_OK
    emit_text(partial(row_writer(options.output_format), rules_table(rules)), None, Reads())
    return EXIT_OK
