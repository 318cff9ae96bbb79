// Follows a background download: polls the address in data-status-url of [data-testid="download-progress"], moves
// the bar and the counts, and reloads the page when the job's state changes (it starts running, is done, failed or
// was cancelled): the server then shows the file's link or what went wrong. A 404 means the job is gone (expired,
// or downloaded from another tab): the reload shows that. Any other trouble is retried a little later.
(function () {
  'use strict';
  var panel = document.querySelector('[data-testid="download-progress"]');
  if (!panel || typeof window.fetch !== 'function') {
    return;
  }

  var url = panel.getAttribute('data-status-url');
  var shownState = panel.getAttribute('data-state');
  var bar = panel.querySelector('[data-testid="download-bar"]');
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
    show('download-windows-done', status.windowsDone);
    show('download-windows-total', status.windowsTotal);
    show('download-pages-done', status.pagesDone);
    show('download-pages-total', status.pagesTotal);
    show('download-rows', status.rows);
    show('download-rows-written', status.rows);
    show('download-rows-total', status.rowsTotal === null ? 0 : status.rowsTotal);
    panel.querySelectorAll('[data-stage]').forEach(function (line) {
      line.hidden = line.getAttribute('data-stage') !== status.stage;
    });
    if (bar && typeof status.percent === 'number' && status.percent > bar.value) {
      bar.value = status.percent;
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
        if (status.state !== shownState) {
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
