// Draws the insights charts with Apache ECharts from the figures the page embeds (data-insights on
// <main id="insights">) through js/charts.js. Each chart has a table or list with the same figures on
// the page, and an aria-label.
(function () {
  'use strict';
  var main = document.getElementById('insights');
  if (!main || typeof PartnerflowCharts === 'undefined') {
    return;
  }
  var data = JSON.parse(main.getAttribute('data-insights'));
  var d = data.dashboard;
  var currency = d.funnel.currency;
  var chart = PartnerflowCharts.draw;
  var num = PartnerflowCharts.num;
  var hours = PartnerflowCharts.hours;

  var util = d.utilisation.filter(function (u) { return u.currency === currency; });
  chart('chart-utilisation', {
    legend: {},
    grid: { containLabel: true },
    xAxis: { type: 'category', data: util.map(function (u) { return u.period; }) },
    yAxis: { type: 'value', name: currency },
    series: [
      { name: 'Allocated', type: 'bar', data: util.map(function (u) { return num(u.allocated); }) },
      { name: 'Paid', type: 'bar', stack: 'used', data: util.map(function (u) { return num(u.paid); }) },
      { name: 'Reserved, not paid', type: 'bar', stack: 'used',
        data: util.map(function (u) { return num(u.committed) - num(u.paid); }) },
      { name: 'Released', type: 'bar', stack: 'back', data: util.map(function (u) { return num(u.released); }) },
      { name: 'Lapsed', type: 'bar', stack: 'back', data: util.map(function (u) { return num(u.lapsed); }) }
    ]
  });

  var burn = d.burnDown.filter(function (b) { return b.currency === currency; })[0] || d.burnDown[0];
  if (burn) {
    chart('chart-burndown', {
      legend: {},
      grid: { containLabel: true },
      xAxis: { type: 'category', data: burn.points.map(function (p) { return p.date; }) },
      yAxis: { type: 'value', name: burn.currency },
      series: [
        { name: 'Left', type: 'line', showSymbol: false, data: burn.points.map(function (p) { return num(p.remaining); }) },
        { name: 'Even burn', type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
          data: burn.points.map(function (p) { return num(p.ideal); }) }
      ]
    });
  }

  chart('chart-funnel', {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    series: [{
      name: 'Requests', type: 'funnel', sort: 'none', left: '10%', width: '80%',
      label: { formatter: '{b}: {c}' },
      data: d.funnel.steps.map(function (s) { return { name: s.name, value: s.count }; })
    }]
  });

  var roi = d.roiByActivityType.filter(function (r) { return r.currency === currency; });
  chart('chart-roi', {
    legend: {},
    grid: { containLabel: true },
    xAxis: { type: 'category', data: roi.map(function (r) { return r.key; }) },
    yAxis: [{ type: 'value', name: 'Pipeline per unit paid' }, { type: 'value', name: 'Cost per lead' }],
    series: [
      { name: 'Pipeline per unit paid', type: 'bar', data: roi.map(function (r) { return num(r.pipelinePerUnit); }) },
      { name: 'Cost per lead', type: 'bar', yAxisIndex: 1, data: roi.map(function (r) { return num(r.costPerLead); }) }
    ]
  });

  chart('chart-speed', {
    legend: {},
    grid: { containLabel: true },
    xAxis: { type: 'category', data: ['Time to decision', 'Time to cash'] },
    yAxis: { type: 'value', name: 'Hours' },
    series: [
      { name: 'p50', type: 'bar', data: [hours(d.speed.timeToDecisionP50), hours(d.speed.timeToCashP50)] },
      { name: 'p90', type: 'bar', data: [hours(d.speed.timeToDecisionP90), hours(d.speed.timeToCashP90)] }
    ]
  });

  var rec = data.reconciliation.rows;
  chart('chart-reconciliation', {
    legend: {},
    grid: { containLabel: true },
    xAxis: { type: 'category', data: rec.map(function (r) { return r.partnerName; }) },
    yAxis: { type: 'value', name: 'Leads' },
    series: [
      { name: 'Expected leads', type: 'bar', data: rec.map(function (r) { return r.expectedLeads; }) },
      { name: 'Actual leads', type: 'bar', data: rec.map(function (r) { return r.actualLeads; }) }
    ]
  });
})();
