/*
 * A deployed process's diagram, read-only, with bpmn-js (navigated viewer: pan and zoom).
 *
 * Markup:  <div id="process-diagram" data-xml-url="…"></div>
 * Needs:   /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js loaded before (global BpmnJS).
 *
 * Defines no globals. Errors go into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function show(root, message) {
    var p = document.createElement('p');
    p.className = 'notice error';
    p.textContent = message;
    root.replaceChildren(p);
  }

  function start(root) {
    fetch(root.dataset.xmlUrl, { headers: { Accept: 'application/xml' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('The diagram could not be loaded (' + response.status + ')');
        return response.text();
      })
      .then(function (xml) {
        root.replaceChildren();
        var viewer = new BpmnJS({ container: root });
        return viewer.importXML(xml).then(function () {
          viewer.get('canvas').zoom('fit-viewport');
          root.setAttribute('data-rendered', 'true');
        });
      })
      .catch(function (error) {
        show(root, error.message);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('process-diagram');
    if (root) start(root);
  });
})();
