/*
 * The article editor: a contenteditable area over the form's textarea. The toolbar formats; on
 * submit the area's HTML goes into the textarea, and the server's sanitiser decides what is kept.
 * Without JavaScript the textarea itself stays usable (HTML by hand).
 */
(function () {
  'use strict';
  document.querySelectorAll('.toolbar[data-editor]').forEach(function (toolbar) {
    var area = document.getElementById(toolbar.getAttribute('data-editor'));
    var form = area.closest('form');
    var source = form.querySelector('textarea.rich-source');
    area.innerHTML = source.value;
    source.hidden = true;
    area.hidden = false;
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-cmd]');
      if (!button) {
        return;
      }
      var value = button.getAttribute('data-value');
      var ask = button.getAttribute('data-ask');
      if (ask) {
        value = window.prompt(ask, 'https://');
        if (!value || !/^https?:\/\//i.test(value)) {
          return;
        }
      }
      area.focus();
      document.execCommand(button.getAttribute('data-cmd'), false, value);
    });
    form.addEventListener('submit', function () {
      source.value = area.innerHTML;
    });
  });
}());
