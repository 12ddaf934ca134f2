/* /haku/ and the catalogue /mallit/: live results. Progressive enhancement only: without this file the
   form submits and the page reloads. With it, typing (after a pause), ticking
   a filter, changing the sort and paging fetch the same URL, swap the results
   and the filters in place and update the address, so every state can still
   be bookmarked and shared. The role="status" element stays in the document
   and only its text changes, so screen readers announce the new count. */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  var ids = ["search-results", "search-facets"];
  var status = document.getElementById("search-status");
  var timer = null;
  var pending = null;

  function urlOf(form) {
    var params = new URLSearchParams(new FormData(form));
    params.delete("sivu");
    if (params.get("jarjestys") === "osuvuus") {
      params.delete("jarjestys");
    }
    return form.action.split("?")[0] + "?" + params.toString();
  }

  form.classList.add("search--live");

  // history: "push" for a new state, "replace" while typing, "" on popstate.
  function load(url, history) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    document.getElementById("search-results").setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var focused = document.activeElement && document.activeElement.id;
        ids.forEach(function (id) {
          var source = next.getElementById(id);
          var target = document.getElementById(id);
          if (source && target) {
            target.innerHTML = source.innerHTML;
          }
        });
        // filter-choices.js gives the new facets their filter boxes back.
        document.dispatchEvent(new CustomEvent("search:updated"));
        status.innerHTML = next.getElementById("search-status").innerHTML;
        document.title = next.title;
        if (history === "push") {
          window.history.pushState({ search: true }, "", url);
        } else if (history === "replace") {
          window.history.replaceState({ search: true }, "", url);
        }
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
        document.getElementById("search-results").removeAttribute("aria-busy");
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.href = url;
        }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    load(urlOf(form), "push");
  });

  form.addEventListener("change", function (event) {
    // Unnamed controls (a facet's filter box) are not part of the query.
    if (event.target.name && event.target.name !== "q") {
      load(urlOf(form), "push");
    }
  });

  form.addEventListener("input", function (event) {
    if (event.target.name === "q") {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        load(urlOf(form), "replace");
      }, 400);
    }
  });

  // Paging links stay ordinary links; with JS they load in place and move
  // the reading position to the results heading.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#search-results .pagination a, .search__suggestion a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    load(link.href, "push");
    syncControls(link.href);
    document.getElementById("results-heading").scrollIntoView();
  });

  // The query box and the sort are outside the swapped regions.
  function syncControls(url) {
    var params = new URL(url, window.location.href).searchParams;
    form.elements.q.value = params.get("q") || "";
    form.elements.jarjestys.value = params.get("jarjestys") || "osuvuus";
  }

  window.addEventListener("popstate", function () {
    syncControls(window.location.href);
    load(window.location.href, "");
  });
})();
