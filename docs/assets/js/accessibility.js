// Accessibility fixes that need the page's DOM (issue 8). Runs on every page, including pages
// reached by Material's instant navigation (document$ emits for each).
//
// Material wraps each table in a scrolling box; on a phone a wide table scrolls sideways, and a
// keyboard user can only scroll it if the box can take focus (axe: scrollable-region-focusable).
// Each box becomes a focusable region named after the table's caption or the heading above it.
document$.subscribe(function () {
  var used = {};
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    var name = "Table";
    var caption = wrap.querySelector("caption");
    if (caption) {
      name = caption.textContent.trim();
    } else {
      var headings = document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3");
      headings.forEach(function (heading) {
        if (heading.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) {
          name = "Table: " + heading.textContent.replace(/¶$/, "").trim();
        }
      });
    }
    used[name] = (used[name] || 0) + 1;
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", used[name] > 1 ? name + " (" + used[name] + ")" : name);
  });
});
