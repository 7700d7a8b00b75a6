// Render TeX with the KaTeX served from this site. Material's instant navigation
// swaps page content without a reload, so render on every document$ emission.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
  // A formula wider than the column scrolls; keyboard users must be able to reach it.
  body.querySelectorAll(".katex-display").forEach((formula) => {
    if (formula.scrollWidth > formula.clientWidth) formula.tabIndex = 0;
  });
});
