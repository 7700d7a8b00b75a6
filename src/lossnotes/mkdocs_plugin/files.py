"""Writing the plugin's caches so that a reader never sees half a file.

Every cache file (executed blocks, typeset formulas, font subsets) is written next to
its final path and moved into place with :func:`os.replace`, which is atomic on one
file system: a build interrupted mid-write, or two builds racing, leave either the old
file or the new one, never a truncated one that would be read as a corrupt entry.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically, creating its folder.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "a" / "b.json"
    ...     write_atomic(target, "{}")
    ...     target.read_text(), [p.name for p in target.parent.iterdir()]
    ('{}', ['b.json'])
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
