"""A map as one self-contained web page, for the people who read it (``cjmap share``),
and live while it is written (``cjmap preview``).

:func:`~cjmap.share.content.gather_paths` computes what a page holds from the library
(validate, lint, pains, gaps and every render view); :func:`~cjmap.share.page.build_page`
writes it as HTML. The page's stable contract (its data attributes and the filters'
controls) is documented in ``docs/share.md``.
"""
