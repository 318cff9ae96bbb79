// Follows a gathering the page could not wait for: polls the address in data-status-url of
// [data-testid="gather-progress"], moves the bar and the counts, and reloads the page once the gathering is done
// (the reload finds the figures, or the failure, on the server). A 404 means the gathering is gone (finished long
// ago, or cancelled): the reload starts it again. Any other trouble is retried a little later.
(function () {
  'use strict';
  var panel = document.querySelector('[data-testid="gather-progress"]');
  if (!panel || typeof window.fetch !== 'function') {
    return;
  }

  var url = panel.getAttribute('data-status-url');
  var bar = panel.querySelector('[data-testid="gather-bar"]');
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var pollEvery = 1000;
  var retryEvery = 5000;

  function show(testId, value) {
    var span = panel.querySelector('[data-testid="' + testId + '"]');
    if (span && typeof value === 'number') {
      span.setAttribute('data-value', String(value));
      span.textContent = numbers.format(value);
    }
  }

  function update(status) {
    show('gather-windows-done', status.windowsDone);
    show('gather-windows-total', status.windowsTotal);
    show('gather-pages-done', status.pagesDone);
    show('gather-pages-total', status.pagesTotal);
    if (bar) {
      bar.max = Math.max(status.windowsTotal, 1);
      bar.value = status.windowsDone;
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

        update(status);
        if (status.done) {
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
}());
