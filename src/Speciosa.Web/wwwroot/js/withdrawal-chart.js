// Draws assessment totals over hours since last use, over the expected course windows (shaded, labelled).
// Each instrument has its own y axis spanning its full total range; published band thresholds (COWS 5, 13, 25, 37)
// are drawn as labelled dashed lines. A window whose ends are equal ("about 240 h") is drawn as a labelled line.
(function () {
  var canvas = document.getElementById('withdrawal-chart');
  var source = document.getElementById('withdrawal-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent || '{}');
  var palette = ['#0f5e4b', '#1d4ed8', '#9a3412', '#6b21a8'];
  var shapes = ['circle', 'rect', 'triangle', 'rectRot'];
  var series = data.series || [];
  var windows = [
    { w: data.onset, label: 'onset', color: 'rgba(29, 78, 216, 0.10)', line: '#1d4ed8' },
    { w: data.peak, label: 'peak', color: 'rgba(154, 52, 18, 0.16)', line: '#9a3412' },
    { w: data.acuteEnd, label: 'acute end', color: 'rgba(75, 85, 99, 0.14)', line: '#374151' }
  ].filter(function (x) { return x.w; });
  function hoursText(w) { return w.from === w.to ? '~' + w.from + ' h' : w.from + '–' + w.to + ' h'; }
  var courseBand = {
    id: 'courseBand',
    beforeDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      ctx.font = '12px system-ui, sans-serif';
      windows.forEach(function (item, i) {
        var left = Math.max(x.getPixelForValue(item.w.from), area.left);
        var right = Math.min(x.getPixelForValue(item.w.to), area.right);
        if (left > area.right || right < area.left) { return; }
        if (right - left < 2) {
          ctx.strokeStyle = item.line;
          ctx.lineWidth = 2;
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          ctx.moveTo(left, area.top);
          ctx.lineTo(left, area.bottom);
          ctx.stroke();
          ctx.setLineDash([]);
        } else {
          ctx.fillStyle = item.color;
          ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        }
        var text = item.label + (item.w.unconfirmed ? '*' : '') + ' ' + hoursText(item.w);
        var width = ctx.measureText(text).width;
        var tx = Math.min(left + 4, area.right - width - 2);
        ctx.fillStyle = '#1b2430';
        ctx.fillText(text, Math.max(tx, area.left + 2), area.top + 14 + i * 15);
      });
      ctx.restore();
    }
  };
  var bandLines = {
    id: 'bandLines',
    beforeDatasetsDraw: function (chart) {
      var area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      series.forEach(function (s, i) {
        var y = chart.scales['y' + i];
        if (!y) { return; }
        (s.bands || []).forEach(function (b) {
          var py = y.getPixelForValue(b.from);
          ctx.strokeStyle = 'rgba(27, 36, 48, 0.45)';
          ctx.lineWidth = 1;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(area.left, py);
          ctx.lineTo(area.right, py);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = '#374151';
          var text = s.instrument.toUpperCase() + ' ' + b.label + ' ≥' + b.from;
          ctx.fillText(text, area.right - ctx.measureText(text).width - 4, py - 3);
        });
      });
      ctx.restore();
    }
  };
  var maxX = 0;
  series.forEach(function (s) { s.points.forEach(function (p) { maxX = Math.max(maxX, p.x); }); });
  windows.forEach(function (item) { maxX = Math.max(maxX, item.w.to); });
  var scales = {
    x: { type: 'linear', min: 0, max: Math.ceil((maxX + 12) / 12) * 12, ticks: { stepSize: 24 },
      title: { display: true, text: data.xLabel } }
  };
  if (series.length === 0) {
    scales.y0 = { min: 0, max: 48, title: { display: true, text: 'total score' } };
  }
  series.forEach(function (s, i) {
    scales['y' + i] = {
      type: 'linear', min: s.min, max: s.max, position: i === 0 ? 'left' : 'right',
      grid: { drawOnChartArea: i === 0 },
      title: { display: true, text: s.name + ' total (' + s.min + '–' + s.max + ')', color: palette[i % palette.length] }
    };
  });
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: series.map(function (s, i) {
        return {
          label: s.name + ' total', data: s.points, parsing: { xAxisKey: 'x', yAxisKey: 'y' }, yAxisID: 'y' + i,
          borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
          pointStyle: shapes[i % shapes.length], pointRadius: 5, borderDash: i === 0 ? [] : [6, 3]
        };
      })
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: scales,
      plugins: {
        title: { display: !!data.course, text: data.course ? 'Expected course: ' + data.course : '' },
        tooltip: { callbacks: { afterLabel: function (c) { return c.raw.band ? 'band: ' + c.raw.band : ''; } } }
      }
    },
    plugins: [courseBand, bandLines]
  });
  canvas.setAttribute('data-drawn', 'true');
})();
