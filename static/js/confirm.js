// Irreversible steps (send a dossier, count the votes, issue or revoke a decision, remove a nominee) ask first:
// a form with data-confirm="…" submits only after the user agrees to what the question says will happen.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
