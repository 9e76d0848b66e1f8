// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // 1. Move focus to the error summary so that screen-reader and keyboard users land on it.
  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }
  // 2. Disable a form's submit buttons once it is sent (the server also ignores double submits).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.sent === "1") { event.preventDefault(); return; }
    form.dataset.sent = "1";
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
        b.disabled = true; b.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });
  // 3. Show the reason box only when a decision departs from the proposal (it stays visible without JS).
  Array.prototype.forEach.call(document.querySelectorAll("[data-reason-for]"), function (box) {
    var form = box.closest("form");
    if (!form) { return; }
    var update = function () {
      var checked = form.querySelector("input[name=outcome]:checked");
      var needs = checked && checked.value !== "accept";
      box.hidden = !needs && !box.querySelector("[aria-invalid=true]");
    };
    form.addEventListener("change", update);
    update();
  });
})();
