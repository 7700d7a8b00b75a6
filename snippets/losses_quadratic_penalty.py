"""An error of 10 against an error of 1: what each loss charges.

Run it with ``python losses_quadratic_penalty.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from lossnotes.losses import huber, mae, mse

losses = {"squared error": mse, "absolute error": mae, "Huber, delta = 1": huber}
ratios = {name: loss([10.0], [0.0]) / loss([1.0], [0.0]) for name, loss in losses.items()}

if __name__ == "__main__":
    for name, ratio in ratios.items():
        print(f"{name}: an error of 10 costs {ratio:g}x an error of 1")
