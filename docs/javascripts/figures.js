// Figures you can move (figures.interactive_figure), drawings loaded near the
// viewport, folded code. Every frame was drawn at build time; this swaps them. A frame
// is edits of the default frame's chunks of SVG: [i, j] copies the default's chunks
// i..j-1, a number inserts a chunk. Frames travel in a JSON script or a file (a span's
// data-src), fetched once the figure nears the viewport or is touched.
(() => {
  const load = (root) => {
    if (!root.frames) {
      const holder = root.querySelector(".lossnotes-frames");
      root.frames = holder.dataset.src
        ? fetch(holder.dataset.src).then((response) => response.json())
        : Promise.resolve(JSON.parse(holder.textContent));
    }
    return root.frames;
  };
  const rebuild = (data, panel, frame) => {
    const { base, frames } = data.panels[panel];
    const out = [];
    for (const op of frames[frame]) {
      if (Array.isArray(op)) for (let i = op[0]; i < op[1]; i++) out.push(data.chunks[base[i]]);
      else out.push(data.chunks[op]);
    }
    return out.join("");
  };
  const show = async (root) => {
    const inputs = [...root.querySelectorAll("input[type=range]")];
    const ticket = (root.ticket = (root.ticket || 0) + 1);
    const data = await load(root);
    if (ticket !== root.ticket) return; // a newer move is coming
    let frame = 0;
    inputs.forEach((input, axis) => {
      const index = Number(input.value);
      frame = frame * data.sizes[axis] + index;
      input.setAttribute("aria-valuetext", data.shown[axis][index]);
      input.parentElement.querySelector("output").value = data.shown[axis][index];
    });
    root.querySelectorAll(".lossnotes-panels svg").forEach((svg, panel) => {
      svg.innerHTML = rebuild(data, panel, frame);
    });
    root.querySelector(".lossnotes-frame-text").textContent = data.texts[frame];
    root.dataset.frame = String(frame);
  };
  const near = new IntersectionObserver(
    (entries) => entries.forEach((entry) => entry.isIntersecting && load(entry.target)),
    { rootMargin: "400px" },
  );
  const setUp = (root) => {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    root.querySelector(".lossnotes-controls").hidden = false;
    root.addEventListener("input", () => show(root));
    for (const event of ["pointerdown", "focusin"]) root.addEventListener(event, () => load(root));
    near.observe(root);
  };
  // Drawings (assets/figures.py) load within a screen of the viewport: a browser lays
  // out a <use>d file as soon as it has its address.
  const draw = (use) => {
    use.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", use.dataset.src);
    delete use.dataset.src;
  };
  const waiting = () => [...document.querySelectorAll(".lossnotes-lazy use[data-src]")];
  const nearing = new IntersectionObserver(
    (entries) => entries.forEach((entry) => {
      if (!entry.isIntersecting) return;
      nearing.unobserve(entry.target);
      entry.target.querySelectorAll("use[data-src]").forEach(draw);
    }),
    { rootMargin: "100% 0px" },
  );
  // Folded code (outputs/folding.py): one button opens or closes every fold.
  const folds = () => [...document.querySelectorAll("details.lossnotes-code")];
  const foldControl = () => {
    const control = document.querySelector(".lossnotes-fold-all");
    if (!control) return;
    const button = control.querySelector("button");
    const label = () => {
      const open = folds().every((fold) => fold.open);
      button.textContent = open ? "Hide all code" : "Show all code";
      button.setAttribute("aria-pressed", String(open));
    };
    button.addEventListener("click", () => {
      const open = !folds().every((fold) => fold.open);
      folds().forEach((fold) => (fold.open = open));
      label();
    });
    folds().forEach((fold) => fold.addEventListener("toggle", label));
    control.hidden = false;
    label();
  };
  // Printed, every fold is open and every drawing in; then folds as the reader left them.
  let printed = [];
  addEventListener("beforeprint", () => {
    waiting().forEach(draw);
    printed = folds().filter((fold) => !fold.open);
    printed.forEach((fold) => (fold.open = true));
  });
  addEventListener("afterprint", () => printed.forEach((fold) => (fold.open = false)));
  const start = () => {
    near.disconnect(); // the previous page's figures are gone
    nearing.disconnect();
    // Instant navigation parses pages without scripting: <noscript>s hold elements.
    document.querySelectorAll(".lossnotes-figure > noscript").forEach((copy) => copy.remove());
    waiting().forEach((use) => nearing.observe(use.closest("svg")));
    document.querySelectorAll(".lossnotes-interactive").forEach(setUp);
    foldControl();
  };
  // Material's instant navigation swaps the page without reloading scripts.
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
