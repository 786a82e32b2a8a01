/*
 * Loads the reach calculator (reichweitenrechner.js, an ES module) on pages that have one.
 *
 * Included on every page by mkdocs.yml (extra_javascript), so it also works with Material's
 * instant navigation: it listens to Material's document$, which emits for every page shown.
 * On all other pages it costs these few lines, not the calculator.
 *
 * A classic script on purpose: browsers refuse ES modules from file:// (the offline package
 * opened from disk). There it does nothing, and the page keeps its build-time tables and its
 * note that the calculator needs JavaScript – instead of a console error on every page.
 */
(function () {
  "use strict";
  var moduleUrl = new URL("reichweitenrechner.js", document.currentScript.src).href;
  var loading = false;

  function load() {
    if (loading || window.location.protocol === "file:") return;
    if (!document.querySelector("[data-smm-rechner]")) return;
    loading = true;
    // The module mounts itself (and on later pages through its own document$ subscription).
    import(moduleUrl).catch(function (error) {
      loading = false;
      console.error("Reichweitenrechner konnte nicht geladen werden:", error);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(load);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load, { once: true });
  } else {
    load();
  }
})();
