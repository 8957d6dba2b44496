// While an import runs, ask how far it has got once a second and move the bar and its figures; reload
// the page when it ends, so the summary appears. Without script the page refreshes itself instead.
(function () {
  const job = document.querySelector('[data-import-progress]');
  if (!job) {
    return;
  }
  const url = job.dataset.importProgress;
  const bar = job.querySelector('progress');
  const figures = job.querySelector('.import-figures');
  const count = new Intl.NumberFormat('en-US');
  const rate = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  let failures = 0;

  function show(p) {
    bar.max = Math.max(p.total, 1);
    bar.value = p.done;
    bar.textContent = p.percent + '%';
    figures.querySelector('.done').textContent =
      count.format(p.done) + ' of ' + count.format(p.total) + ' articles (' + p.percent + '%)';
    figures.querySelector('.rate').textContent = rate.format(p.perSecond) + ' articles/s';
    let left = figures.querySelector('.left');
    if (p.secondsLeft === null) {
      if (left) left.remove();
      return;
    }
    if (!left) {
      left = document.createElement('span');
      left.className = 'left';
      figures.querySelector('.rate').after(left);
    }
    left.textContent = 'about ' + p.secondsLeft + ' s left';
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => response.ok ? response.json() : Promise.reject(new Error(response.status)))
      .then(p => {
        failures = 0;
        if (!p.running) {
          window.location.reload();
          return;
        }
        show(p);
        setTimeout(poll, 1000);
      })
      // Signed out, or the archive restarting: after a few tries the page shows where things stand.
      .catch(() => { if (++failures < 5) setTimeout(poll, 2000); else window.location.reload(); });
  }
  setTimeout(poll, 1000);
})();
