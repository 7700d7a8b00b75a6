// Formulas are typeset at build time. One wider than the column scrolls (lossnotes.css),
// so keyboard users must reach it: checked on every page shown, when fonts load, on resize.
(() => {
  const mark = () => document.querySelectorAll(".katex-display").forEach((f) => {
    if (f.scrollWidth > f.clientWidth) f.tabIndex = 0;
    else f.removeAttribute("tabindex");
  });
  document$.subscribe(() => { mark(); document.fonts.ready.then(mark); });
  addEventListener("resize", mark);
  // For page scripts that typeset in the browser (the terrain explorer): KaTeX on first use.
  const src = new URL("../assets/katex/katex.min.js", document.currentScript.src).href;
  let loaded;
  const standIn = { render(...args) {
    loaded ||= new Promise((done, fail) => document.head.append(
      Object.assign(document.createElement("script"), { src, onload: done, onerror: fail })));
    loaded.then(() => window.katex !== standIn && window.katex.render(...args));
  } };
  window.katex ||= standIn;
})();
