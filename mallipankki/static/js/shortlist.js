/* Mallipankki: the muistilista, enhanced. Without this file the header link
   works, the planning results post their forms and the buttons on shared
   pages lead to a confirmation page. With it, the header shows the count,
   and every "Lisää muistilistalle" control ([data-shortlist-id]) adds and
   removes in place. The visitor's state comes from muistilista/tila.json,
   never from the page's HTML, which stays the same for everyone. */
(function () {
  "use strict";

  if (!window.fetch || !document.querySelector) {
    return;
  }
  // The addresses come from the header's [data-shortlist-count], so they carry
  // the page's language prefix (/sv/, /en/); the Finnish ones are the fallback.
  var urls = document.querySelector("[data-shortlist-count]");
  function url(key, fallback) {
    return (urls && urls.getAttribute(key)) || fallback;
  }
  var STATE_URL = url("data-state-url", "/muistilista/tila.json");
  var state = null;
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  document.body.appendChild(live);

  function text(key, fallback) {
    var holder = document.querySelector("[data-shortlist-count]");
    return (holder && holder.getAttribute(key)) || fallback;
  }

  function drawCount() {
    var holder = document.querySelector("[data-shortlist-count]");
    if (!holder || !state) {
      return;
    }
    var label = state.count === 1 ? text("data-label-one", "1 malli") : text("data-label-many", "%s mallia").replace("%s", state.count);
    holder.textContent = state.count ? " (" + label + ")" : "";
  }

  function chosen(id) {
    return state && state.chosen.indexOf(id) !== -1;
  }

  function drawControl(control) {
    var id = control.getAttribute("data-shortlist-id");
    var name = control.getAttribute("data-shortlist-name") || "";
    var button = control.querySelector("button[data-shortlist-toggle]");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary";
      button.setAttribute("data-shortlist-toggle", "");
      button.addEventListener("click", function () {
        toggle(control);
      });
      while (control.firstChild) {
        control.removeChild(control.firstChild);
      }
      control.appendChild(button);
    }
    var on = chosen(id);
    button.textContent = on ? text("data-label-remove", "Poista muistilistalta") : text("data-label-add", "Lisää muistilistalle");
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ": " + name;
    button.appendChild(hidden);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function drawAll() {
    drawCount();
    var controls = document.querySelectorAll("[data-shortlist-id]");
    for (var i = 0; i < controls.length; i++) {
      drawControl(controls[i]);
    }
  }

  function toggle(control) {
    var id = control.getAttribute("data-shortlist-id");
    var name = control.getAttribute("data-shortlist-name") || "";
    var adding = !chosen(id);
    var body = new URLSearchParams();
    body.set("malli", id);
    fetch(adding ? url("data-add-url", "/muistilista/lisaa/") : url("data-remove-url", "/muistilista/poista/"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": state.csrf, Accept: "application/json" },
      body: body
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        state.count = data.count;
        state.chosen = data.chosen;
        drawAll();
        live.textContent = (adding ? text("data-said-added", "Lisätty muistilistalle:") : text("data-said-removed", "Poistettu muistilistalta:")) + " " + name;
      })
      .catch(function () {
        live.textContent = text("data-said-failed", "Muistilistaa ei voitu päivittää. Yritä uudelleen.");
      });
  }

  fetch(STATE_URL, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      if (data) {
        state = data;
        drawAll();
      }
    })
    .catch(function () {});
})();
