/*
 * Keyboard access to what Material for MkDocs 9.8.2 offers only to the mouse (WCAG 2.2 audit;
 * what is tested: docs/barrierefreiheit.md, tests/quality/test_keyboard.py). Included on every
 * page by mkdocs.yml (extra_javascript); a classic script, so it also works from file://.
 * The matching CSS is in docs/assets/css/extra.css („Keyboard, focus, tooltips“).
 *
 * 1. Navigation drawer (2.1.1, 2.4.3, 4.1.2): below Material's drawer breakpoint the menu is a
 *    <label for="__drawer"> – not focusable, no name, no state. It becomes a named <button> with
 *    aria-expanded that toggles Material's own checkbox (so Material's CSS and scripts keep
 *    working); the closed drawer is `inert`, so its links leave the Tab order. Opening moves the
 *    focus into the drawer; Esc, or Tab out of it, closes it. Without JavaScript the label stays.
 * 2. Tooltips (1.4.13): Esc hides an open tooltip without moving pointer or focus.
 * 3. Abbreviations (2.1.1): the first use of each glossary term in the text is focusable, so its
 *    tooltip (Material shows it on focus) is reachable without a mouse – once, not at every use.
 */
(function () {
  "use strict";
  // Material's drawer breakpoint (76.25em): below it the primary sidebar is an off-screen drawer.
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  function setUpDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) return;

    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " smm-menue";
    button.setAttribute("aria-label", "Navigation");
    button.setAttribute("aria-expanded", "false");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.replaceChild(button, label);

    function sync() {
      button.setAttribute("aria-expanded", String(toggle.checked));
      drawer.inert = narrow.matches && !toggle.checked;
    }
    function close(returnFocus) {
      if (toggle.checked) toggle.click(); // Material follows the checkbox's change event
      if (returnFocus) button.focus();
    }

    button.addEventListener("click", function () {
      toggle.click();
      if (!toggle.checked) return;
      var first = drawer.querySelector("a[href], [tabindex='0']");
      if (first) first.focus({ preventScroll: true });
    });
    toggle.addEventListener("change", sync);
    narrow.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && narrow.matches) {
        close(drawer.contains(document.activeElement) || document.activeElement === button);
      }
    });
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (narrow.matches && next && next !== button && !drawer.contains(next)) close(false);
    });
    sync();
  }

  function setUpTooltips() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelectorAll(".md-tooltip2--active:not(.smm-tooltip--zu)");
      Array.prototype.forEach.call(open, function (tip) {
        tip.classList.add("smm-tooltip--zu");
        // Material shows a new tooltip the next time; lift ours once it has hidden this one.
        var watch = new MutationObserver(function () {
          if (!tip.classList.contains("md-tooltip2--active")) {
            tip.classList.remove("smm-tooltip--zu");
            watch.disconnect();
          }
        });
        watch.observe(tip, { attributes: true, attributeFilter: ["class"] });
      });
    });
  }

  function focusableTerms() {
    // first use of each term outside links and buttons; one in a closed <details> only if
    // there is no other
    var chosen = {};
    var terms = document.querySelectorAll(".md-content abbr[title], .md-content abbr[tabindex]");
    Array.prototype.forEach.call(terms, function (abbr) {
      var term = abbr.textContent.trim();
      if (abbr.parentElement.closest("a, button, label, summary")) return;
      var hidden = Boolean(abbr.closest("details:not([open])"));
      var best = chosen[term];
      if (!best || (best.hidden && !hidden && !best.abbr.hasAttribute("tabindex"))) {
        chosen[term] = { abbr: abbr, hidden: hidden };
      }
    });
    Object.keys(chosen).forEach(function (term) {
      chosen[term].abbr.setAttribute("tabindex", "0");
    });
  }

  setUpDrawer();
  setUpTooltips();
  // Material's instant navigation swaps the content and emits document$ for every page shown.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(focusableTerms);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusableTerms, { once: true });
  } else {
    focusableTerms();
  }
})();
