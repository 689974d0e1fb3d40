// Text fields with a limit: the browser's maxlength cut typed or pasted text at the limit without a word (issue 33).
// The limit becomes a counter shown near it instead; the server refuses an over-long text naming its limit and
// gives back everything typed. The counter's words come from <body data-length-note / data-length-over>.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    var note = body.getAttribute("data-length-note") || "{n}/{max}";
    var over = body.getAttribute("data-length-over") || note;
    document.querySelectorAll("input[maxlength], textarea[maxlength]").forEach(function (field) {
      var max = parseInt(field.getAttribute("maxlength"), 10);
      if (!(max > 0)) { return; }
      field.removeAttribute("maxlength");
      field.setAttribute("data-max-length", String(max));
      var counter = document.createElement("div");
      counter.className = "form-text length-counter";
      counter.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", counter);
      function update() {
        var n = field.value.length;
        var long = n > max;
        counter.hidden = n < max * 0.8;
        counter.textContent = (long ? over : note).split("{n}").join(String(n)).split("{max}").join(String(max));
        counter.classList.toggle("text-danger", long);
        field.classList.toggle("is-invalid", long);
      }
      field.addEventListener("input", update);
      update();
    });
  });
})();
