// Draws the scorecard charts with Apache ECharts from the figures the page embeds (data-scorecard on
// <main id="scorecard">): the partner beside its tier's average, in the first currency. The tables
// on the page have the same figures; a withheld average is drawn as no bar.
(function () {
  'use strict';
  var main = document.getElementById('scorecard');
  if (!main || typeof echarts === 'undefined') {
    return;
  }
  var s = JSON.parse(main.getAttribute('data-scorecard'));
  var charts = [];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    option.tooltip = option.tooltip || { trigger: 'axis', renderMode: 'richText' };
    option.animation = false;
    option.aria = { enabled: true };
    option.legend = {};
    option.grid = { containLabel: true };
    c.setOption(option);
    el.setAttribute('data-rendered', 'true');
    charts.push(c);
  }

  function num(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  function pick(figures, names) {
    return names.map(function (n) { return figures ? num(figures[n]) : null; });
  }

  function hours(iso) {
    if (!iso) {
      return null;
    }
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
    return m ? Math.round(((+m[1] || 0) + (+m[2] || 0) / 60 + (+m[3] || 0) / 3600) * 10) / 10 : null;
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

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
