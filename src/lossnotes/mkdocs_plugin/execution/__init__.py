"""Running markdown-exec's Python blocks: collect, execute in workers, cache, check, serve.

The pipeline, one module a step: :mod:`.blocks` finds a page's executed fences (and
holds the plugin's one fence pattern) and numbers them as they render; :mod:`.collect`
records each block's code before rendering, and the inline values of the prose;
:mod:`.plan` serves what the cache holds and turns the rest into one job per session;
:mod:`.pool` runs the jobs in worker processes under their limits, and :mod:`.worker`
is what runs in each (with :mod:`.probes`, which imports the package with a probe in
every function, and :mod:`.recorder`, which records the files a block reads and refuses
writes into the source tree); :mod:`.deps` turns what a worker recorded into hashed
dependencies; :mod:`.cache` stores outputs on disk; :mod:`.checks` refuses outputs that
must not be published; :mod:`.execute` ties these together for the plugin, and
:mod:`.serve` reuses unchanged page renders across the rebuilds of ``mkdocs serve``.
"""
