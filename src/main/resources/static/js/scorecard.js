// Draws the scorecard charts with Apache ECharts through js/charts.js from the figures the page
// embeds (data-scorecard on <main id="scorecard">): the partner beside its tier's average, in the
// first currency. The tables on the page have the same figures; a withheld average draws no bar.
(function () {
  'use strict';
  var main = document.getElementById('scorecard');
  if (!main || typeof PartnerflowCharts === 'undefined') {
    return;
  }
  var s = JSON.parse(main.getAttribute('data-scorecard'));
  var num = PartnerflowCharts.num;
  var hours = PartnerflowCharts.hours;

  function chart(id, option) {
    option.legend = {};
    option.grid = { containLabel: true };
    PartnerflowCharts.draw(id, option);
  }

  function pick(figures, names) {
    return names.map(function (n) { return figures ? num(figures[n]) : null; });
  }

  var card = s.currencies[0];
  if (card) {
    var money = ['allocated', 'committed', 'paid', 'lapsed'];
    chart('chart-scorecard-utilisation', {
      xAxis: { type: 'category', data: ['Allocated', 'Committed', 'Paid', 'Lapsed'] },
      yAxis: { type: 'value', name: card.currency },
      series: [
        { name: 'This partner', type: 'bar', data: pick(card.partner, money) },
        { name: 'Tier average', type: 'bar', data: pick(card.tierAverage, money) }
      ]
    });
    var counts = ['leads', 'expectedLeads', 'opportunities'];
    chart('chart-scorecard-results', {
      xAxis: { type: 'category', data: ['Leads', 'Expected leads', 'Opportunities'] },
      yAxis: { type: 'value' },
      series: [
        { name: 'This partner', type: 'bar', data: pick(card.partner, counts) },
        { name: 'Tier average', type: 'bar', data: pick(card.tierAverage, counts) }
      ]
    });
  }

  function times(t) {
    return t ? [hours(t.timeToDecisionP50), hours(t.timeToDecisionP90), hours(t.timeToCashP50), hours(t.timeToCashP90)]
      : [null, null, null, null];
  }
  chart('chart-scorecard-speed', {
    xAxis: { type: 'category', data: ['Decision p50', 'Decision p90', 'Cash p50', 'Cash p90'] },
    yAxis: { type: 'value', name: 'Hours' },
    series: [
      { name: 'This partner', type: 'bar', data: times(s.speed.partner) },
      { name: 'Tier', type: 'bar', data: times(s.speed.tierAverage) }
    ]
  });
})();
