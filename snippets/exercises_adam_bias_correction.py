"""Exercise: why Adam divides by (1 - beta^t). Its first steps with and without the correction.

The moments start at zero, so early averages are shrunk towards zero: for a constant
gradient g, m_t = (1 - beta1^t) g and v_t = (1 - beta2^t) g^2. Dividing by
(1 - beta^t) removes exactly that shrinkage.

Run it with ``python exercises_adam_bias_correction.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import adam

lr, g, x = 0.001, np.array([0.5]), np.zeros(1)  # a constant gradient makes the bias visible
corrected, raw = adam(lr), adam(lr, bias_correction=False)
state_c, state_r = corrected.init(x), raw.init(x)
rows = []  # (t, m_t / g, m_hat_t / g, step / lr with correction, step / lr without)
for t in range(1, 11):
    step_c, state_c = corrected.update(g, state_c, x)
    step_r, state_r = raw.update(g, state_r, x)
    m = state_c[0].mu[0]  # Adam's first moment after t steps
    rows.append((t, m / g[0], m / (1 - 0.9**t) / g[0], -step_c[0] / lr, -step_r[0] / lr))

if __name__ == "__main__":
    print(" t  m/g    m_hat/g  step/lr corrected  step/lr uncorrected")
    for t, m_g, mhat_g, c, r in rows:
        print(f"{t:2d}  {m_g:.3f}  {mhat_g:.3f}  {c:10.4f}  {r:10.4f}")
