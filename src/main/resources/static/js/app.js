// htmx requests carry the CSRF token of the page (Spring Security checks it on every POST).
document.addEventListener('htmx:configRequest', function (e) {
  var h = document.querySelector('meta[name=csrf-header]');
  var t = document.querySelector('meta[name=csrf-token]');
  if (h && t) { e.detail.headers[h.content] = t.content; }
});

// A select whose options carry data-period shows the suggested period as the placeholder of the period field
// named by data-period-suggest while that field is empty (report creation).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-period-suggest]').forEach(function (sel) {
    var period = document.getElementById(sel.getAttribute('data-period-suggest'));
    if (!period) { return; }
    function suggest() {
      if (!period.value) {
        var o = sel.options[sel.selectedIndex];
        period.placeholder = (o && o.getAttribute('data-period')) || '';
      }
    }
    sel.addEventListener('change', suggest);
    suggest();
  });
});

// Links marked data-print open the browser's print dialog (a javascript: URL would be blocked by the CSP).
document.addEventListener('click', function (e) {
  var a = e.target.closest ? e.target.closest('[data-print]') : null;
  if (a) { e.preventDefault(); window.print(); }
});
