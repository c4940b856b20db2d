// The receipt's "print" button: shown and wired only when scripts run (the page works without them; the
// browser's own print menu does the same). Kept in a file because the Content-Security-Policy forbids inline scripts.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
});
