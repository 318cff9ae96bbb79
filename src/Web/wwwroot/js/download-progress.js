// Follows a background download ([data-testid="download-progress"]): moves the bar and the counts, shows the line of
// the current stage, and reloads the page when the job's state changes (it starts running, is done, failed or was
// cancelled): the server then shows the file's link or what went wrong. A 404 means the job is gone (expired, or
// downloaded from another tab): the reload shows that. Polling: progress-poller.js.
(function () {
  'use strict';
  var panel = document.querySelector('[data-testid="download-progress"]');
  var shownState = panel ? panel.getAttribute('data-state') : null;
  window.umeetingProgress.follow('download-progress', {
    update: function (status, show) {
      show('download-windows-done', status.windowsDone);
      show('download-windows-total', status.windowsTotal);
      show('download-pages-done', status.pagesDone);
      show('download-pages-total', status.pagesTotal);
      var pages = panel.querySelector('[data-testid="download-pages"]');
      if (pages) {
        pages.hidden = !(status.pagesTotal > 0);
      }
      show('download-rows', status.rows);
      show('download-rows-written', status.rows);
      show('download-rows-total', status.rowsTotal === null ? 0 : status.rowsTotal);
      panel.querySelectorAll('[data-stage]').forEach(function (line) {
        line.hidden = line.getAttribute('data-stage') !== status.stage;
      });
      var bar = panel.querySelector('[data-testid="download-bar"]');
      if (bar && typeof status.percent === 'number' && status.percent > bar.value) {
        bar.value = status.percent;
      }
    },
    reloadWhen: function (status) {
      return status.state !== shownState;
    }
  });
}());
