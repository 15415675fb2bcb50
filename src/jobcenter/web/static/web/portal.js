// jobcenter portal: the little behaviour htmx does not cover. Pages work without it.
(function () {
  "use strict";
  // Occupation autocomplete: picking a suggestion puts its exact name in the box and closes the list.
  document.addEventListener("click", function (event) {
    var option = event.target.closest(".autocomplete__option");
    if (!option) return;
    var input = document.getElementById(option.dataset.target);
    if (!input) return;
    input.value = option.dataset.value;
    input.dataset.picked = option.dataset.value;
    var list = option.closest(".autocomplete__list");
    if (list) list.innerHTML = "";
    input.focus();
  });
  // A suggestion list that arrives after a pick (a request still in flight) is not shown again.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var list = event.detail.target;
    if (!list || !list.classList || !list.classList.contains("autocomplete__list")) return;
    var input = list.parentElement.querySelector("input");
    if (input && input.dataset.picked && input.dataset.picked === input.value) event.detail.shouldSwap = false;
  });
  // The error summary's links move focus to the field (a plain fragment link only scrolls).
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".form-errors a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({block: "center"});
    field.focus();
  });
  // Escape closes an open suggestion list.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var box = event.target.closest && event.target.closest(".autocomplete");
    if (!box) return;
    var list = box.querySelector(".autocomplete__list");
    if (list && list.innerHTML) { list.innerHTML = ""; var input = box.querySelector("input"); if (input) input.focus(); }
  });
})();
