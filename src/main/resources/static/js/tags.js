// Suggests existing tags while an editor types one: the input's <datalist> is filled from
// GET /api/v1/tags?prefix=. Without JavaScript the form still posts the tag as typed.
(function () {
  const input = document.querySelector('[data-tag-autocomplete]');
  if (!input) {
    return;
  }
  const list = document.getElementById(input.getAttribute('list'));
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  let timer = null;
  let asked = null;
  function suggest() {
    const prefix = input.value.trim();
    if (prefix === asked) {
      return;
    }
    asked = prefix;
    const headers = { Accept: 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch('/api/v1/tags?size=10&prefix=' + encodeURIComponent(prefix), { headers: headers, credentials: 'same-origin' })
      .then(response => response.ok ? response.json() : null)
      .then(page => {
        if (!page || asked !== prefix) {
          return;
        }
        // Text only (value and label), never markup: a tag called <script> stays text.
        list.replaceChildren(...page.tags.map(tag => {
          const option = document.createElement('option');
          option.value = tag.name;
          option.label = tag.articleCount === 1 ? '1 article' : tag.articleCount + ' articles';
          return option;
        }));
      })
      .catch(() => {});
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('focus', suggest);
})();
