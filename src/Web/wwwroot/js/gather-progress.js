// Follows a gathering the page could not wait for ([data-testid="gather-progress"]): moves the bar and the counts of
// month windows and pages, and reloads the page once the gathering is done (the reload finds the figures, or the
// failure, on the server). A 404 means the gathering is gone: the reload starts it again. Polling: progress-poller.js.
(function () {
  'use strict';
  window.umeetingProgress.follow('gather-progress', {
    update: function (status, show, panel) {
      show('gather-windows-done', status.windowsDone);
      show('gather-windows-total', status.windowsTotal);
      show('gather-pages-done', status.pagesDone);
      show('gather-pages-total', status.pagesTotal);
      var bar = panel.querySelector('[data-testid="gather-bar"]');
      if (bar) {
        bar.max = Math.max(status.windowsTotal, 1);
        bar.value = status.windowsDone;
      }
    },
    reloadWhen: function (status) {
      return status.done;
    }
  });
}());
