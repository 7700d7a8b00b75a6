/* The terrain explorer: a 3-D surface (Plotly, served from this site and loaded only by
   this page) and a contour map of the same surface, with optimizer paths the reader
   steers. The surfaces' grids and colour bands come from lossnotes at build time (the
   JSON in the page); paths are recomputed here by port.js.

   Material's instant navigation re-runs the scripts of a page's content each time the
   page is shown, so this file may run many times: it defines its functions once, and
   every run sets up the explorers of the current page and frees those of pages left. */
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
          tag.onload = () => resolve(window.Plotly);
          tag.onerror = () => {
            NS.plotlyPromise = null;
            reject(new Error("could not load " + PLOTLY));
          };
          document.head.appendChild(tag);
        });
      }
      return NS.plotlyPromise;
    };

    NS.boot = function () {
      // Free the explorers of pages that instant navigation has replaced (WebGL contexts).
      NS.instances = NS.instances.filter((inst) => {
        if (document.body.contains(inst.root)) return true;
        inst.destroy();
        return false;
      });
      document.querySelectorAll("[data-lossnotes-explorer]").forEach((root) => {
        if (root.dataset.ready) return;
        root.dataset.ready = "starting";
        const inst = new Explorer(root);
        NS.instances.push(inst);
        inst.start();
      });
    };
    // Belt and braces: should a theme version stop re-running content scripts.
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(() => NS.boot());
    }
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

  class Explorer {
    constructor(root) {
      this.root = root;
      this.data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
      NS.data = this.data;
      this.surfaces = Object.fromEntries(this.data.surfaces.map((s) => [s.name, s]));
      this.el = (name) => root.querySelector(`[data-lx='${name}']`);
      this.images = {};
      this.cleanups = [];
      this.webgl = webglAvailable();
      this.rendered = false;
    }

    start() {
      this.bindControls();
      this.applySurface(this.el("surface").value);
      NS.loadPlotly().then(
        (Plotly) => {
          if (!document.body.contains(this.root)) return;
          this.Plotly = Plotly;
          this.draw(true);
        },
        (error) => this.say("The figure could not load: " + error.message),
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
        this.draw(false);
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
        this.draw(false);
      });
      this.on(s("reset_view"), "click", () => this.setCamera(this.defaultCamera()));
      this.on(s("view3d"), "keydown", (event) => this.key3d(event));
      this.on(s("view2d"), "keydown", (event) => this.key2d(event));
      this.on(s("view2d"), "click", (event) => this.click2d(event));
      // Follow the reader's colour scheme (Material sets it on <body>).
      const observer = new MutationObserver(() => this.Plotly && this.update());
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
      this.renderFormula();
    }

    // KaTeX is loaded by the site's own scripts, after the content on a first visit.
    renderFormula() {
      const formula = this.el("formula");
      const tex = `f(x, y) = ${this.surface.formula}`;
      if (window.katex) {
        window.katex.render(tex, formula, { throwOnError: false });
      } else {
        formula.textContent = this.surface.title;
        if (!this.waitingForKatex) {
          this.waitingForKatex = true;
          const later = () => window.katex && this.renderFormula();
          if (document.readyState === "loading") this.on(document, "DOMContentLoaded", later, { once: true });
          else this.on(window, "load", later, { once: true });
        }
      }
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

    // The filled-contour image of the surface's grid (bilinear interpolation, equal-area bands).
    bandImage() {
      const s = this.surface;
      if (this.images[s.name]) return this.images[s.name];
      const n = s.x.length;
      const width = 360;
      const ratio = (s.ylim[1] - s.ylim[0]) / (s.xlim[1] - s.xlim[0]);
      const height = Math.round(width * ratio);
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d");
      const img = ctx.createImageData(width, height);
      const colours = this.data.bands.map(hexToRgb);
      for (let r = 0; r < height; r++) {
        const v = ((height - 1 - r) / (height - 1)) * (n - 1);
        const j = Math.min(Math.floor(v), n - 2);
        const ty = v - j;
        for (let c = 0; c < width; c++) {
          const u = (c / (width - 1)) * (n - 1);
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
      return (this.images[s.name] = canvas.toDataURL("image/png"));
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

    traces2d(paths, theme) {
      const s = this.surface;
      const traces = [];
      for (const p of paths) {
        const xs = p.path.map((q) => q[0]);
        const ys = p.path.map((q) => q[1]);
        traces.push({ type: "scatter", mode: "lines", x: xs, y: ys, hoverinfo: "skip",
                      line: { color: theme.halo, width: 5 }, showlegend: false });
        traces.push({ type: "scatter", mode: "lines+markers", x: xs, y: ys, name: p.label,
                      line: { color: p.colour, width: 2.5 }, marker: { color: p.colour, size: 4 },
                      hovertemplate: `${p.label}, step %{pointNumber}<br>x %{x:.3f}, y %{y:.3f}<extra></extra>` });
      }
      if (s.minima.length) {
        traces.push({ type: "scatter", mode: "markers", x: s.minima.map((m) => m[0]), y: s.minima.map((m) => m[1]),
                      name: "global minimum", marker: { symbol: "star", size: 14, color: "#fff", line: { color: "#000", width: 1.5 } },
                      hovertemplate: "global minimum (%{x:.3f}, %{y:.3f})<extra></extra>" });
      }
      const st = paths.length ? paths[0].settings : this.settings();
      if (st) {
        traces.push({ type: "scatter", mode: "markers", x: [st.x0], y: [st.y0], name: "start",
                      marker: { size: 11, color: "#fff", line: { color: "#000", width: 2 } },
                      hovertemplate: "start (%{x:.3f}, %{y:.3f})<extra></extra>" });
      }
      return traces;
    }

    draw(first) {
      if (!this.Plotly) return;
      const paths = this.computePaths();
      if (paths === null) {
        this.say("A setting is out of range (the box is marked invalid): the paths are not redrawn.");
        return;
      }
      this.paths = paths;
      const theme = this.theme();
      const s = this.surface;
      const axis = { color: theme.fg, gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid, nticks: 5 };
      const font = { color: theme.fg, family: theme.font, size: 13 };
      const config = { displayModeBar: false, responsive: true, scrollZoom: true };
      const view3d = this.el("view3d");
      const draw3d = () => {
        if (!this.webgl) {
          if (first) {
            view3d.textContent = "Your browser offers no WebGL, so the 3-D view is not drawn; "
              + "the contour map shows the same paths.";
            view3d.classList.add("lx-nowebgl");
          }
          return null;
        }
        const { traces, zmin, zmax } = this.traces3d(paths, theme);
        const ratio = (s.ylim[1] - s.ylim[0]) / (s.xlim[1] - s.xlim[0]);
        const layout = {
          font, paper_bgcolor: "rgba(0,0,0,0)", margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false,
          uirevision: s.name, hoverlabel: { font: { family: theme.font } },
          scene: {
            xaxis: { ...axis, title: { text: "x" }, range: s.xlim, showbackground: false },
            yaxis: { ...axis, title: { text: "y" }, range: s.ylim, showbackground: false },
            zaxis: { ...axis, title: { text: "f" }, range: [zmin, zmax], showbackground: false },
            aspectmode: "manual", aspectratio: { x: 1, y: ratio, z: 0.6 }, dragmode: "turntable",
            camera: this.camera || this.defaultCamera(),
          },
        };
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
      };
      const layout2d = {
        font, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)", showlegend: false,
        margin: { l: 46, r: 10, t: 8, b: 40 }, dragmode: false, hovermode: "closest", uirevision: s.name,
        xaxis: { ...axis, title: { text: "x" }, range: s.xlim, fixedrange: true, showgrid: false,
                 zeroline: false, constrain: "domain", ticks: "outside", mirror: true, showline: true },
        yaxis: { ...axis, title: { text: "y" }, range: s.ylim, fixedrange: true, showgrid: false,
                 zeroline: false, scaleanchor: "x", scaleratio: 1, constrain: "domain",
                 ticks: "outside", mirror: true, showline: true },
        images: [{ source: this.bandImage(), xref: "x", yref: "y", x: s.xlim[0], y: s.ylim[1],
                   sizex: s.xlim[1] - s.xlim[0], sizey: s.ylim[1] - s.ylim[0], sizing: "stretch",
                   layer: "below" }],
      };
      // The contour map first: it is quick, and the browser paints it while WebGL starts.
      const contour = this.Plotly.react(this.el("view2d"), this.traces2d(paths, theme), layout2d, config);
      this.describe(paths);
      contour
        .then(() => {
          if (!first) return null;
          this.root.dataset.firstView = String(performance.now());
          return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        })
        .then(draw3d)
        .then(() => {
          this.root.dataset.draws = String(Number(this.root.dataset.draws || 0) + 1);
          if (!this.rendered) {
            this.rendered = true;
            this.root.dataset.ready = "yes";
            this.root.dataset.firstRender = String(performance.now());
            this.root.dispatchEvent(new CustomEvent("lossnotes:explorer-rendered", { bubbles: true }));
          }
        });
    }

    update() {
      if (this.pending) return;
      this.pending = requestAnimationFrame(() => {
        this.pending = null;
        this.draw(false);
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
      const full = this.el("view2d")._fullLayout;
      if (!full) return;
      const xa = full.xaxis;
      const ya = full.yaxis;
      const box = this.el("view2d").getBoundingClientRect();
      const px = event.clientX - box.left - xa._offset;
      const py = event.clientY - box.top - ya._offset;
      if (px < 0 || py < 0 || px > xa._length || py > ya._length) return;
      const x = xa.range[0] + (px / xa._length) * (xa.range[1] - xa.range[0]);
      const y = ya.range[1] - (py / ya._length) * (ya.range[1] - ya.range[0]);
      this.el("x0").value = fmt(x, 4);
      this.el("y0").value = fmt(y, 4);
      this.update();
    }

    destroy() {
      this.cleanups.forEach((undo) => undo());
      clearTimeout(this.sayTimer);
      if (this.Plotly) {
        for (const view of [this.el("view3d"), this.el("view2d")]) if (view) this.Plotly.purge(view);
      }
    }
  }

  if (!NS.boot) define(script ? script.src : document.baseURI);
  NS.boot();
})();
