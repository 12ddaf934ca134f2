/* Mallipankki: a form on a page that is cached for everyone (the region
   page's "Pyydä tukea") carries no CSRF token of its own. With JavaScript,
   this fetches the visitor's token before they send it, so the form goes
   through at once; without it, the server asks the visitor to check and
   send again (regions/views.py, support). */
(function () {
  "use strict";

  if (!window.fetch) {
    return;
  }
  var forms = document.querySelectorAll("form[data-csrf-url]");
  Array.prototype.forEach.call(forms, function (form) {
    if (form.querySelector("input[name=csrfmiddlewaretoken]")) {
      return;
    }
    fetch(form.getAttribute("data-csrf-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || !data.csrf) {
          return;
        }
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "csrfmiddlewaretoken";
        input.value = data.csrf;
        form.appendChild(input);
      })
      .catch(function () {
        /* The server-side confirmation step still works. */
      });
  });
})();
