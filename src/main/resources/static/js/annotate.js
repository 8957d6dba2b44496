// Annotating a passage: selecting text in the story shows an "Annotate" button; it opens the note
// form beside the story, which posts a Web Annotation (position and quote over the cleaned body) to
// the API with the page's CSRF token, then reloads the page on the new note. Everything else on the
// page (reading, editing and deleting notes) works without this script.
(function () {
  const body = document.querySelector('.story .body[data-article]');
  const form = document.querySelector('form[data-annotate]');
  if (!body || !form) {
    return;
  }
  const articleId = body.dataset.article;
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const quote = form.querySelector('.quote');
  const note = form.querySelector('textarea');
  const error = form.querySelector('.error');
  let pending = null;

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'annotate-button';
  button.textContent = 'Annotate';
  button.hidden = true;
  document.body.appendChild(button);

  // The paragraph element (with its offset in the body) a node of the story lies in.
  function paragraphOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element ? element.closest('[data-offset]') : null;
    return paragraph && body.contains(paragraph) ? paragraph : null;
  }

  // The offset in the cleaned body of a point of the selection: the paragraph's offset plus the
  // length of its text up to the point (the paragraph's text is exactly the body's, unwrapped).
  function bodyOffset(paragraph, node, offset) {
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return Number(paragraph.dataset.offset) + range.toString().length;
  }

  function currentSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    const range = selection.getRangeAt(0);
    const first = paragraphOf(range.startContainer);
    const last = paragraphOf(range.endContainer);
    if (!first || !last) {
      return null;
    }
    const start = bodyOffset(first, range.startContainer, range.startOffset);
    const end = bodyOffset(last, range.endContainer, range.endOffset);
    if (end <= start) {
      return null;
    }
    // Within one paragraph the quote is its text; across paragraphs the server fills it in.
    const exact = first === last ? range.toString() : null;
    if (exact !== null && exact.trim() === '') {
      return null;
    }
    return { start: start, end: end, exact: exact, text: range.toString(), rect: range.getBoundingClientRect() };
  }

  document.addEventListener('selectionchange', () => {
    const selected = currentSelection();
    if (!selected) {
      button.hidden = true;
      return;
    }
    pending = selected;
    button.style.top = (window.scrollY + selected.rect.bottom + 6) + 'px';
    button.style.left = (window.scrollX + selected.rect.left) + 'px';
    button.hidden = false;
  });

  // Keep the selection while the button is pressed.
  button.addEventListener('mousedown', event => event.preventDefault());
  button.addEventListener('click', () => {
    if (!pending) {
      return;
    }
    quote.textContent = pending.text;
    form.hidden = false;
    error.hidden = true;
    button.hidden = true;
    note.focus();
    form.scrollIntoView({ block: 'nearest' });
  });

  form.querySelector('.cancel').addEventListener('click', () => {
    form.hidden = true;
    pending = null;
  });

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!pending) {
      return;
    }
    const selectors = [{ type: 'TextPositionSelector', start: pending.start, end: pending.end }];
    if (pending.exact !== null) {
      selectors.unshift({ type: 'TextQuoteSelector', exact: pending.exact });
    }
    const headers = {
      'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      Accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    fetch('/api/v1/articles/' + articleId + '/annotations', {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: note.value, format: 'text/markdown' },
        target: { source: '/api/v1/articles/' + articleId, selector: selectors }
      })
    })
      .then(response => response.json().then(json => ({ ok: response.ok, json: json })))
      .then(result => {
        if (!result.ok) {
          error.textContent = result.json.detail || 'The note could not be saved.';
          error.hidden = false;
          return;
        }
        const id = result.json.id.substring(result.json.id.lastIndexOf('/') + 1);
        window.location.hash = 'note-' + id;
        window.location.reload();
      })
      .catch(() => {
        error.textContent = 'The note could not be saved: the archive did not answer.';
        error.hidden = false;
      });
  });

  // Clicking a note marks its passage as the current one (the link itself scrolls there).
  document.querySelectorAll('.annotations a.note-quote').forEach(link => {
    link.addEventListener('click', () => {
      const id = link.getAttribute('href').substring('#passage-'.length);
      body.querySelectorAll('mark.annotated').forEach(mark => {
        mark.classList.toggle('current', mark.dataset.notes.split(' ').includes(id));
      });
    });
  });
})();
