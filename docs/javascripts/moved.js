// Old links to a heading that a page split moved: the old page carries a map of its
// moved anchors to their new addresses (the lossnotes plugin's moved_anchors, checked at
// build time); arriving with an anchor the page no longer has, go where it is now.
(() => {
  const follow = () => {
    const holder = document.querySelector("[data-lossnotes-moved]");
    const anchor = decodeURIComponent(location.hash.slice(1));
    if (!holder || !anchor || document.getElementById(anchor)) return;
    const target = JSON.parse(holder.dataset.lossnotesMoved)[anchor];
    if (target) location.replace(new URL(target, location.href).href);
  };
  addEventListener("hashchange", follow);
  // Material's instant navigation swaps the page without reloading scripts.
  if (typeof document$ !== "undefined") document$.subscribe(follow);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
})();
