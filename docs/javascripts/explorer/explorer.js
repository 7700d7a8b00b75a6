/* The terrain explorer: a contour map of the surface, drawn here on a canvas (with SVG
   axes) as soon as the page's data are parsed, and a 3-D view drawn with Plotly (served
   from this site, loaded by this page only, after the contour map is on screen). Both
   show optimizer paths the reader steers. The surfaces' grids and colour bands come from
   lossnotes at build time (JSON in the data-lx-data attribute: Material's instant
   navigation re-creates inline scripts as JavaScript, whatever their type), and so do
   the formulas, typeset by KaTeX at build time (this shows the selected one); paths are
   recomputed here by port.js.

   Material's instant navigation re-runs the scripts of a page's content each time the
   page is shown (all at once, so port.js may run after this file), so this file may run
   many times: it defines its functions once, and every run, every emission of Material's
   document$ and port.js's first run set up the explorers of the current page not yet set
   up and free those of pages left. */
(function () {
  "use strict";
  const NS = (window.lossnotesExplorer = window.lossnotesExplorer || {});
  const script = document.currentScript;

  function define(scriptUrl) {
    const PLOTLY = new URL("../../assets/vendor/plotly-gl3d.min.js", scriptUrl).href;
    NS.instances = [];

    NS.loadPlotly = function () {
      if (window.Plotly) return Promise.resolve(window.Plotly);
      if (!NS.plotlyPromise) {
        NS.plotlyPromise = new Promise((resolve, reject) => {
          const tag = document.createElement("script");
          tag.src = PLOTLY;
          const failed = () => {
            NS.plotlyPromise = null;
            reject(new Error("Plotly could not be loaded"));
          };
          tag.onload = () => (window.Plotly ? resolve(window.Plotly) : failed());
          tag.onerror = failed;
          document.head.appendChild(tag);
        });
      }
      return NS.plotlyPromise;
    };

    NS.boot = function () {
      // After an instant navigation Material inserts the content's scripts all at once, so
      // they run in the order they arrive: port.js, if later, boots when it runs.
      if (!NS.port) return;
      // Free the explorers of pages that instant navigation has replaced (WebGL contexts).
      NS.instances = NS.instances.filter((inst) => {
        if (document.body.contains(inst.root)) return true;
        inst.destroy();
        return false;
      });
      document.querySelectorAll("[data-lossnotes-explorer]").forEach((root) => {
        if (root.dataset.ready) return;
        root.dataset.ready = "starting";
        let inst;
        try {
          inst = new Explorer(root);
          inst.start();
        } catch (error) {
          // Say so (the tests read data-ready) rather than leave a silent, half-built explorer.
          root.dataset.ready = "failed";
          const status = root.querySelector("[data-lx='status']");
          if (status) status.textContent = "The explorer could not start: " + error.message;
          if (inst) inst.destroy();
          console.error(error);
          return;
        }
        NS.instances.push(inst);
      });
    };
    // Every page Material shows (a first load, an instant navigation, the Back button)
    // comes with an emission of document$, after the content's scripts ran: boot then too,
    // should a theme version stop re-running content scripts. On a first load this file
    // runs before Material's bundle (at the end of <body>) defines document$.
    const follow = () => {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(() => NS.boot());
      }
    };
    if (window.document$) follow();
    else document.addEventListener("DOMContentLoaded", follow, { once: true });
  }

  function webglAvailable() {
    try {
      const canvas = document.createElement("canvas");
      return !!(canvas.getContext("webgl2") || canvas.getContext("webgl"));
    } catch (error) {
      return false;
    }
  }

  const fmt = (v, digits = 3) =>
    !Number.isFinite(v) ? String(v) : Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3)
      ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));

  function hexToRgb(hex) {
    const n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  // About `count` round tick values (steps of 1, 2 or 5 times a power of ten) in [lo, hi].
  function ticks([lo, hi], count = 5) {
    const raw = (hi - lo) / count;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((k) => k * mag).find((v) => v >= raw * 0.999);
    const out = [];
    for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) out.push(Number((k * step).toPrecision(12)));
    return out;
  }
  const tickLabel = (v) => String(v).replace("-", "\u2212");

  // Runs `then` once the browser has painted what is drawn now (a frame, then a task).
  const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));

  class Explorer {
    constructor(root) {
      this.root = root;
      this.data = JSON.parse(root.querySelector("[data-lx-data]").dataset.lxData);
      NS.data = this.data;
      this.surfaces = Object.fromEntries(this.data.surfaces.map((s) => [s.name, s]));
      this.el = (name) => root.querySelector(`[data-lx='${name}']`);
      this.images = {};
      this.cleanups = [];
      this.webgl = webglAvailable();
      this.rendered = false;
    }

    start() {
      this.setup2d();
      this.bindControls();
      this.applySurface(this.el("surface").value);
      if (this.webgl) this.el("view3d").textContent = "Loading the 3-D view\u2026";
      this.draw(); // the contour map, at once
      // Plotly once the contour map is painted (its frame's painting ends this callback's
      // task), the page parsed and the 3-D view near the viewport: Plotly's second of
      // parsing then delays none of them, and a phone reader who stays in the prose
      // above it never pays for it.
      const near = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        requestAnimationFrame(() => (document.readyState === "loading"
          ? this.on(document, "DOMContentLoaded", () => this.start3d(), { once: true }) : this.start3d()));
      }, { rootMargin: "300px" });
      near.observe(this.el("view3d"));
      this.cleanups.push(() => near.disconnect());
    }

    start3d() {
      if (!document.body.contains(this.root)) return;
      const view3d = this.el("view3d");
      const without3d = (why) => {
        view3d.textContent = why + ", so the 3-D view is not drawn; the contour map shows the same paths.";
        view3d.classList.add("lx-nowebgl");
        this.ready3d = true;
        this.draw();
      };
      if (!this.webgl) return without3d("Your browser offers no WebGL");
      NS.loadPlotly().then(
        (Plotly) => {
          if (!document.body.contains(this.root)) return;
          this.Plotly = Plotly;
          this.ready3d = true;
          view3d.textContent = "";
          this.draw();
        },
        (error) => document.body.contains(this.root) && without3d(error.message),
      );
    }

    on(target, type, handler, options) {
      target.addEventListener(type, handler, options);
      this.cleanups.push(() => target.removeEventListener(type, handler, options));
    }

    bindControls() {
      const s = this.el;
      this.on(s("surface"), "change", () => {
        this.applySurface(s("surface").value);
        this.draw();
      });
      this.root.querySelectorAll("[data-lx-optimizer]").forEach((box) =>
        this.on(box, "change", () => this.update()));
      // A log-scale slider and a number box per learning rate, kept in step.
      for (const key of ["lr", "adaptive_lr"]) {
        this.on(s(key + "_log"), "input", () => {
          s(key).value = fmt(Math.pow(10, Number(s(key + "_log").value)));
          this.syncSlider(key);
          this.update();
        });
        this.on(s(key), "input", () => {
          this.syncSlider(key);
          this.update();
        });
      }
      this.on(s("steps_range"), "input", () => {
        s("steps").value = s("steps_range").value;
        this.update();
      });
      this.on(s("steps"), "input", () => {
        s("steps_range").value = s("steps").value;
        this.update();
      });
      for (const key of ["beta", "x0", "y0"]) this.on(s(key), "input", () => this.update());
      this.on(s("reset"), "click", () => {
        this.applySurface(this.surface.name);
        this.draw();
      });
      this.on(s("reset_view"), "click", () => this.setCamera(this.defaultCamera()));
      this.on(s("view3d"), "keydown", (event) => this.key3d(event));
      this.on(s("view2d"), "keydown", (event) => this.key2d(event));
      this.on(s("view2d"), "click", (event) => this.click2d(event));
      // Follow the reader's colour scheme (Material sets it on <body>).
      const observer = new MutationObserver(() => this.paths && this.update());
      observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
      this.cleanups.push(() => observer.disconnect());
    }

    syncSlider(key) {
      const v = Number(this.el(key).value);
      if (v > 0) this.el(key + "_log").value = Math.log10(v);
      this.el(key + "_log").setAttribute("aria-valuetext", fmt(v));
    }

    applySurface(name) {
      const s = (this.surface = this.surfaces[name]);
      const set = (key, v) => (this.el(key).value = v);
      set("surface", name);
      set("lr", s.lr);
      set("adaptive_lr", s.adaptive_lr);
      set("steps", s.steps);
      set("steps_range", s.steps);
      set("x0", s.start[0]);
      set("y0", s.start[1]);
      set("beta", 0.9);
      this.syncSlider("lr");
      this.syncSlider("adaptive_lr");
      // The formulas are in the page, typeset at build time: show the surface's own.
      this.el("formula").querySelectorAll("[data-lx-formula]").forEach((formula) => {
        formula.hidden = formula.dataset.lxFormula !== name;
      });
    }

    // The settings as numbers, or null (and the offending box marked) if one is invalid.
    settings() {
      const read = (key, ok) => {
        const box = this.el(key);
        const v = Number(box.value);
        const valid = box.value.trim() !== "" && Number.isFinite(v) && ok(v);
        box.setAttribute("aria-invalid", valid ? "false" : "true");
        return valid ? v : null;
      };
      const out = {
        lr: read("lr", (v) => v > 0 && v <= 10),
        adaptive_lr: read("adaptive_lr", (v) => v > 0 && v <= 10),
        steps: read("steps", (v) => Number.isInteger(v) && v >= 1 && v <= 2000),
        beta: read("beta", (v) => v >= 0 && v < 1),
        x0: read("x0", () => true),
        y0: read("y0", () => true),
      };
      return Object.values(out).includes(null) ? null : out;
    }

    computePaths() {
      const st = this.settings();
      if (!st) return null;
      const s = this.surface;
      const [f, grad] = NS.port.SURFACES[s.name];
      return this.data.optimizers
        .filter((o) => this.root.querySelector(`[data-lx-optimizer='${o.name}']`).checked)
        .map((o) => {
          const lr = o.adaptive ? st.adaptive_lr : st.lr;
          const run = NS.port.trajectory(s, o.name, lr, st.steps, [st.x0, st.y0], st.beta, this.data.escape);
          const end = run.path[run.path.length - 1];
          const g = grad(end[0], end[1]);
          const dist = s.minima.length
            ? Math.min(...s.minima.map((m) => Math.hypot(end[0] - m[0], end[1] - m[1]))) : NaN;
          return { ...o, lr, ...run, steps: run.path.length - 1, end, loss: f(end[0], end[1]),
                   gradNorm: Math.hypot(g[0], g[1]), dist, f, settings: st };
        });
    }

    verdict(p) {
      const size = Math.max(this.surface.xlim[1] - this.surface.xlim[0], this.surface.ylim[1] - this.surface.ylim[0]);
      if (p.escaped) return this.surface.minima.length ? `diverged (left the region at step ${p.steps})`
        : `ran off downhill (left the region at step ${p.steps}; the surface has no minimum)`;
      if (p.dist < 0.01 * size) return "reached a global minimum";
      if (p.gradNorm < 1e-3) return "stuck where the gradient vanishes (a local minimum or saddle)";
      return "still moving";
    }

    theme() {
      const probe = document.createElement("span");
      probe.style.color = "var(--md-default-fg-color)";
      this.root.appendChild(probe);
      const fg = getComputedStyle(probe).color;
      probe.style.color = "var(--md-default-fg-color--lightest)";
      const grid = getComputedStyle(probe).color;
      probe.remove();
      const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
      return { fg, grid, dark, font: getComputedStyle(this.root).fontFamily, halo: dark ? "#000" : "#fff" };
    }

    bandIndex(z) {
      let i = 0;
      for (const level of this.surface.levels) if (z >= level) i++;
      return i;
    }

    // The filled contours of the surface's grid, `width` x `height` pixels (bilinear
    // interpolation, equal-area bands); the last one drawn of each surface is kept.
    bandImage(width, height) {
      const s = this.surface;
      const kept = this.images[s.name];
      if (kept && kept.width === width && kept.height === height) return kept;
      const n = s.x.length;
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d");
      const img = ctx.createImageData(width, height);
      const colours = this.data.bands.map(hexToRgb);
      for (let r = 0; r < height; r++) {
        const v = ((height - 1 - r) / Math.max(height - 1, 1)) * (n - 1);
        const j = Math.min(Math.floor(v), n - 2);
        const ty = v - j;
        for (let c = 0; c < width; c++) {
          const u = (c / Math.max(width - 1, 1)) * (n - 1);
          const i = Math.min(Math.floor(u), n - 2);
          const tx = u - i;
          const z = (1 - ty) * ((1 - tx) * s.z[j * n + i] + tx * s.z[j * n + i + 1])
            + ty * ((1 - tx) * s.z[(j + 1) * n + i] + tx * s.z[(j + 1) * n + i + 1]);
          const rgb = colours[Math.min(this.bandIndex(z), colours.length - 1)];
          const o = 4 * (r * width + c);
          img.data.set(rgb, o);
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      return (this.images[s.name] = canvas);
    }

    defaultCamera() {
      return { eye: { x: 1.35, y: -1.5, z: 1.6 }, center: { x: 0, y: 0, z: -0.15 }, up: { x: 0, y: 0, z: 1 } };
    }

    colourscale() {
      const bands = this.data.bands.slice(0, this.surface.levels.length + 1);
      const n = bands.length;
      return { n, scale: bands.flatMap((c, i) => [[i / n, c], [(i + 1) / n, c]]) };
    }

    traces3d(paths, theme) {
      const s = this.surface;
      const n = s.x.length;
      const rows = [];
      const colour = [];
      for (let j = 0; j < n; j++) {
        rows.push(s.z.slice(j * n, (j + 1) * n));
        colour.push(rows[j].map((z) => this.bandIndex(z) + 0.5));
      }
      const zs = s.z;
      const zmin = Math.min(...zs);
      const zmax = Math.max(...zs);
      const lift = 0.01 * (zmax - zmin);
      const { n: bands, scale } = this.colourscale();
      const traces = [{
        type: "surface", x: s.x, y: s.y, z: rows, surfacecolor: colour, cmin: 0, cmax: bands,
        colorscale: scale, showscale: false, opacity: 0.85,
        lighting: { ambient: 0.75, diffuse: 0.45, specular: 0.05, roughness: 0.9 },
        hovertemplate: "x %{x:.2f}<br>y %{y:.2f}<br>f %{z:.3g}<extra></extra>",
      }];
      const z = (p) => p.path.map(([x, y]) => Math.min(Math.max(p.f(x, y), zmin), zmax) + lift);
      const clip = (p) => p.path.map(([x, y]) =>
        x < s.xlim[0] || x > s.xlim[1] || y < s.ylim[0] || y > s.ylim[1] ? null : [x, y]);
      for (const p of paths) {
        const kept = clip(p);
        const xs = kept.map((q) => (q ? q[0] : null));
        const ys = kept.map((q) => (q ? q[1] : null));
        traces.push({ type: "scatter3d", mode: "lines", x: xs, y: ys, z: z(p), hoverinfo: "skip",
                      line: { color: theme.halo, width: 9 }, showlegend: false });
        traces.push({ type: "scatter3d", mode: "lines", x: xs, y: ys, z: z(p), name: p.label,
                      line: { color: p.colour, width: 5 },
                      hovertemplate: `${p.label}<br>x %{x:.3f}<br>y %{y:.3f}<extra></extra>` });
      }
      const st = paths.length ? paths[0].settings : null;
      if (st) {
        const f = NS.port.SURFACES[s.name][0];
        traces.push({ type: "scatter3d", mode: "markers", x: [st.x0], y: [st.y0],
                      z: [Math.min(Math.max(f(st.x0, st.y0), zmin), zmax) + lift], name: "start",
                      marker: { size: 6, color: "#fff", line: { color: "#000", width: 2 } },
                      hovertemplate: "start<extra></extra>" });
      }
      return { traces, zmin, zmax };
    }

    // The contour map: a canvas (bands, paths, markers) under SVG axes whose text takes
    // the page's colours from CSS. No library: it is drawn as soon as the data are parsed.
    setup2d() {
      const view = this.el("view2d");
      this.canvas = document.createElement("canvas");
      this.axes = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      this.axes.setAttribute("class", "lx-axes");
      this.tip = document.createElement("div");
      this.tip.className = "lx-tip";
      this.tip.hidden = true;
      for (const part of [this.canvas, this.axes, this.tip]) part.setAttribute("aria-hidden", "true");
      view.replaceChildren(this.canvas, this.axes, this.tip);
      const resized = new ResizeObserver(() => {
        const f = this.frame2d;
        if (this.paths && f && (f.W !== view.clientWidth || f.H !== view.clientHeight)) this.draw2d();
      });
      resized.observe(view);
      this.cleanups.push(() => resized.disconnect());
      this.on(view, "pointermove", (event) => this.hover2d(event));
      this.on(view, "pointerleave", () => (this.tip.hidden = true));
    }

    // The plotting box in the view's pixels (equal scales on x and y, centred), with the
    // maps between data and pixels.
    frame() {
      const s = this.surface;
      const view = this.el("view2d");
      const W = view.clientWidth;
      const H = view.clientHeight;
      const m = { l: 46, r: 10, t: 8, b: 40 };
      const sx = s.xlim[1] - s.xlim[0];
      const sy = s.ylim[1] - s.ylim[0];
      const w = Math.max(20, Math.min(W - m.l - m.r, ((H - m.t - m.b) * sx) / sy));
      const h = (w * sy) / sx;
      const left = m.l + Math.max(0, (W - m.l - m.r - w) / 2);
      const top = m.t + Math.max(0, (H - m.t - m.b - h) / 2);
      return { W, H, left, top, w, h,
               px: (x) => left + ((x - s.xlim[0]) / sx) * w, py: (y) => top + ((s.ylim[1] - y) / sy) * h,
               x: (px) => s.xlim[0] + ((px - left) / w) * sx, y: (py) => s.ylim[1] - ((py - top) / h) * sy };
    }

    draw2d() {
      const s = this.surface;
      const f = (this.frame2d = this.frame());
      const halo = this.theme().halo;
      const dpr = window.devicePixelRatio || 1;
      const canvas = this.canvas;
      canvas.width = Math.round(f.W * dpr);
      canvas.height = Math.round(f.H * dpr);
      canvas.style.width = `${f.W}px`;
      canvas.style.height = `${f.H}px`;
      const ctx = canvas.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.drawImage(this.bandImage(Math.round(f.w * dpr), Math.round(f.h * dpr)), f.left, f.top, f.w, f.h);
      ctx.save();
      ctx.beginPath();
      ctx.rect(f.left, f.top, f.w, f.h);
      ctx.clip();
      ctx.lineJoin = ctx.lineCap = "round";
      const dot = (x, y, r) => {
        ctx.beginPath();
        ctx.arc(f.px(x), f.py(y), r, 0, 2 * Math.PI);
      };
      for (const p of this.paths) {
        for (const [colour, width] of [[halo, 5], [p.colour, 2.5]]) {
          ctx.beginPath();
          p.path.forEach(([x, y], k) => ctx[k ? "lineTo" : "moveTo"](f.px(x), f.py(y)));
          ctx.strokeStyle = colour;
          ctx.lineWidth = width;
          ctx.stroke();
        }
        ctx.fillStyle = p.colour;
        for (const [x, y] of p.path) {
          dot(x, y, 2);
          ctx.fill();
        }
      }
      ctx.fillStyle = "#fff";
      ctx.strokeStyle = "#000";
      for (const [x, y] of s.minima) { // a five-pointed star
        ctx.beginPath();
        for (let k = 0; k < 10; k++) {
          const r = k % 2 ? 3 : 7.5;
          const a = (k * Math.PI) / 5;
          ctx.lineTo(f.px(x) + r * Math.sin(a), f.py(y) - r * Math.cos(a));
        }
        ctx.closePath();
        ctx.lineWidth = 1.5;
        ctx.fill();
        ctx.stroke();
      }
      const st = this.start2d();
      if (st) {
        dot(st[0], st[1], 5.5);
        ctx.lineWidth = 2;
        ctx.fill();
        ctx.stroke();
      }
      ctx.restore();
      this.drawAxes(f);
      // What is drawn, in data coordinates (read by the browser tests).
      this.el("view2d").lxPaths = this.paths.map((p) => ({ label: p.label, path: p.path }));
    }

    start2d() {
      const st = this.paths.length ? this.paths[0].settings : this.settings();
      return st ? [st.x0, st.y0] : null;
    }

    drawAxes(f) {
      const s = this.surface;
      const bottom = f.top + f.h;
      let svg = `<rect class="lx-frame" x="${f.left}" y="${f.top}" width="${f.w}" height="${f.h}"/>`;
      for (const t of ticks(s.xlim)) {
        const x = f.px(t);
        svg += `<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}"/>`
          + `<text x="${x}" y="${bottom + 19}" text-anchor="middle">${tickLabel(t)}</text>`;
      }
      for (const t of ticks(s.ylim)) {
        const y = f.py(t);
        svg += `<line x1="${f.left - 5}" y1="${y}" x2="${f.left}" y2="${y}"/>`
          + `<text x="${f.left - 8}" y="${y}" dy="0.35em" text-anchor="end">${tickLabel(t)}</text>`;
      }
      svg += `<text x="${f.left + f.w / 2}" y="${bottom + 35}" text-anchor="middle" font-style="italic">x</text>`
        + `<text x="${Math.max(10, f.left - 38)}" y="${f.top + f.h / 2}" dy="0.35em" text-anchor="middle" font-style="italic">y</text>`;
      if (svg === this.axesDrawn) return; // the text's colours follow CSS: nothing to redo
      this.axesDrawn = svg;
      this.axes.setAttribute("viewBox", `0 0 ${f.W} ${f.H}`);
      this.axes.setAttribute("width", f.W);
      this.axes.setAttribute("height", f.H);
      this.axes.innerHTML = svg;
    }

    // A tooltip: the nearest drawn point (a step, a minimum, the start), else the height.
    hover2d(event) {
      const f = this.frame2d;
      if (!f || !this.paths) return;
      const box = this.el("view2d").getBoundingClientRect();
      const mx = event.clientX - box.left;
      const my = event.clientY - box.top;
      let text = null;
      let best = 64; // (8 px)^2
      const near = (x, y, say) => {
        const d = (f.px(x) - mx) ** 2 + (f.py(y) - my) ** 2;
        if (d < best) [best, text] = [d, say];
      };
      const at = (x, y) => `x ${fmt(x)}, y ${fmt(y)}`;
      const st = this.start2d();
      if (st) near(st[0], st[1], () => `start\n${at(st[0], st[1])}`);
      for (const [x, y] of this.surface.minima) near(x, y, () => `global minimum\n${at(x, y)}`);
      for (const p of this.paths) p.path.forEach(([x, y], k) => near(x, y, () => `${p.label}, step ${k}\n${at(x, y)}`));
      const inside = mx >= f.left && mx <= f.left + f.w && my >= f.top && my <= f.top + f.h;
      if (!text && !inside) {
        this.tip.hidden = true;
        return;
      }
      const [x, y] = [f.x(mx), f.y(my)];
      this.tip.textContent = text ? text() : `${at(x, y)}\nf ${fmt(NS.port.SURFACES[this.surface.name][0](x, y))}`;
      this.tip.hidden = false;
      this.tip.style.left = `${Math.min(mx + 12, f.W - this.tip.offsetWidth - 2)}px`;
      this.tip.style.top = `${my + 16 + this.tip.offsetHeight > f.H ? my - 8 - this.tip.offsetHeight : my + 16}px`;
    }

    draw3d(paths, theme) {
      const s = this.surface;
      const view3d = this.el("view3d");
      const axis = { color: theme.fg, gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid, nticks: 5 };
      const { traces, zmin, zmax } = this.traces3d(paths, theme);
      const ratio = (s.ylim[1] - s.ylim[0]) / (s.xlim[1] - s.xlim[0]);
      const layout = {
        font: { color: theme.fg, family: theme.font, size: 13 }, paper_bgcolor: "rgba(0,0,0,0)",
        margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false,
        uirevision: s.name, hoverlabel: { font: { family: theme.font } },
        scene: {
          xaxis: { ...axis, title: { text: "x" }, range: s.xlim, showbackground: false },
          yaxis: { ...axis, title: { text: "y" }, range: s.ylim, showbackground: false },
          zaxis: { ...axis, title: { text: "f" }, range: [zmin, zmax], showbackground: false },
          aspectmode: "manual", aspectratio: { x: 1, y: ratio, z: 0.6 }, dragmode: "turntable",
          camera: this.camera || this.defaultCamera(),
        },
      };
      const config = { displayModeBar: false, responsive: true, scrollZoom: true };
      return this.Plotly.react(view3d, traces, layout, config).then(() => {
        if (!this.relayoutBound) {
          this.relayoutBound = true;
          view3d.on("plotly_relayout", (event) => {
            if (event["scene.camera"]) this.camera = event["scene.camera"];
          });
        }
        view3d.querySelectorAll("canvas").forEach((c) => {
          c.setAttribute("role", "img");
          c.setAttribute("aria-label", `3-D surface of ${s.title} with the optimizers' paths`);
        });
      });
    }

    // Both views: the contour map at once, the 3-D view once Plotly is here (or known
    // impossible). data-draws counts completed draws of both; data-ready says the first.
    draw() {
      const paths = this.computePaths();
      if (paths === null) {
        this.say("A setting is out of range (the box is marked invalid): the paths are not redrawn.");
        return;
      }
      this.paths = paths;
      this.draw2d();
      this.describe(paths);
      if (!this.ready3d) return;
      const drawn = this.Plotly ? this.draw3d(paths, this.theme()) : Promise.resolve();
      drawn.then(() => {
        this.root.dataset.draws = String(Number(this.root.dataset.draws || 0) + 1);
        if (this.rendered) return;
        this.rendered = true;
        afterPaint(() => {
          this.root.dataset.firstRender = String(performance.now());
          this.root.dataset.ready = "yes";
          this.root.dispatchEvent(new CustomEvent("lossnotes:explorer-rendered", { bubbles: true }));
        });
      });
    }

    update() {
      if (this.pending) return;
      this.pending = requestAnimationFrame(() => {
        this.pending = null;
        this.draw();
      });
    }

    describe(paths) {
      const s = this.surface;
      const st = paths.length ? paths[0].settings : null;
      const body = this.el("table");
      body.replaceChildren(...paths.map((p) => {
        const row = document.createElement("tr");
        const cells = [p.label, String(p.steps), `(${fmt(p.end[0])}, ${fmt(p.end[1])})`,
                       fmt(p.loss), s.minima.length ? fmt(p.dist) : "none", this.verdict(p)];
        cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) {
            cell.scope = "row";
            const swatch = document.createElement("span");
            swatch.className = "lx-swatch";
            swatch.style.setProperty("--lx-colour", p.colour);
            swatch.setAttribute("aria-hidden", "true");
            cell.append(swatch);
          }
          cell.append(text);
          row.append(cell);
        });
        return row;
      }));
      const where = st ? `from (${fmt(st.x0)}, ${fmt(st.y0)}), ${st.steps} steps` : "";
      const text = paths.length
        ? `${s.title}, ${where}. ` + paths.map((p) => `${p.label}: ${this.verdict(p)}, loss ${fmt(p.loss)}`
          + (s.minima.length && !p.escaped ? `, ${fmt(p.dist)} from the nearest global minimum` : "")).join("; ") + "."
        : `${s.title}: no optimizer selected.`;
      this.say(text);
    }

    say(text) {
      // The live region is updated after the reader pauses, not on every slider tick.
      clearTimeout(this.sayTimer);
      this.sayTimer = setTimeout(() => (this.el("status").textContent = text), 250);
    }

    setCamera(camera) {
      this.camera = camera;
      if (this.Plotly && this.webgl) this.Plotly.relayout(this.el("view3d"), { "scene.camera": camera });
    }

    key3d(event) {
      const cam = JSON.parse(JSON.stringify(this.camera || this.defaultCamera()));
      const { x, y, z } = cam.eye;
      const r = Math.hypot(x, y);
      let angle = Math.atan2(y, x);
      let height = z;
      let scale = 1;
      const step = Math.PI / 18;
      if (event.key === "ArrowLeft") angle -= step;
      else if (event.key === "ArrowRight") angle += step;
      else if (event.key === "ArrowUp") height += 0.2;
      else if (event.key === "ArrowDown") height -= 0.2;
      else if (event.key === "+" || event.key === "=") scale = 0.85;
      else if (event.key === "-" || event.key === "_") scale = 1 / 0.85;
      else return;
      event.preventDefault();
      cam.eye = { x: scale * r * Math.cos(angle), y: scale * r * Math.sin(angle), z: scale * height };
      this.setCamera(cam);
    }

    key2d(event) {
      const s = this.surface;
      const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      const x0 = this.el("x0");
      const y0 = this.el("y0");
      const dx = (s.xlim[1] - s.xlim[0]) / 40;
      const dy = (s.ylim[1] - s.ylim[0]) / 40;
      x0.value = fmt(Number(x0.value) + move[0] * dx, 4);
      y0.value = fmt(Number(y0.value) + move[1] * dy, 4);
      this.update();
    }

    click2d(event) {
      const f = this.frame2d;
      if (!f) return;
      const box = this.el("view2d").getBoundingClientRect();
      const px = event.clientX - box.left;
      const py = event.clientY - box.top;
      if (px < f.left || py < f.top || px > f.left + f.w || py > f.top + f.h) return;
      this.el("x0").value = fmt(f.x(px), 4);
      this.el("y0").value = fmt(f.y(py), 4);
      this.update();
    }

    destroy() {
      this.cleanups.forEach((undo) => undo());
      clearTimeout(this.sayTimer);
      if (this.Plotly && this.el("view3d")) this.Plotly.purge(this.el("view3d"));
    }
  }

  if (!NS.boot) define(script ? script.src : document.baseURI);
  NS.boot();
})();
