/*
 * The search page's timeline: press on one bar and release on another to narrow the search to the
 * span between them. Each bar is a link, so a click (or the keyboard) still narrows to one year or
 * month, and without JavaScript the chart works the same minus the dragging.
 */
(function () {
  'use strict';

  function init(chart) {
    var bars = Array.prototype.slice.call(chart.querySelectorAll('a[data-from]'));
    var status = chart.querySelector('.timeline-span');
    if (bars.length < 2) {
      return;
    }
    var hint = 'Drag across the bars to choose a span.';
    var start = null;
    var current = null;
    var swallowClick = false;
    if (status) {
      var hintText = document.createElement('span');
      hintText.className = 'timeline-hint';
      hintText.textContent = hint;
      status.parentNode.insertBefore(hintText, status);
    }

    function barAt(event) {
      var element = document.elementFromPoint(event.clientX, event.clientY);
      var bar = element && element.closest ? element.closest('a[data-from]') : null;
      return (bar && chart.contains(bar)) ? bar : null;
    }

    function span(a, b) {
      var i = bars.indexOf(a);
      var j = bars.indexOf(b);
      return (i <= j) ? bars.slice(i, j + 1) : bars.slice(j, i + 1);
    }

    function paint() {
      var chosen = span(start, current);
      bars.forEach(function (bar) {
        bar.classList.toggle('in-span', chosen.indexOf(bar) >= 0);
      });
      var count = chosen.reduce(function (sum, bar) {
        return sum + Number(bar.getAttribute('data-count') || 0);
      }, 0);
      var first = chosen[0];
      var last = chosen[chosen.length - 1];
      var label = (first === last) ? first.getAttribute('data-label')
        : first.getAttribute('data-label') + ' – ' + last.getAttribute('data-label');
      if (status) {
        status.textContent = label + ': ' + count + (count === 1 ? ' article' : ' articles');
      }
    }

    function reset() {
      start = null;
      current = null;
      chart.classList.remove('selecting');
      bars.forEach(function (bar) {
        bar.classList.remove('in-span');
      });
      if (status) {
        status.textContent = '';
      }
    }

    function navigate(chosen) {
      var first = chosen[0];
      var last = chosen[chosen.length - 1];
      // The first bar's link already carries the rest of the search (query, sources, order).
      var url = new URL(first.href);
      url.searchParams.set('from', first.getAttribute('data-from'));
      url.searchParams.set('to', last.getAttribute('data-to'));
      url.searchParams.delete('page');
      window.location.assign(url.toString());
    }

    chart.addEventListener('pointerdown', function (event) {
      if (event.button !== 0 || !event.isPrimary) {
        return;
      }
      var bar = barAt(event);
      if (!bar) {
        return;
      }
      start = bar;
      current = bar;
      swallowClick = false;
      chart.classList.add('selecting');
    });

    document.addEventListener('pointermove', function (event) {
      if (!start) {
        return;
      }
      var bar = barAt(event);
      if (bar && bar !== current) {
        current = bar;
        paint();
      }
    });

    document.addEventListener('pointerup', function (event) {
      if (!start) {
        return;
      }
      var end = barAt(event) || current;
      var from = start;
      reset();
      if (end && end !== from) {
        // A press and release on different bars is a span, not a click on either.
        swallowClick = true;
        event.preventDefault();
        navigate(span(from, end));
      }
    });

    document.addEventListener('pointercancel', reset);

    document.addEventListener('keydown', function (event) {
      if (start && event.key === 'Escape') {
        reset();
      }
    });

    chart.addEventListener('click', function (event) {
      if (swallowClick) {
        swallowClick = false;
        event.preventDefault();
      }
    }, true);

    // Links are draggable by default; a drag here chooses a span instead.
    chart.addEventListener('dragstart', function (event) {
      event.preventDefault();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-timeline]'), init);
}());
