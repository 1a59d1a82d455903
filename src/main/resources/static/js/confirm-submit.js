// Forms with data-confirm ask before they are sent (for actions that lock a dossier).
document.addEventListener('submit', function (e) {
  // the button that sent the form may carry the question (one form with several actions)
  var from = e.submitter && e.submitter.getAttribute('data-confirm') ? e.submitter : e.target;
  var msg = from && from.getAttribute && from.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) { e.preventDefault(); }
}, true);
