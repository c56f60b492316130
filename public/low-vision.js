/*
 * Версия для слабовидящих: keeps the reader's choices (text size, colours,
 * images, letter spacing) across pages. Loaded in <head> so the page is
 * painted in the chosen scheme from the start; the panel itself works
 * without this script on the current page (CSS :has()). It also marks
 * <html data-js>, so the search box and the facet checkboxes do not push the
 * page down when the search script starts.
 */
(function () {
  // Scripts are on: parts that need them take their place before the first paint (global.css, `data-js-only`).
  document.documentElement.setAttribute('data-js', '');
  var KEYS = ['size', 'scheme', 'images', 'spacing'];
  var root = document.documentElement;
  var store = {};
  try {
    store = JSON.parse(localStorage.getItem('nastavnik-low-vision') || '{}') || {};
  } catch (e) {
    store = {};
  }
  KEYS.forEach(function (k) {
    if (typeof store[k] === 'string') root.setAttribute('data-lv-' + k, store[k]);
  });
  document.addEventListener('DOMContentLoaded', function () {
    KEYS.forEach(function (k) {
      var input = document.querySelector('input[name="lv-' + k + '"][value="' + (store[k] || '') + '"]');
      if (input) input.checked = true;
    });
    document.addEventListener('change', function (event) {
      var t = event.target;
      if (!t || !t.name || t.name.indexOf('lv-') !== 0) return;
      var key = t.name.slice(3);
      if (KEYS.indexOf(key) < 0) return;
      store[key] = t.value;
      root.setAttribute('data-lv-' + key, t.value);
      try {
        localStorage.setItem('nastavnik-low-vision', JSON.stringify(store));
      } catch (e) {
        /* private mode: the choice holds for this page only */
      }
    });
  });
})();
