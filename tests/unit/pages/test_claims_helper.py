"""``lossnotes.pages.claim``: a false claim stops, a true one is recorded, nothing else passes."""

import numpy as np
import pytest

from lossnotes.pages import ClaimError, claim, claims


def test_a_true_claim_is_recorded_in_order():
    start = len(claims.checked)
    claim(np.float64(0.01) < 0.02, "first")
    claim(np.array([True]), "second")
    assert claims.checked[start:] == ["first", "second"]


def test_a_false_claim_raises_quoting_the_sentence_and_is_not_recorded():
    start = len(claims.checked)
    with pytest.raises(ClaimError, match="claim does not hold: momentum gets there first"):
        claim(np.int64(3) > 4, "momentum gets there first")
    assert claims.checked[start:] == []
    assert issubclass(ClaimError, AssertionError)


def test_an_ambiguous_condition_is_a_type_error_naming_condition():
    with pytest.raises(TypeError, match="condition must have a single truth value"):
        claim(np.array([True, False]), "ambiguous")
