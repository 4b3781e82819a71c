// The copy button of a once-shown secret: no inline script, so that the Content-Security-Policy can forbid it.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (button && navigator.clipboard) {
    navigator.clipboard.writeText(document.getElementById(button.dataset.copy).textContent).then(function () {
      button.textContent = button.dataset.copied || 'Copied';
    });
  }
});
