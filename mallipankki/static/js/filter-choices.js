/* A filter box for a long list of checkboxes (the proposal form's 250
   countries, the search page's country facet). Progressive enhancement only:
   without this file the list is a scrolling fieldset of ordinary checkboxes
   that works by touch and keyboard. With it, typing in the box hides the
   choices that do not contain the typed text; ticked choices always stay in
   view, and a status line tells screen readers how many are shown.

   Markup: <fieldset data-filter-choices="KEY" data-filter-label="…"
   data-filter-status="{shown}/{total}"> with one <ul> of <li> choices,
   possibly folded in a <details> (public_forms/long_choices.html).
   search.js replaces the facets after each update and then fires
   "search:updated" on the document; the box is added again with the text it
   had. */
(function () {
  "use strict";

  if (!document.querySelectorAll || !("hidden" in document.documentElement)) {
    return;
  }
  var remembered = {};

  function normalise(text) {
    return text.toLocaleLowerCase("fi").replace(/\s+/g, " ").trim();
  }

  function enhance(fieldset) {
    var key = fieldset.getAttribute("data-filter-choices");
    var list = fieldset.querySelector("ul");
    if (!list || fieldset.querySelector(".choice-filter__box")) {
      return;
    }
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var id = "choice-filter-" + key;
    list.id = list.id || id + "-list";

    var box = document.createElement("div");
    box.className = "choice-filter__box";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = fieldset.getAttribute("data-filter-label") || "Suodata";
    var input = document.createElement("input");
    // No name: the filter text is never submitted with the form.
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.setAttribute("aria-controls", list.id);
    var status = document.createElement("p");
    status.className = "choice-filter__status";
    status.id = id + "-status";
    status.setAttribute("role", "status");
    input.setAttribute("aria-describedby", status.id);
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    list.parentNode.insertBefore(box, list);

    var template = fieldset.getAttribute("data-filter-status") || "{shown}/{total}";

    function apply() {
      var wanted = normalise(input.value);
      var shown = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input");
        var match = !wanted || normalise(item.textContent).indexOf(wanted) !== -1 || (box && box.checked);
        item.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = wanted ? template.replace("{shown}", shown).replace("{total}", items.length) : "";
      remembered[key] = input.value;
    }

    // A folded list's summary (public_forms/long_choices.html) names the ticked choices.
    var chosen = fieldset.querySelector(".choice-filter__chosen");
    if (chosen) {
      fieldset.addEventListener("change", function (event) {
        if (event.target.type !== "checkbox") {
          return;
        }
        var names = items
          .filter(function (item) {
            var box = item.querySelector("input");
            return box && box.checked;
          })
          .map(function (item) {
            return item.textContent.trim();
          });
        chosen.textContent =
          "(" + (names.length ? chosen.getAttribute("data-chosen") + " " + names.join(", ") : chosen.getAttribute("data-none")) + ")";
      });
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      // Enter in the filter box filters; it must not send the whole form.
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    if (remembered[key]) {
      input.value = remembered[key];
      apply();
    }
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-choices]"), enhance);
  }

  enhanceAll();
  document.addEventListener("search:updated", enhanceAll);
})();
