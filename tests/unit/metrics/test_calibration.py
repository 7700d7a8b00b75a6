"""reliability_curve against scikit-learn's calibration_curve(strategy="uniform")."""

import numpy as np
import pytest
from sklearn.calibration import calibration_curve

from lossnotes.metrics import reliability_curve


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n_bins", [2, 4, 10])
def test_matches_scikit_learn(seed: int, n_bins: int) -> None:
    rng = np.random.default_rng(seed)
    # Probabilities on bin edges too: the side an edge goes to is where the two used to differ.
    prob = np.concatenate([rng.uniform(size=50), np.linspace(0, 1, n_bins + 1)])
    y = (rng.uniform(size=prob.size) < prob).astype(int)
    mean_predicted, fraction_positive, counts = reliability_curve(y, prob, n_bins=n_bins)
    expected_true, expected_pred = calibration_curve(y, prob, n_bins=n_bins, strategy="uniform")
    np.testing.assert_allclose(mean_predicted, expected_pred, rtol=1e-12)
    np.testing.assert_allclose(fraction_positive, expected_true, rtol=1e-12)
    assert counts.sum() == prob.size


def test_inner_edge_joins_the_lower_bin() -> None:
    # Four bins of width 0.25: 0.5 sits on an inner edge and, as in scikit-learn, joins [0.25, 0.5].
    mean_predicted, _, counts = reliability_curve([0, 0, 1, 1], [0.1, 0.2, 0.5, 0.55], n_bins=4)
    np.testing.assert_allclose(mean_predicted, [0.15, 0.5, 0.55])
    np.testing.assert_array_equal(counts, [2, 1, 1])


def test_labels_must_be_binary() -> None:
    with pytest.raises(ValueError, match=r"y_true must hold binary labels 0 and 1; got 7\.0"):
        reliability_curve([7, 7, 7, 7], [0.1, 0.2, 0.5, 0.55])
