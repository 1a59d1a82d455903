// Forms that keep what people type (issue 11). Wired by data attributes, no inline script:
//  - form[data-unsaved-warning]: the browser asks before leaving the page while the form has unsaved changes;
//    submitting that form clears the warning.
//  - on load, the first field marked in error (.invalid / aria-invalid="true", or the field before an error
//    message) is scrolled into view and focused, so a phone user does not have to look for it.
//  - input[data-grouped]: a whole number is shown with thousand separators ("1.500.000") when leaving the field.
(function () {
  'use strict';
  var dirty = new Set();

  function watch(form) {
    var mark = function (e) {
      if (e.target && e.target.closest('form') === form && e.target.type !== 'hidden') {
        dirty.add(form);
      }
    };
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.addEventListener('submit', function (e) {
      if (!e.defaultPrevented) {
        dirty.delete(form);
      }
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if (dirty.size > 0) {
      e.preventDefault();
      e.returnValue = '';
      return '';
    }
  });

  function fieldOf(el) {
    if (el.matches('input, select, textarea')) {
      return el;
    }
    // an error message: the field just before it (same wrapper), else the first field of its wrapper
    var prev = el.previousElementSibling;
    while (prev) {
      if (prev.matches('input:not([type=hidden]), select, textarea')) {
        return prev;
      }
      var inner = prev.querySelector('input:not([type=hidden]), select, textarea');
      if (inner) {
        return inner;
      }
      prev = prev.previousElementSibling;
    }
    return el.parentElement ? el.parentElement.querySelector('input:not([type=hidden]), select, textarea') : null;
  }

  function focusFirstError() {
    var scope = document.querySelector('form[data-focus-error]') ? 'form[data-focus-error] ' : 'main ';
    var marked = document.querySelector(scope + '.invalid, ' + scope + '[aria-invalid="true"], '
        + scope + '.field-error, ' + scope + 'p.error');
    if (!marked) {
      return;
    }
    var field = fieldOf(marked) || marked;
    var details = field.closest('details');
    if (details) {
      details.open = true;
    }
    field.scrollIntoView({ block: 'center' });
    try {
      field.focus({ preventScroll: true });
    } catch (ignored) {
      field.focus();
    }
  }

  function group(input) {
    var digits = input.value.replace(/[.\s\u00a0]/g, '');
    if (/^\d+$/.test(digits)) {
      input.value = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    }
  }

  function init() {
    document.querySelectorAll('form[data-unsaved-warning]').forEach(watch);
    document.querySelectorAll('input[data-grouped]').forEach(function (input) {
      input.addEventListener('blur', function () { group(input); });
    });
    focusFirstError();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
