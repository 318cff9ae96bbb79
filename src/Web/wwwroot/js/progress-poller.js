// The polling shared by the progress panels of gatherings and background downloads. follow(panelTestId, options)
// polls the address in the panel's data-status-url every second, hands each status to options.update(status, show),
// and reloads the page when options.reloadWhen(status) says so: the server then shows the figures, the file or what
// went wrong. A 404 (the work is gone: finished long ago, expired or cancelled) or a redirect (the session lapsed)
// reloads at once; any other trouble is retried a little later. show(testId, number) writes a count into the panel's
// element with that data-testid, formatted for the page's language, with the exact number in data-value.
// Once the user submits a form (Cancel, Make the file again) or the page is being left, polling stops and no reload
// follows: a reload at that moment would replace the user's own request (a cancel that was never sent, another report
// asked for by a link or the address bar while its server was still answering).
window.umeetingProgress = (function () {
  'use strict';
  var pollEvery = 1000;
  var retryEvery = 5000;
  // A link answered with a file (Download Excel) leaves the page in place: polling resumes after this long.
  var resumeAfter = 10000;
  var leaving = false;
  var resumes = [];

  document.addEventListener('submit', function (event) {
    if (!event.defaultPrevented) {
      leaving = true;
    }
  });
  window.addEventListener('pagehide', function () { leaving = true; });
  // The user is going elsewhere (a link, the address bar): the next page may take a while to answer, and this page is
  // not hidden until it does.
  window.addEventListener('beforeunload', function () {
    if (leaving) {
      return;
    }

    leaving = true;
    window.setTimeout(function () {
      if (document.visibilityState === 'visible' && leaving) {
        leaving = false;
        resumes.forEach(function (resume) { resume(); });
      }
    }, resumeAfter);
  });
  // Back to a page kept by the browser: its figures are old and its polling stopped, so it is asked again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  function reload() {
    if (!leaving) {
      leaving = true;
      window.location.reload();
    }
  }

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
      if (leaving) {
        return;
      }

      window.fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 404 || response.redirected) {
            reload();
            return null;
          }

          if (!response.ok) {
            throw new Error('status ' + response.status);
          }

          return response.json();
        })
        .then(function (status) {
          if (!status || leaving) {
            return;
          }

          options.update(status, show, panel);
          if (options.reloadWhen(status)) {
            reload();
          } else {
            window.setTimeout(poll, pollEvery);
          }
        })
        .catch(function () {
          window.setTimeout(poll, retryEvery);
        });
    }

    resumes.push(function () { window.setTimeout(poll, pollEvery); });
    window.setTimeout(poll, pollEvery);
  }

  return { follow: follow };
}());
