// Draws daily grams (bars) against the day's ceiling (dashed step line), alkaloid mg, and COWS/SOWS totals on the same day axis.
(function () {
  var canvas = document.getElementById('dose-chart');
  var source = document.getElementById('dose-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent || '{}');
  var days = data.days || [];
  var labels = days.map(function (d) { return d.day; });
  var index = {};
  labels.forEach(function (l, i) { index[l] = i; });
  function scoreSeries(scale) {
    var values = labels.map(function () { return null; });
    (data.scores || []).filter(function (s) { return s.scale === scale; }).forEach(function (s) {
      if (index[s.day] !== undefined) { values[index[s.day]] = s.total; } // the day's latest reading
    });
    return values;
  }
  new Chart(canvas, {
    data: {
      labels: labels,
      datasets: [
        { type: 'bar', label: 'grams a day', data: days.map(function (d) { return d.grams; }), backgroundColor: 'rgba(15, 94, 75, 0.55)', borderColor: '#0f5e4b', borderWidth: 1, yAxisID: 'y' },
        { type: 'line', label: 'ceiling (g a day)', data: days.map(function (d) { return d.ceilingGrams; }), borderColor: '#9a3412', borderDash: [6, 4], stepped: true, pointRadius: 0, yAxisID: 'y' },
        { type: 'line', label: 'mitragynine mg', data: days.map(function (d) { return d.administrations > 0 ? d.mitragynineMg : null; }), borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', pointStyle: 'rect', pointRadius: 4, spanGaps: true, yAxisID: 'mg' },
        { type: 'line', label: '7-OH mg', data: days.map(function (d) { return d.administrations > 0 ? d.sevenHydroxyMg : null; }), borderColor: '#6b21a8', backgroundColor: '#6b21a8', pointStyle: 'triangle', pointRadius: 4, borderDash: [2, 2], spanGaps: true, yAxisID: 'mg' },
        { type: 'line', label: 'COWS total', data: scoreSeries('COWS'), borderColor: '#111827', backgroundColor: '#111827', pointStyle: 'circle', pointRadius: 5, showLine: false, yAxisID: 'score' },
        { type: 'line', label: 'SOWS total', data: scoreSeries('SOWS'), borderColor: '#b45309', backgroundColor: '#b45309', pointStyle: 'rectRot', pointRadius: 5, showLine: false, yAxisID: 'score' }
      ]
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'clinic day' } },
        y: { beginAtZero: true, position: 'left', title: { display: true, text: 'grams' } },
        mg: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'alkaloid mg' } },
        score: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'score' } }
      },
      plugins: { legend: { position: 'bottom' } }
    }
  });
  canvas.setAttribute('data-drawn', 'true');
})();
