/*
 * A deployed process's diagram, read-only, with bpmn-js (navigated viewer: pan and zoom), with
 * badges per element for the open user tasks and incidents there (data-elements-url); a click on
 * an element lists the cases waiting there in #element-cases.
 *
 * Markup:  <div id="process-diagram" data-xml-url="…" data-elements-url="…"></div>
 *          <section id="element-cases" hidden><… data-element-name><div data-cases></div></section>
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

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('Could not be loaded (' + response.status + ')');
        return response.json();
      });
  }

  function badge(className, count, label) {
    var span = document.createElement('span');
    span.className = 'element-badge ' + className;
    span.textContent = String(count);
    span.title = count + ' ' + label;
    return span;
  }

  /** Badges for the elements where cases wait; a click on an element lists them. */
  function overlay(viewer, elementsUrl) {
    var overlays = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    getJson(elementsUrl).then(function (counts) {
      counts.forEach(function (c) {
        if (!registry.get(c.elementId)) return; // only in another version of the process
        var html = document.createElement('div');
        html.className = 'element-badges';
        html.setAttribute('data-element-id', c.elementId);
        if (c.openTasks > 0) html.appendChild(badge('tasks', c.openTasks, 'open user tasks'));
        if (c.incidents > 0) html.appendChild(badge('incidents', c.incidents, 'incidents'));
        overlays.add(c.elementId, { position: { bottom: 8, right: 8 }, html: html });
      });
      document.getElementById('process-diagram').setAttribute('data-overlaid', String(counts.length));
    }).catch(function () { /* the diagram stays usable without badges */ });
    viewer.get('eventBus').on('element.click', function (event) {
      var element = event.element;
      if (!element || element.type === 'bpmn:Process') return;
      listCases(elementsUrl + '/' + encodeURIComponent(element.id) + '/cases', element);
    });
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
  }

  function listCases(url, element) {
    var section = document.getElementById('element-cases');
    if (!section) return;
    section.hidden = false;
    section.querySelector('[data-element-name]').textContent =
      (element.businessObject && element.businessObject.name ? element.businessObject.name + ' ' : '') +
      '(' + element.id + ')';
    var target = section.querySelector('[data-cases]');
    getJson(url).then(function (cases) {
      if (cases.length === 0) {
        var p = document.createElement('p');
        p.className = 'empty';
        p.textContent = 'No case waits here.';
        target.replaceChildren(p);
        return;
      }
      var table = document.createElement('table');
      table.className = 'tasks';
      var head = document.createElement('tr');
      ['Case (instance)', 'Waits at', 'Detail', 'Since'].forEach(function (h) {
        var th = document.createElement('th');
        th.textContent = h;
        head.appendChild(th);
      });
      var thead = document.createElement('thead');
      thead.appendChild(head);
      table.appendChild(thead);
      var body = document.createElement('tbody');
      cases.forEach(function (c) {
        var row = document.createElement('tr');
        cell(row, c.processInstanceKey, 'mono');
        cell(row, c.kind === 'incident' ? 'incident ' + c.incidentKey : 'user task ' + c.taskId);
        cell(row, c.detail);
        cell(row, c.since ? new Date(c.since).toLocaleString() : '', 'nowrap');
        body.appendChild(row);
      });
      table.appendChild(body);
      target.replaceChildren(table);
    }).catch(function (error) {
      show(target, error.message);
    });
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
          if (root.dataset.elementsUrl) overlay(viewer, root.dataset.elementsUrl);
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
