// Draws a chart above every table marked data-chart="line|bar", from the table's own cells: the first cell of a
// row is the label, cells with a data-value are the series (one per column, named by its header). The table stays
// on the page as the chart's accessible text; the canvas is hidden from screen readers.
(function () {
  function draw() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      var columns = (table.getAttribute('data-chart-columns') || '1').split(',').map(Number);
      var labels = [];
      var series = columns.map(function (c) { return { label: headers[c], data: [] }; });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        var cells = tr.children;
        labels.push(cells[0].textContent.trim());
        columns.forEach(function (c, i) {
          var v = cells[c] && cells[c].getAttribute('data-value');
          series[i].data.push(v === null || v === '' ? null : Number(v));
        });
      });
      var box = document.createElement('div');
      box.className = 'chart-box';
      var canvas = document.createElement('canvas');
      canvas.setAttribute('aria-hidden', 'true');
      box.appendChild(canvas);
      var wrap = table.closest('.table-wrap') || table;
      wrap.parentNode.insertBefore(box, wrap);
      new Chart(canvas, {
        type: table.getAttribute('data-chart'),
        data: { labels: labels, datasets: series },
        options: { responsive: true, maintainAspectRatio: false, animation: false, spanGaps: true }
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
