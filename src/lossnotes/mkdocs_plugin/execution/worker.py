"""The body of a worker process: run one session's items in order, report each.

The pool (:mod:`.pool`) forks a process from a server that has numpy and matplotlib
imported, and runs this file there with :func:`runpy.run_path`, the globals ``JOB``
(plain data) and ``CONNECTION`` (the write end of a pipe) given. Nothing of lossnotes
is imported before the first block imports it: the helpers :mod:`.probes` and
:mod:`.recorder` are loaded by path too.

The process is put in a fixed state first: a temporary working directory, a fixed
environment (the build's own variables hidden), an empty ``sys.argv``, the
interpreter's default warning filters. Before every block, ``random`` and
``numpy.random`` are seeded with 0 and matplotlib's rcParams reset to the house style.
Page output is what the block's ``print`` prints, as with markdown-exec; writes to
``sys.stdout``/``sys.stderr`` and warnings are reported for the build log instead.

Messages: ``("start", index)``, then ``("done", index, result)`` or ``("failed",
index, result)``. Nothing runs after a failure.
"""

from __future__ import annotations

import io
import marshal
import os
import re
import runpy
import sys
import time
import traceback
import warnings
from functools import partial
from types import ModuleType
from typing import Any

_HERE = os.path.dirname(os.path.abspath(__file__))
#: What the package records for the build report, read after every block: the claims of
#: the prose it checked, and the figures you can move it rendered (frames, seconds).
_RECORDS = {
    "claims": ("lossnotes.pages.claims", "checked"),
    "figures": ("lossnotes.figures._interactive", "rendered"),
}


def _print_to(
    buffer: io.StringIO, *values: Any, sep: str = " ", end: str = "\n", **kw: Any
) -> None:
    # markdown-exec's print, except that print(..., file=sys.stderr) is not page output.
    target = kw.get("file")
    (buffer if target is None or target is sys.stdout else target).write(
        sep.join(str(value) for value in values) + end
    )


def _reset_state() -> None:
    import random

    import matplotlib
    import numpy

    random.seed(0)
    numpy.random.seed(0)  # noqa: NPY002  (the legacy global generator is what page code may use)
    matplotlib.rcdefaults()
    from lossnotes.figures import use_house_style

    use_house_style()


def _fixed_process_state(job: dict[str, Any]) -> None:
    import tempfile

    os.chdir(job["cwd"])
    os.environ.clear()
    os.environ.update(job["environ"])
    tempfile.tempdir = job["cwd"]
    sys.argv = [""]
    warnings.resetwarnings()  # then the interpreter's own defaults: the same in every worker
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.filterwarnings("ignore", category=category)


def _code_id(session: str | None, item: dict[str, Any]) -> str:
    """The file name a block's code is compiled under, as markdown-exec names it."""
    if item["kind"] == "inline":
        return f"<inline value at line {item['line']}>"
    if item.get("id"):
        return f"<code block: id {item['id']}>"
    name = f"session {session}; n{item['ordinal']}" if session else f"n{item['ordinal']}"
    return (
        f"<code block: {name}; title {item['title']}>"
        if item.get("title")
        else f"<code block: {name}>"
    )


def _failure(error: BaseException, filename: str) -> dict[str, Any]:
    lines = traceback.format_exception_only(type(error), error)
    text = lines[-1].strip() if lines else type(error).__name__
    if isinstance(error, SystemExit):
        text = f"SystemExit: the block called sys.exit({error.code!r})"
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return {"error": text, "error_line": line}


def _execute(item: dict[str, Any], filename: str, scope: dict[str, Any]) -> str:
    if item["kind"] == "inline":  # the contents of an f-string replacement field
        return str(eval(compile("f" + repr("{" + item["code"] + "}"), filename, "eval"), scope))
    _reset_state()
    module = re.sub(r"[^a-zA-Z\d]+", "_", filename)
    scope["__name__"] = module
    sys.modules[module] = ModuleType(module)  # some libraries look a function's module up
    buffer = io.StringIO()
    scope["print"] = partial(_print_to, buffer)
    exec(compile(item["code"], filename, "exec"), scope)
    return buffer.getvalue()


def run(job: dict[str, Any], send: Any) -> None:
    """Run the items of ``job`` (blocks and inline values) in one namespace, reporting each."""
    recorder = runpy.run_path(os.path.join(_HERE, "recorder.py"))["Recorder"](job)
    probes = runpy.run_path(os.path.join(_HERE, "probes.py"))
    try:
        compiled = marshal.loads(recorder.read(job["compiled"]))
    except (OSError, ValueError, EOFError):
        compiled = {}
    importer = probes["ProbingImporter"](job["package"], compiled, recorder.read)
    sys.meta_path.insert(0, importer)
    _fixed_process_state(job)
    sys.addaudithook(recorder.audit)
    namespace: dict[str, Any] = {}
    out, err = io.StringIO(), io.StringIO()
    caught: list[str] = []
    warnings.showwarning = lambda message, category, *_: caught.append(
        f"{category.__name__}: {message}"
    )
    seen = dict.fromkeys(_RECORDS, 0)
    for index, item in enumerate(job["items"]):
        send(("start", index))
        caught.clear()
        filename = _code_id(job["session"], item)
        result: dict[str, Any] = {}
        failed = None
        sys.stdout, sys.stderr = out, err
        started = time.perf_counter()
        try:
            result["output"] = _execute(item, filename, namespace if job["session"] else {})
        except BaseException as error:  # noqa: BLE001  SystemExit and KeyboardInterrupt too
            failed = _failure(error, filename)
        result["seconds"] = time.perf_counter() - started
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        result["stdout"], result["stderr"] = out.getvalue(), err.getvalue()
        out.seek(0), out.truncate(), err.seek(0), err.truncate()
        result["warnings"] = list(caught)
        for name, (module, attribute) in _RECORDS.items():
            recorded = list(getattr(sys.modules.get(module), attribute, []))
            result[name], seen[name] = recorded[seen[name] :], len(recorded)
        result["deps"] = {"code": sorted(importer.hits), **recorder.snapshot()}
        if recorder.violations and failed is None:
            failed = {"error": f"PermissionError: {recorder.violations[0]}", "error_line": None}
        if failed is not None:
            send(("failed", index, {**result, **failed}))
            return
        send(("done", index, result))


if __name__ == "__lossnotes_worker__":
    _connection = globals()["CONNECTION"]
    try:
        run(globals()["JOB"], _connection.send)
    finally:
        _connection.close()
