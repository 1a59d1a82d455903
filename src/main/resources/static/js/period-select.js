// A period list grouped by report form (<optgroup data-template>): only the chosen form's periods stay visible,
// and its latest period is chosen when the form changes. Wired by data-period-for="<id of the form select>".
(function () {
  function wire(periodSelect) {
    var form = document.getElementById(periodSelect.getAttribute('data-period-for'));
    if (!form) { return; }
    function show(keepSelection) {
      var groups = periodSelect.querySelectorAll('optgroup[data-template]'), first = null, keep = false;
      groups.forEach(function (g) {
        var on = g.getAttribute('data-template') === form.value;
        g.hidden = !on;
        g.querySelectorAll('option').forEach(function (o) {
          o.disabled = !on;
          if (on && !first) { first = o; }
          if (on && o.selected) { keep = true; }
        });
      });
      if (!(keepSelection && keep) && first) { first.selected = true; }
    }
    form.addEventListener('change', function () { show(false); });
    show(true);
  }
  function init() { document.querySelectorAll('select[data-period-for]').forEach(wire); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
