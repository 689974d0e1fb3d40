// Tick many rows at once: a checkbox with data-select-all="ids" ticks or clears every checkbox named "ids" of the
// page, and an element with data-selected-count="ids" says how many are ticked.
(function () {
  function boxes(name) {
    return Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
  }
  function refresh(name) {
    var ticked = boxes(name).filter(function (box) { return box.checked; }).length;
    document.querySelectorAll('[data-selected-count="' + name + '"]').forEach(function (el) {
      el.textContent = el.getAttribute("data-template").replace("{n}", ticked);
    });
    document.querySelectorAll('[data-select-all="' + name + '"]').forEach(function (all) {
      var total = boxes(name).length;
      all.checked = total > 0 && ticked === total;
      all.indeterminate = ticked > 0 && ticked < total;
    });
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    var all = target.getAttribute && target.getAttribute("data-select-all");
    if (all) {
      boxes(all).forEach(function (box) { box.checked = target.checked; });
      refresh(all);
    } else if (target.type === "checkbox" && target.name &&
               document.querySelector('[data-selected-count="' + target.name + '"]')) {
      refresh(target.name);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-selected-count]").forEach(function (el) {
      refresh(el.getAttribute("data-selected-count"));
    });
  });
})();
