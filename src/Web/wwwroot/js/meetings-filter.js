// Keeps bookmarks short: fields left empty ("All rooms", no record id) are not sent with the filter form. And keeps the
// form showing the filters of the figures on the page after back and forward.
(function () {
  'use strict';
  var form = document.querySelector('[data-testid="filter-form"]');
  if (!form) {
    return;
  }

  form.addEventListener('submit', function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && (field.tagName === 'INPUT' || field.tagName === 'SELECT') && field.type !== 'checkbox' && field.value === '') {
        field.disabled = true;
      }
    });
  });

  // Back/forward restores the page from cache with the fields still disabled, and as they were when it was left: with
  // the changes typed before the form was sent, which the figures on it are not for. Or the browser loads the page
  // again and fills the fields back in as they were. Either way the form is set back to what the page was made with,
  // so that it shows the figures' filters and a press of the button asks for the same view.
  window.addEventListener('pageshow', function (event) {
    Array.prototype.forEach.call(form.elements, function (field) {
      field.disabled = false;
    });
    var navigation = window.performance && window.performance.getEntriesByType ? window.performance.getEntriesByType('navigation')[0] : null;
    if (event.persisted || (navigation && navigation.type === 'back_forward')) {
      form.reset();
    }
  });
}());
