"""Benchmark: ROC-AUC and average precision on 10^6 samples, lossnotes vs scikit-learn.

Run: ``.venv/bin/python tests/benchmarks/bench_metrics.py``. Prints the median of a few
repeats for each side and the ratio (target: lossnotes no slower than scikit-learn).
"""

from __future__ import annotations

import time

import numpy as np


def median_seconds(fn, *args, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def main(n: int = 1_000_000, seed: int = 0) -> None:
    import sklearn.metrics as skm

    import lossnotes.metrics as lm

    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    continuous = rng.normal(size=n) + y
    tied = np.round(continuous, 2)  # about a thousand distinct scores: many ties
    print(f"n = {n:,} samples, median of 5 runs")
    print(f"{'metric':<26}{'scores':<12}{'lossnotes':>12}{'sklearn':>12}{'ratio':>8}")
    for name in ("roc_auc_score", "average_precision_score"):
        for label, scores in (("continuous", continuous), ("tied", tied)):
            ours, ref = getattr(lm, name), getattr(skm, name)
            assert np.isclose(ours(y, scores), ref(y, scores), rtol=1e-10)
            t_ours, t_ref = median_seconds(ours, y, scores), median_seconds(ref, y, scores)
            print(
                f"{name:<26}{label:<12}{t_ours * 1e3:>10.1f}ms{t_ref * 1e3:>10.1f}ms"
                f"{t_ours / t_ref:>8.2f}"
            )


if __name__ == "__main__":
    main()
