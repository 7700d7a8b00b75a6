// Formulas are typeset at build time. A display formula or a table wider than the
// column scrolls inside itself (lossnotes.css, Material), so keyboard users must be
// able to reach it: a region that overflows gets tabindex=0, one that fits loses it.
// A ResizeObserver reports after layout, so checking forces no extra layout (reading
// scrollWidth on load was a 150-280 ms task for a long page on a throttled phone).
// It fires when a formula's fonts arrive, when the window is resized, and once on
// observing, which also covers tables Material wraps in a scroller after load.
(() => {
  const SCROLLERS = ".katex-display, .md-typeset__scrollwrap, .lossnotes-table";
  // What grows when fonts arrive: a formula's boxes (.katex itself is a full-width
  // block, whose size does not change) and a table.
  const CONTENT = ".katex-display .base, article table";
  const watched = new WeakSet();
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const region = target.matches(SCROLLERS) ? target : target.parentElement.closest(SCROLLERS);
      if (!region) continue;
      if (!watched.has(region)) { watched.add(region); observer.observe(region); }
      if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
      else region.removeAttribute("tabindex");
    }
  });
  document$.subscribe(() => {
    observer.disconnect();
    document.querySelectorAll(CONTENT).forEach((content) => observer.observe(content));
  });
})();
