/* /ehdota/: suggestions for "Pohjautuuko malli toiseen malliin".
   Progressive enhancement only. The inputs are plain text inputs tied to a
   native <datalist> (keyboard and screen-reader support come from the
   browser). A small catalogue ships every published name in the datalist;
   for a large one the server leaves it empty and this script fills it as the
   visitor types, from the open-data API's search, asking for the names in
   the page's language (lang=, which the API answers in `texts`). Without
   this file a typed name or a pasted address is still checked by the server. */
(function () {
  "use strict";

  var inputs = document.querySelectorAll("input[data-practice-picker]");
  if (!inputs.length || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var list = document.getElementById(inputs[0].getAttribute("list"));
  if (!list || list.options.length) {
    return; // the server listed every published practice already
  }
  var timer = null;
  var pending = null;
  var language = (document.documentElement.lang || "fi").slice(0, 2);

  function nameOf(item) {
    if (item.texts && item.texts.name && item.texts.name.value) {
      return item.texts.name.value;
    }
    return (item.name && (item.name.fi || item.name.sv || item.name.en)) || item.id;
  }

  function fill(items) {
    var names = {};
    items.forEach(function (item) {
      var name = nameOf(item);
      names[name.toLowerCase()] = (names[name.toLowerCase()] || 0) + 1;
    });
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (item) {
      var name = nameOf(item);
      var option = document.createElement("option");
      option.value = names[name.toLowerCase()] > 1 ? name + " (" + item.id + ")" : name;
      list.appendChild(option);
    });
  }

  function search(text) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var params = new URLSearchParams({ q: text, limit: "8", lang: language });
    fetch("/api/v1/practices?" + params.toString(), { signal: pending.signal })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        fill(data.items || []);
      })
      .catch(function () {
        /* no suggestions; the server still checks what is typed */
      });
  }

  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < 2) {
        return;
      }
      timer = window.setTimeout(function () {
        search(text);
      }, 250);
    });
  });
})();
