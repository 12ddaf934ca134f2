/* Mallipankki: progressive enhancement only. Without this file every page
   works as is; with it, the main menu folds behind a button on narrow
   screens (see .js rules in site.css). */
(function () {
  "use strict";

  var nav = document.getElementById("main-nav");
  var list = document.getElementById("main-nav-list");
  if (!nav || !list || !("classList" in nav)) {
    return;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "main-nav__toggle";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "main-nav-list");

  var icon = document.createElement("span");
  icon.className = "main-nav__toggle-icon";
  icon.setAttribute("aria-hidden", "true");
  button.appendChild(icon);
  button.appendChild(document.createTextNode(nav.getAttribute("data-toggle-label") || "Valikko"));

  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      button.setAttribute("aria-expanded", "false");
      nav.classList.remove("is-open");
      button.focus();
    }
  });

  list.parentNode.insertBefore(button, list);
  document.documentElement.classList.add("js");
})();
