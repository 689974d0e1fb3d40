/* Charts for the targets pages. Data comes from a JSON block (json_script), so the
   Content Security Policy needs no inline script. Each canvas also carries a text
   alternative in aria-label, and the numbers are in the table next to it. */
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  if (!block || typeof Chart === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  var red = "#a50e1c", grey = "#6c757d";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var item = data[canvas.dataset.chart];
    if (!item || !item.points.length) { return; }
    var spark = canvas.dataset.kind === "spark";
    var labels = item.points.map(function (p) { return "T" + p[0]; });
    var datasets = [{ label: item.label, data: item.points.map(function (p) { return p[1]; }),
                      borderColor: red, backgroundColor: red, pointRadius: spark ? 0 : 3, tension: 0.2 }];
    if (!spark && item.target !== null) {
      datasets.push({ label: "Kế hoạch", data: labels.map(function () { return item.target; }),
                      borderColor: grey, borderDash: [6, 4], pointRadius: 0 });
    }
    new Chart(canvas, {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: !spark, maintainAspectRatio: !spark, animation: false,
        plugins: { legend: { display: !spark }, tooltip: { enabled: !spark } },
        scales: { x: { display: !spark }, y: { display: !spark } }
      }
    });
  });
})();
