"""An executed block or an inline value of a page, as collected and as the worker runs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Item:
    """A block or an inline value of a page, as the worker will run it."""

    kind: str  # "block" or "inline"
    page: str
    number: int  # the block's number on the page, or the inline value's (1, 2, ...)
    line: int
    code: str
    session: str | None
    title: str = ""
    id: str | None = None
    limit: float = 60.0
    #: Options of the fence that the engine reads (``traceback="1"``: shows one on purpose).
    shows_traceback: bool = False
    html: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        if self.kind == "inline":
            return f"{self.page}: inline value {self.number} (line {self.line}, '{{{{ {self.code} }}}}')"
        title = f", title '{self.title}'" if self.title else ""
        return f"{self.page}: executed block {self.number} (line {self.line}{title})"
