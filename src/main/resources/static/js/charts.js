// What the pages with Apache ECharts charts share (js/insights.js, js/scorecard.js): drawing a chart
// into its element, marking it rendered, redrawing on resize, and reading the figures' JSON values.
// Tooltips render in the canvas, as the Content-Security-Policy refuses inline styles.
(function () {
  'use strict';
  var drawn = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    option.tooltip = option.tooltip || { trigger: 'axis', renderMode: 'richText' };
    option.animation = false;
    option.aria = { enabled: true };
    c.setOption(option);
    el.setAttribute('data-rendered', 'true');
    drawn.push(c);
  }

  // A decimal of the JSON (a number or null) as a number for the chart.
  function num(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  // An ISO-8601 duration such as PT36H30M in hours to one decimal.
  function hours(iso) {
    if (!iso) {
      return null;
    }
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
    return m ? Math.round(((+m[1] || 0) + (+m[2] || 0) / 60 + (+m[3] || 0) / 3600) * 10) / 10 : null;
  }

  window.addEventListener('resize', function () {
    drawn.forEach(function (c) { c.resize(); });
  });
  window.PartnerflowCharts = { draw: draw, num: num, hours: hours };
})();
