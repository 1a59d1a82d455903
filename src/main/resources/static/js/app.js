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

// A table wider than the phone scrolls inside its frame: the frame takes the keyboard focus, so it can be scrolled
// without a mouse, and is named after the table's heading for screen readers.
function focusableScrollers(root) {
  (root || document).querySelectorAll('.table-wrap').forEach(function (w) {
    if (w.hasAttribute('tabindex') || w.scrollWidth <= w.clientWidth + 1) { return; }
    w.setAttribute('tabindex', '0');
    w.setAttribute('role', 'region');
    if (!w.hasAttribute('aria-label')) {
      var cap = w.querySelector('caption');
      var card = w.closest('section, .card, main');
      var h = cap || (card ? card.querySelector('h1, h2, h3') : null);
      if (h) { w.setAttribute('aria-label', h.textContent.trim()); }
    }
  });
}
document.addEventListener('DOMContentLoaded', function () { focusableScrollers(); });
document.addEventListener('htmx:afterSettle', function (e) { focusableScrollers(e.target); });
window.addEventListener('resize', function () { focusableScrollers(); });
