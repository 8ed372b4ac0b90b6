// Draws the vital-sign trend: heart rate, blood pressure, respiratory rate and SpO2 on the left axis, temperature and
// POSS (S = 0) on the right; the clinic's respiratory rate and SpO2 thresholds as dashed lines.
(function () {
  var canvas = document.getElementById('vitals-chart');
  var source = document.getElementById('vitals-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent || '{}');
  var labels = data.labels || [];
  var s = data.series || {};
  function line(label, values, color, axis, style) {
    return { type: 'line', label: label, data: values || [], borderColor: color, backgroundColor: color, spanGaps: true, pointRadius: 4, pointStyle: style || 'circle', yAxisID: axis };
  }
  function flat(value) { return labels.map(function () { return value; }); }
  new Chart(canvas, {
    data: {
      labels: labels,
      datasets: [
        line('heart rate /min', s.heartRate, '#b91c1c', 'y'),
        line('systolic mmHg', s.systolic, '#1d4ed8', 'y', 'triangle'),
        line('diastolic mmHg', s.diastolic, '#60a5fa', 'y', 'triangle'),
        line('respiratory rate /min', s.respiratoryRate, '#0f5e4b', 'y', 'rect'),
        line('SpO2 %', s.spo2, '#6b21a8', 'y', 'rectRot'),
        line('temperature °C', s.temperature, '#b45309', 'right', 'star'),
        line('POSS (S = 0)', s.poss, '#111827', 'right', 'crossRot'),
        { type: 'line', label: 'respiratory rate threshold', data: flat(data.respiratoryRateBelow), borderColor: '#0f5e4b', borderDash: [6, 4], pointRadius: 0, yAxisID: 'y' },
        { type: 'line', label: 'SpO2 threshold', data: flat(data.spo2Below), borderColor: '#6b21a8', borderDash: [6, 4], pointRadius: 0, yAxisID: 'y' }
      ]
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'taken at (clinic time)' } },
        y: { beginAtZero: true, position: 'left', title: { display: true, text: '/min, mmHg, %' } },
        right: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: '°C, POSS' } }
      },
      plugins: { legend: { position: 'bottom' } }
    }
  });
  canvas.setAttribute('data-drawn', 'true');
})();
