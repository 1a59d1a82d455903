// htmx requests carry the CSRF token of the page (Spring Security checks it on every POST).
document.addEventListener('htmx:configRequest', function (e) {
  var h = document.querySelector('meta[name=csrf-header]');
  var t = document.querySelector('meta[name=csrf-token]');
  if (h && t) { e.detail.headers[h.content] = t.content; }
});

// Links marked data-print open the browser's print dialog (a javascript: URL would be blocked by the CSP).
document.addEventListener('click', function (e) {
  var a = e.target.closest ? e.target.closest('[data-print]') : null;
  if (a) { e.preventDefault(); window.print(); }
});
