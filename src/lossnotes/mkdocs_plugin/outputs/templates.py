"""Material's templates, compiled once per process rather than once per build.

``mkdocs serve`` makes a new Jinja environment on every rebuild, which compiles every
template again (about 0.4 s of a prose edit's rebuild). :class:`CompiledTemplates` is a
Jinja bytecode cache held in memory by the plugin: Jinja keys each entry by the
template's name and checks it against the template's source, so an edited template is
compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory by key.

    Examples
    --------
    >>> from jinja2 import DictLoader, Environment
    >>> memory = CompiledTemplates()
    >>> loader = DictLoader({"page.html": "Hello {{ name }}"})
    >>> for _ in range(2):  # a fresh environment each time, as mkdocs serve makes
    ...     env = Environment(loader=loader, bytecode_cache=memory)
    ...     print(env.get_template("page.html").render(name="reader"))
    Hello reader
    Hello reader
    >>> len(memory.compiled)
    1
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
