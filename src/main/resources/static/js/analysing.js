// While an article waits for entity extraction, ask the API now and then whether it is done, and
// reload the page when it is, so the names appear without a manual reload. Never while someone is at
// work on the page (text selected to annotate, a note or tag being typed, a form opened): then the
// notice only says the names are ready, with its link to reload.
(function () {
  const notice = document.querySelector('[data-analysing]');
  if (!notice) {
    return;
  }
  const url = '/api/v1/articles/' + notice.dataset.article;
  let tries = 0;
  let edited = false;
  document.addEventListener('input', () => { edited = true; });
  function busy() {
    const selection = window.getSelection();
    const active = document.activeElement;
    return edited
      || (selection && !selection.isCollapsed)
      || (active && active.matches('input, textarea, select'))
      || Array.from(document.querySelectorAll('form[data-annotate], details[open]')).some(open => !open.hidden);
  }
  function done() {
    if (busy()) {
      const reload = notice.querySelector('a');
      notice.textContent = 'The names this story mentions are ready. ';
      if (reload) {
        reload.textContent = 'Reload to see them';
        notice.appendChild(reload);
      }
      return;
    }
    window.location.reload();
  }
  function poll() {
    tries++;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => response.ok ? response.json() : null)
      .then(article => {
        if (article && article.entitiesAnalysed) {
          done();
        } else if (tries < 60) {
          setTimeout(poll, 1000);
        }
      })
      .catch(() => { if (tries < 60) setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
