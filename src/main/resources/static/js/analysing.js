// While an article waits for entity extraction, ask the API now and then whether it is done, and
// reload the page when it is, so the names appear without a manual reload.
(function () {
  const notice = document.querySelector('[data-analysing]');
  if (!notice) {
    return;
  }
  const url = '/api/v1/articles/' + notice.dataset.article;
  let tries = 0;
  function poll() {
    tries++;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => response.ok ? response.json() : null)
      .then(article => {
        if (article && article.entitiesAnalysed) {
          window.location.reload();
        } else if (tries < 60) {
          setTimeout(poll, 1000);
        }
      })
      .catch(() => { if (tries < 60) setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
