/*
 * The history page of a process: draws the newer version with bpmn-js and marks what
 * bpmn-js-differ finds changed against the older one (added, changed, layout changed).
 *
 * Markup:  <div id="process-changes" data-from-url="…" data-to-url="…"></div>
 * Needs:   /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js (global BpmnJS) and
 *          /vendor/modeling/modeling-support.js (global PartnerflowModeling) loaded before.
 *
 * Defines no globals. Errors go into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function load(url) {
    return fetch(url, { headers: { Accept: 'application/xml' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('A version could not be loaded (' + response.status + ')');
        return response.text();
      });
  }

  function definitionsOf(xml) {
    var viewer = new BpmnJS({ container: document.createElement('div') });
    return viewer.importXML(xml).then(function () { return viewer.getDefinitions(); });
  }

  function start(root) {
    Promise.all([load(root.dataset.fromUrl), load(root.dataset.toUrl)])
      .then(function (xmls) {
        root.replaceChildren();
        var viewer = new BpmnJS({ container: root });
        return Promise.all([definitionsOf(xmls[0]), viewer.importXML(xmls[1])]).then(function (r) {
          var changes = PartnerflowModeling.diff(r[0], viewer.getDefinitions());
          var canvas = viewer.get('canvas');
          var registry = viewer.get('elementRegistry');
          var mark = function (ids, marker) {
            Object.keys(ids).forEach(function (id) {
              if (registry.get(id)) canvas.addMarker(id, marker);
            });
          };
          mark(changes._added, 'diff-added');
          mark(changes._changed, 'diff-changed');
          mark(changes._layoutChanged, 'diff-layout-changed');
          canvas.zoom('fit-viewport');
          root.setAttribute('data-added', Object.keys(changes._added).sort().join(' '));
          root.setAttribute('data-removed', Object.keys(changes._removed).sort().join(' '));
          root.setAttribute('data-changed', Object.keys(changes._changed).sort().join(' '));
          root.setAttribute('data-rendered', 'true');
        });
      })
      .catch(function (error) {
        var p = document.createElement('p');
        p.className = 'notice error';
        p.textContent = error.message;
        root.replaceChildren(p);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('process-changes');
    if (root) start(root);
  });
})();
