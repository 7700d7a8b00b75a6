"""What the build report and the log know of each executed block (or notebook)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class BlockRecord:
    """One executed block (or notebook) of one build, for the log and the build report."""

    page: str
    number: int
    line: int
    title: str
    session: str
    state: str  # "ran", "cached", "off" (execution switched off)
    seconds: float
    uses_package: bool = False
    #: What its output depends on (see :mod:`.deps`), with the hashes recorded when it ran.
    deps: dict[str, str | None] = field(default_factory=dict)
    #: Whether its output is in the cache (a hit, or stored after running).
    cacheable: bool = False
    #: The claims of the prose it checked (``lossnotes.pages.claim``).
    claims: list[str] = field(default_factory=list)
    #: The figures you can move it rendered: alt text, frames, seconds.
    figures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(sorted({key.split(":")[1] for key in self.deps if key[:3] in ("fn:", "mod")}))

    def take(self, state: str, seconds: float, entry: dict[str, Any]) -> None:
        """Fill in what the block's outcome (a cache entry, or a result just stored) says."""
        self.state, self.seconds = state, seconds
        self.deps = dict(entry.get("deps", {}))
        self.claims, self.figures = list(entry.get("claims", [])), list(entry.get("figures", []))
        self.cacheable = all(v is not None for v in self.deps.values())
