/* Charts for the targets pages. Data comes from a JSON block (json_script), so the
   Content Security Policy needs no inline script. Each canvas also carries a text
   alternative in aria-label, and the numbers are in the tables next to it.
   The server sends every label already translated (periods "Quý 3" / "Tháng 9", "Kế hoạch"). */
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  if (!block || typeof Chart === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  var red = "#a50e1c", grey = "#6c757d";
  // The badge colours of portal.css (.status-*), for bars coloured by verdict or status.
  var colours = { exceeded: "#0f5132", met: "#198754", not_met: "#dc3545", no_figure: "#adb5bd",
                  on_track: "#198754", at_risk: "#ffc107", off_track: "#dc3545", no_data: "#adb5bd",
                  done: "#198754", not_done: "#dc3545" };

  // A dashed vertical line at 100 % of the plan across a horizontal bar chart.
  var planAt100 = {
    id: "planAt100",
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      if (!x) { return; }
      var px = x.getPixelForValue(100);
      ctx.save();
      ctx.strokeStyle = grey; ctx.lineWidth = 2; ctx.setLineDash([6, 4]);
      ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
      ctx.restore();
    }
  };

  function glance(canvas, item) {
    var bars = item.bars;
    return new Chart(canvas, {
      type: "bar",
      data: { labels: bars.labels, datasets: [{ label: bars.axis, data: bars.values,
        backgroundColor: bars.keys.map(function (k) { return colours[k] || grey; }), maxBarThickness: 22 }] },
      options: {
        indexAxis: "y", maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { display: false },
          subtitle: { display: true, text: "- - - " + bars.plan_label, position: "bottom", color: grey },
          tooltip: { callbacks: { title: function (items) { return bars.names_full[items[0].dataIndex]; },
                                  label: function (c) {
            return c.parsed.x.toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + "% · " + bars.names[bars.keys[c.dataIndex]];
          } } }
        },
        scales: { x: { min: 0, suggestedMax: 120, title: { display: true, text: bars.axis } },
                  // on a phone the names are cut shorter so the bars keep their room (the tooltip has the whole name)
                  y: { ticks: { autoSkip: false, callback: function (value, index) {
                    var label = bars.labels[index], max = this.chart.width < 560 ? 18 : 40;
                    return label.length > max ? label.slice(0, max - 1) + "…" : label;
                  } } } }
      },
      plugins: [planAt100]
    });
  }

  function trend(canvas, item) {
    var t = item.trend;
    return new Chart(canvas, {
      type: "bar",
      data: { labels: t.labels, datasets: t.series.map(function (s) {
        return { label: s.label, data: s.counts, backgroundColor: colours[s.key] || grey, maxBarThickness: 48 };
      }) },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
                                             title: { display: true, text: t.axis } } }
      }
    });
  }

  function line(canvas, item) {
    var spark = canvas.dataset.kind === "spark";
    var datasets = [{ label: item.label, data: item.values, borderColor: red, backgroundColor: red,
                      pointRadius: spark ? 1.5 : 3, borderWidth: spark ? 1.5 : 2, tension: 0.2, spanGaps: true }];
    item.plan.forEach(function (values, i) {
      datasets.push({ label: item.plan_label, data: values, borderColor: grey, borderDash: [6, 4],
                      borderWidth: spark ? 1 : 2, pointRadius: 0, fill: false,
                      hidden: false, _secondBound: i > 0 });
    });
    return new Chart(canvas, {
      type: "line",
      data: { labels: item.labels, datasets: datasets },
      options: {
        responsive: !spark, maintainAspectRatio: !spark, animation: false,
        plugins: { legend: { display: !spark, labels: { filter: function (l, d) {
          return !d.datasets[l.datasetIndex]._secondBound; } } }, tooltip: { enabled: !spark } },
        scales: { x: { display: !spark }, y: { display: !spark, beginAtZero: true } }
      }
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var item = data[canvas.dataset.chart];
    if (!item) { return; }
    if (canvas.dataset.kind === "glance") { glance(canvas, item); return; }
    if (canvas.dataset.kind === "trend") { trend(canvas, item); return; }
    if (!item.values || !item.values.some(function (v) { return v !== null; })) { return; }
    line(canvas, item);
  });
})();
