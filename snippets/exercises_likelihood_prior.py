"""Viva: likelihood against prior, for a coin that landed heads 7 times in 10.

Likelihood: how probable the observed data are for each bias theta, p(data | theta).
Prior: what we believed about theta before the data, here Beta(5, 5) (a fair-ish coin).
Their product is proportional to the posterior, p(theta | data).

Run it with ``python exercises_likelihood_prior.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

heads, flips = 7, 10
theta = np.linspace(0.0, 1.0, 10_001)
likelihood = theta**heads * (1 - theta) ** (flips - heads)
prior = theta**4 * (1 - theta) ** 4  # Beta(5, 5), unnormalised
posterior = likelihood * prior

curves = {
    name: c / (c.sum() * (theta[1] - theta[0]))
    for name, c in [  # densities
        ("likelihood", likelihood),
        ("prior", prior),
        ("posterior", posterior),
    ]
}
peaks = {name: float(theta[np.argmax(c)]) for name, c in curves.items()}

if __name__ == "__main__":
    for name, peak in peaks.items():
        print(f"{name} peaks at theta = {peak:.4f}")
    print(f"closed forms: MLE {heads / flips:.4f}, MAP {(heads + 4) / (flips + 8):.4f}")
