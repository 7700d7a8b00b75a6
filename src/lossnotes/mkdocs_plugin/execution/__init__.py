"""Running markdown-exec's Python blocks: which blocks a page has, how they run, what is cached.

:mod:`.blocks` finds the executed fences of a page (and holds the plugin's one fence
pattern) and turns a failing block into a build error naming page, block and line;
:mod:`.execute` runs each block with fresh sessions, reset random seeds and rcParams
and a time limit; :mod:`.cache` keys and stores block outputs on disk; :mod:`.modules`
records which lossnotes modules (and which of their sources) a block used;
:mod:`.reload` forgets those modules between builds; :mod:`.serve` reuses unchanged
page renders and search entries across the rebuilds of ``mkdocs serve``.
"""
