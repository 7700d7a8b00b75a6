/* The terrain explorer's numerics: a line-by-line port of lossnotes.landscape (surfaces and
   gradients) and of lossnotes.optim's update rules for the five optimizers the page
   offers, with torch's conventions and the same order of floating-point operations.
   tests/browser/test_terrain_explorer.py checks it against lossnotes to 1e-9. */
(function () {
  "use strict";
  const NS = (window.lossnotesExplorer = window.lossnotesExplorer || {});
  if (NS.port) return;

  const THREE_PI = 3.0 * Math.PI;
  const ILL_CONDITIONING = 25.0;
  // sech(u)^2 = 4 e^{-2|u|} / (1 + e^{-2|u|})^2: no overflow (as terrain._sech2)
  function sech2(u) {
    const e = Math.exp(-2.0 * Math.abs(u));
    return (4.0 * e) / ((1.0 + e) * (1.0 + e));
  }

  // name -> [f(x, y), grad(x, y) -> [df/dx, df/dy]], as lossnotes.landscape.SURFACES
  const SURFACES = {
    bowl: [(x, y) => x * x + y * y, (x, y) => [2 * x, 2 * y]],
    ill_conditioned: [
      (x, y) => 0.5 * (x * x + ILL_CONDITIONING * (y * y)),
      (x, y) => [x, ILL_CONDITIONING * y],
    ],
    saddle: [(x, y) => x * x - y * y, (x, y) => [2 * x, -2 * y]],
    monkey_saddle: [
      (x, y) => Math.pow(x, 3) - 3 * x * (y * y),
      (x, y) => [3 * (x * x) - 3 * (y * y), -6 * x * y],
    ],
    rastrigin: [
      (x, y) => x * x + y * y - Math.cos(THREE_PI * x) - Math.cos(THREE_PI * y) + 2.0,
      (x, y) => [2 * x + THREE_PI * Math.sin(THREE_PI * x), 2 * y + THREE_PI * Math.sin(THREE_PI * y)],
    ],
    rosenbrock: [
      (x, y) => (1 - x) * (1 - x) + 100 * ((y - x * x) * (y - x * x)),
      (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    ],
    himmelblau: [
      (x, y) => (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7),
      (x, y) => [
        4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
        2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
      ],
    ],
    plateau: [
      (x, y) => Math.tanh(x * x + y * y),
      (x, y) => [2 * x * sech2(x * x + y * y), 2 * y * sech2(x * x + y * y)],
    ],
  };

  // Each optimizer: init() -> state, update(g, state) -> [updates, state], on [x, y] pairs.
  // The learning rate is applied last, as lossnotes' scale_by_learning_rate: u * (-lr).
  function trace(decay, nesterov) {
    return {
      init: () => ({ count: 0, buf: [0, 0] }),
      update(g, s) {
        const buf = s.count === 0 ? g.slice() : g.map((gi, i) => s.buf[i] * decay + gi);
        const u = nesterov ? g.map((gi, i) => gi + decay * buf[i]) : buf;
        return [u, { count: s.count + 1, buf }];
      },
    };
  }
  function rms(alpha, eps) {
    return {
      init: () => ({ nu: [0, 0] }),
      update(g, s) {
        const nu = g.map((gi, i) => s.nu[i] * alpha + (1.0 - alpha) * (gi * gi));
        return [g.map((gi, i) => gi / (Math.sqrt(nu[i]) + eps)), { nu }];
      },
    };
  }
  function adamDirection(b1, b2, eps) {
    return {
      init: () => ({ count: 0, mu: [0, 0], nu: [0, 0] }),
      update(g, s) {
        const count = s.count + 1;
        const mu = g.map((gi, i) => (gi - s.mu[i]) * (1.0 - b1) + s.mu[i]); // torch's lerp_
        const nu = g.map((gi, i) => s.nu[i] * b2 + gi * gi * (1.0 - b2));
        const c1 = 1.0 - Math.pow(b1, count);
        const c2 = Math.sqrt(1.0 - Math.pow(b2, count));
        const d = mu.map((m, i) => (m / (Math.sqrt(nu[i]) + eps * c2)) * (c2 / c1));
        return [d, { count, mu, nu }];
      },
    };
  }
  const plain = { init: () => null, update: (g, s) => [g, s] };
  const OPTIMIZERS = {
    gd: () => plain,
    momentum: (beta) => trace(beta, false),
    nesterov: (beta) => trace(beta, true),
    rmsprop: () => rms(0.99, 1e-8),
    adam: () => adamDirection(0.9, 0.999, 1e-8),
  };

  /* Iterates of optimizer `name` on surface `s` (an entry of the page's data: name, xlim,
     ylim), as lossnotes.pages.terrain_explorer.trajectory: stops after the first iterate outside the
     escape box, or before a non-finite gradient. Returns {path: [[x, y], ...], escaped}. */
  function trajectory(s, name, lr, steps, start, beta, escape) {
    const grad = SURFACES[s.name][1];
    const opt = OPTIMIZERS[name](beta);
    const centre = [(s.xlim[0] + s.xlim[1]) / 2, (s.ylim[0] + s.ylim[1]) / 2];
    const half = [(escape * (s.xlim[1] - s.xlim[0])) / 2, (escape * (s.ylim[1] - s.ylim[0])) / 2];
    let x = [start[0], start[1]];
    let state = opt.init();
    const path = [x];
    let escaped = false;
    for (let k = 0; k < steps; k++) {
      const g = grad(x[0], x[1]);
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
        escaped = true;
        break;
      }
      let u;
      [u, state] = opt.update(g, state);
      x = [x[0] + u[0] * -lr, x[1] + u[1] * -lr];
      path.push(x);
      if (!x.every((v, i) => Number.isFinite(v) && Math.abs(v - centre[i]) <= half[i])) {
        escaped = true;
        break;
      }
    }
    return { path, escaped };
  }

  NS.port = { SURFACES, OPTIMIZERS, trajectory };
  // After an instant navigation this may run after explorer.js, which then waited for it.
  if (NS.boot) NS.boot();
})();
