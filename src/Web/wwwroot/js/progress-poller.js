// The polling shared by the progress panels of gatherings and background downloads. follow(panelTestId, options)
// polls the address in the panel's data-status-url every second, hands each status to options.update(status, show),
// and reloads the page when options.reloadWhen(status) says so: the server then shows the figures, the file or what
// went wrong. A 404 (the work is gone: finished long ago, expired or cancelled) or a redirect (the session lapsed)
// reloads at once; any other trouble is retried a little later. show(testId, number) writes a count into the panel's
// element with that data-testid, formatted for the page's language, with the exact number in data-value.
window.umeetingProgress = (function () {
  'use strict';
  var pollEvery = 1000;
  var retryEvery = 5000;

  function follow(panelTestId, options) {
    var panel = document.querySelector('[data-testid="' + panelTestId + '"]');
    if (!panel || typeof window.fetch !== 'function') {
      return;
    }

    var url = panel.getAttribute('data-status-url');
    var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function show(testId, value) {
      var span = panel.querySelector('[data-testid="' + testId + '"]');
      if (span && typeof value === 'number') {
        span.setAttribute('data-value', String(value));
        span.textContent = numbers.format(value);
      }
    }

    function poll() {
      window.fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 404 || response.redirected) {
            window.location.reload();
            return null;
          }

          if (!response.ok) {
            throw new Error('status ' + response.status);
          }

          return response.json();
        })
        .then(function (status) {
          if (!status) {
            return;
          }

          options.update(status, show, panel);
          if (options.reloadWhen(status)) {
            window.location.reload();
          } else {
            window.setTimeout(poll, pollEvery);
          }
        })
        .catch(function () {
          window.setTimeout(poll, retryEvery);
        });
    }

    window.setTimeout(poll, pollEvery);
  }

  return { follow: follow };
}());
