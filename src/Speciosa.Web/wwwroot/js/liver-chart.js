// Draws the liver page charts from the JSON block "liver-chart-data" (the /api/patients/{id}/liver data):
// each test as ×ULN over time with labelled dashed threshold lines, and the eDISH plot (peak ALT ×ULN across,
// peak total bilirubin ×ULN up, log axes, lines at ALT 3× and bilirubin 2×, quadrants named in the corners).
(function () {
  var source = document.getElementById('liver-chart-data');
  if (!source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent || '{}');
  var names = { Alt: 'ALT', Ast: 'AST', Alp: 'ALP', TotalBilirubin: 'Total bilirubin', Ggt: 'GGT' };
  var palette = { Alt: '#b91c1c', Ast: '#9a3412', Alp: '#1d4ed8', TotalBilirubin: '#0f5e4b', Ggt: '#6b21a8' };
  var shapes = { Alt: 'circle', Ast: 'triangle', Alp: 'rect', TotalBilirubin: 'rectRot', Ggt: 'star' };
  var dashes = { Alt: [], Ast: [6, 3], Alp: [2, 2], TotalBilirubin: [], Ggt: [8, 3, 2, 3] };
  var series = data.series || [];
  var thresholds = data.thresholds || [];

  var lineCanvas = document.getElementById('liver-chart');
  if (lineCanvas && series.length > 0) {
    // Times come as clinic-local "yyyy-MM-dd HH:mm"; read them as UTC only to space points by real elapsed time.
    function ms(t) { return Date.parse(t.replace(' ', 'T') + ':00Z'); }
    function day(v) { return new Date(v).toISOString().slice(0, 10); }
    var minX = Infinity, maxX = -Infinity;
    series.forEach(function (s) { s.points.forEach(function (p) { minX = Math.min(minX, ms(p.t)); maxX = Math.max(maxX, ms(p.t)); }); });
    var pad = Math.max((maxX - minX) * 0.05, 12 * 3600 * 1000);
    var maxY = 1;
    series.forEach(function (s) { s.points.forEach(function (p) { maxY = Math.max(maxY, p.x); }); });
    var thresholdLines = {
      id: 'thresholdLines',
      beforeDatasetsDraw: function (chart) {
        var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
        ctx.save();
        ctx.font = '11px system-ui, sans-serif';
        thresholds.forEach(function (t) {
          var py = y.getPixelForValue(t.timesUln);
          if (py < area.top || py > area.bottom) { return; }
          ctx.strokeStyle = 'rgba(27, 36, 48, 0.55)';
          ctx.lineWidth = 1;
          ctx.setLineDash([4, 4]);
          ctx.beginPath(); ctx.moveTo(area.left, py); ctx.lineTo(area.right, py); ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = '#1b2430';
          var text = t.label;
          ctx.fillText(text, area.right - ctx.measureText(text).width - 4, py - 3);
        });
        ctx.restore();
      }
    };
    new Chart(lineCanvas, {
      type: 'line',
      data: {
        datasets: series.map(function (s) {
          return {
            label: (names[s.test] || s.test) + ' ×ULN',
            data: s.points.map(function (p) { return { x: ms(p.t), y: p.x, t: p.t }; }),
            borderColor: palette[s.test] || '#374151',
            backgroundColor: palette[s.test] || '#374151',
            borderDash: dashes[s.test] || [],
            pointStyle: shapes[s.test] || 'circle',
            pointRadius: 5
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { type: 'linear', min: minX - pad, max: maxX + pad, title: { display: true, text: 'Date collected' },
            ticks: { maxTicksLimit: 5, maxRotation: 0, callback: function (v) { return day(v); } } },
          y: { beginAtZero: true, suggestedMax: Math.max(6, Math.ceil(maxY * 1.1)), title: { display: true, text: '× ULN' } }
        },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: { callbacks: { title: function (items) { return items.length ? items[0].raw.t : ''; } } }
        }
      },
      plugins: [thresholdLines]
    });
  }

  var edishCanvas = document.getElementById('edish-chart');
  var e = data.edish;
  if (edishCanvas && e) {
    var shown = [0.1, 1, 2, 3, 10, 100, 1000];
    function tick(v) { return shown.indexOf(Number(v)) >= 0 ? String(v) : ''; }
    var lo = 0.1, hi = Math.max(100, e.altTimesUln * 2, e.bilirubinTimesUln * 2);
    var quadrantLines = {
      id: 'quadrantLines',
      beforeDatasetsDraw: function (chart) {
        var x = chart.scales.x, y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
        var px = x.getPixelForValue(3), py = y.getPixelForValue(2);
        ctx.save();
        ctx.strokeStyle = 'rgba(27, 36, 48, 0.6)';
        ctx.setLineDash([5, 4]);
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
        ctx.beginPath(); ctx.moveTo(area.left, py); ctx.lineTo(area.right, py); ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#374151';
        ctx.fillText('ALT 3×', px + 3, area.bottom - 4);
        ctx.fillText('bilirubin 2×', area.left + 3, py - 3);
        ctx.font = '600 11px system-ui, sans-serif';
        // Not "Potential Hy's law": the quadrant reads ALT and bilirubin only; the verdict (ALP, AST) is in the words beside the plot.
        var upperRight = "Upper right (Hy's law needs ALP < 2×)";
        ctx.fillText(upperRight, area.right - ctx.measureText(upperRight).width - 4, area.top + 12);
        ctx.fillText("Temple's corollary", area.right - ctx.measureText("Temple's corollary").width - 4, area.bottom - 16);
        ctx.fillText('Hyperbilirubinaemia', area.left + 4, area.top + 12);
        ctx.fillText('Normal', area.left + 4, area.bottom - 16);
        ctx.restore();
      }
    };
    new Chart(edishCanvas, {
      type: 'scatter',
      data: { datasets: [{ label: 'Peak ALT vs peak bilirubin (×ULN)', data: [{ x: Math.max(e.altTimesUln, lo), y: Math.max(e.bilirubinTimesUln, lo) }],
        backgroundColor: '#b91c1c', borderColor: '#1b2430', pointRadius: 7, pointStyle: 'rectRot' }] },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { type: 'logarithmic', min: lo, max: hi, title: { display: true, text: 'Peak ALT ×ULN (log)' }, ticks: { autoSkip: false, maxRotation: 0, callback: tick } },
          y: { type: 'logarithmic', min: lo, max: hi, title: { display: true, text: 'Peak bilirubin ×ULN (log)' }, ticks: { autoSkip: false, callback: tick } }
        },
        plugins: { legend: { display: false } }
      },
      plugins: [quadrantLines]
    });
  }
})();
