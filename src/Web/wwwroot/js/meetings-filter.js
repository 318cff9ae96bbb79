// Keeps bookmarks short: fields left empty ("All rooms", no record id) are not sent with the filter form.
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

  // Back/forward restores the page from cache with the fields still disabled.
  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      field.disabled = false;
    });
  });
}());
