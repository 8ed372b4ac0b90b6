// Draws assessment totals over hours since last use, over the expected course windows (shaded, labelled).
(function () {
  var canvas = document.getElementById('withdrawal-chart');
  var source = document.getElementById('withdrawal-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent || '{}');
  var palette = ['#0f5e4b', '#1d4ed8', '#9a3412', '#6b21a8'];
  var shapes = ['circle', 'rect', 'triangle', 'rectRot'];
  var windows = [
    { w: data.onset, label: 'expected onset', color: 'rgba(29, 78, 216, 0.10)' },
    { w: data.peak, label: 'expected peak', color: 'rgba(154, 52, 18, 0.16)' },
    { w: data.acuteEnd, label: 'acute end', color: 'rgba(75, 85, 99, 0.12)' }
  ].filter(function (x) { return x.w; });
  var courseBand = {
    id: 'courseBand',
    beforeDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      windows.forEach(function (item, i) {
        var left = Math.max(x.getPixelForValue(item.w.from), area.left);
        var right = Math.min(x.getPixelForValue(item.w.to), area.right);
        if (right <= left) { return; }
        ctx.fillStyle = item.color;
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        ctx.fillStyle = '#1b2430';
        ctx.font = '12px system-ui, sans-serif';
        ctx.fillText(item.label + (item.w.unconfirmed ? ' (unconfirmed)' : '') + ' ' + item.w.from + '–' + item.w.to + ' h', left + 4, area.top + 14 + i * 14);
      });
      ctx.restore();
    }
  };
  var maxX = 0;
  (data.series || []).forEach(function (s) { s.points.forEach(function (p) { maxX = Math.max(maxX, p.x); }); });
  windows.forEach(function (item) { maxX = Math.max(maxX, item.w.to); });
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: (data.series || []).map(function (s, i) {
        return {
          label: s.instrument + ' total', data: s.points, parsing: { xAxisKey: 'x', yAxisKey: 'y' },
          borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
          pointStyle: shapes[i % shapes.length], pointRadius: 5, borderDash: i === 0 ? [] : [6, 3]
        };
      })
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', min: 0, suggestedMax: Math.ceil(maxX + 6), title: { display: true, text: data.xLabel } },
        y: { beginAtZero: true, title: { display: true, text: 'total score' } }
      },
      plugins: {
        title: { display: !!data.course, text: data.course ? 'Expected course: ' + data.course : '' },
        tooltip: { callbacks: { afterLabel: function (c) { return c.raw.band ? 'band: ' + c.raw.band : ''; } } }
      }
    },
    plugins: [courseBand]
  });
  canvas.setAttribute('data-drawn', 'true');
})();
