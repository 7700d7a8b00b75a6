// Formulas are typeset at build time. A display formula, a table or a code block wider
// than the column scrolls inside itself (lossnotes.css, Material), so keyboard users must
// be able to reach it: a region that overflows gets tabindex=0, one that fits loses it.
// A ResizeObserver reports after layout, so checking forces no extra layout (reading
// scrollWidth on load was a 150-280 ms task for a long page on a throttled phone).
// It fires when a formula's fonts arrive, when the window is resized, and once a block
// is first drawn: blocks far from the viewport are not drawn on load (content-visibility
// in lossnotes.css). Until a region has been measured it is focusable, so that Tab
// reaches it even before it is drawn; Material does the same check for code blocks
// when it mounts them, as they near the viewport.
(() => {
  const SCROLLERS = ".katex-display, .md-typeset__scrollwrap, .lossnotes-table";
  // What grows when fonts arrive: a formula's boxes (.katex itself is a full-width
  // block, whose size does not change) and a table.
  const CONTENT = ".katex-display .base, article table";
  const watched = new WeakSet();
  const observer = new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) {
      const region = target.matches(SCROLLERS) ? target : target.parentElement.closest(SCROLLERS);
      if (!region || !contentRect.width) continue; // not drawn yet: stays focusable
      if (!watched.has(region)) { watched.add(region); observer.observe(region); }
      if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
      else region.removeAttribute("tabindex");
    }
  });
  document$.subscribe(() => {
    observer.disconnect();
    document.querySelectorAll(SCROLLERS).forEach((region) => (region.tabIndex = 0));
    // Code blocks the theme has not mounted yet (its id marks a mounted one).
    document.querySelectorAll(".md-content pre:not([id^='__code_']) > code").forEach((code) => (code.tabIndex = 0));
    document.querySelectorAll(CONTENT).forEach((content) => observer.observe(content));
  });
})();
