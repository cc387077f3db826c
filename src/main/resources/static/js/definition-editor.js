/*
 * The process owners' editors: a process (camunda-bpmn-js, Camunda 8 modeler with its properties
 * panel), a decision (camunda-dmn-js) or a form (form-js editor), opened on the newest deployed
 * version. Problems show as the owner types (@camunda/linting, the rules of Camunda Modeler's
 * problems panel, for diagrams); a decision can be simulated on the current period's cases
 * (POST /api/deployments/simulation) and every kind deployed (POST /api/deployments), whose
 * findings are shown as the service words them.
 *
 * Markup:  <div id="definition-editor" data-kind="process|decision|form" data-id="…"
 *               data-resource-name="…" data-content-url="…" data-deploy-url="…"
 *               data-simulation-url="…"> with #editor-canvas, #editor-properties,
 *          #problems-summary, #problems-list, #editor-deploy, #editor-simulate, #editor-result.
 * Needs:   per kind /vendor/camunda-bpmn-js/camunda-cloud-modeler.production.min.js (global
 *          BpmnModeler) and /vendor/modeling/modeling-support.js (global PartnerflowModeling),
 *          /vendor/camunda-dmn-js/camunda-cloud-modeler.production.min.js (global DmnModeler) or
 *          /vendor/form-js/form-editor.umd.js (global FormEditor); the layout's CSRF meta tags.
 *
 * Defines no globals. Everything from the server or the files goes into the page as text.
 */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function headers() {
    var h = { Accept: 'application/json, application/problem+json' };
    if (meta('_csrf') && meta('_csrf_header')) h[meta('_csrf_header')] = meta('_csrf');
    return h;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function table(label, columns, rows) {
    var wrap = el('div', 'table-scroll');
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', label);
    var t = el('table', 'tasks');
    var head = el('tr');
    columns.forEach(function (c) { head.appendChild(el('th', null, c)); });
    var thead = el('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    var body = el('tbody');
    rows.forEach(function (cells) {
      var tr = el('tr');
      cells.forEach(function (c) { tr.appendChild(el('td', null, c)); });
      body.appendChild(tr);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function show(value) {
    if (value === null || value === undefined) return '–';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  // ---- the three editors: each opens the content and answers save() with the file's text ----

  function processEditor(root, xml, onChange) {
    var modeling = window.PartnerflowModeling;
    var modeler = new BpmnModeler({
      container: document.getElementById('editor-canvas'),
      propertiesPanel: { parent: document.getElementById('editor-properties') },
      additionalModules: [modeling.lintingModule]
    });
    var linter = new modeling.Linter({
      modeler: 'web',
      type: 'cloud',
      plugins: [{ config: { rules: modeling.exceptions } }]
    });
    var lint = function () {
      return linter.lint(modeler.getDefinitions()).then(function (reports) {
        var shown = reports.filter(function (r) { return modeling.exceptions[r.rule] !== 'off'; });
        modeler.get('linting').setErrors(shown);
        onChange(shown.map(function (r) {
          var element = modeler.get('elementRegistry').get(r.id);
          var name = element && element.businessObject && element.businessObject.name;
          return {
            severity: r.category === 'warn' ? 'warning' : r.category,
            elementId: r.id,
            elementName: name || null,
            rule: r.rule,
            message: r.message,
            select: function () { modeler.get('linting').showError(r); }
          };
        }));
      });
    };
    return modeler.importXML(xml).then(function () {
      modeler.get('canvas').zoom('fit-viewport');
      modeler.get('linting').activate();
      modeler.on('commandStack.changed', debounce(lint, 250));
      root.editor = modeler; // for the browser tests: bpmn-js's API, as the palette uses it
      return lint().then(function () {
        return {
          save: function () { return modeler.saveXML({ format: true }).then(function (r) { return r.xml; }); },
          type: 'application/xml'
        };
      });
    });
  }

  function decisionEditor(root, xml, onChange) {
    var modeler = new DmnModeler({ container: document.getElementById('editor-canvas') });
    return modeler.importXML(xml).then(function () {
      var view = modeler.getViews().filter(function (v) {
        return v.element.id === root.dataset.id && v.type === 'decisionTable';
      })[0];
      if (view) return modeler.open(view);
    }).then(function () {
      onChange(null);
      root.editor = modeler;
      return {
        save: function () { return modeler.saveXML({ format: true }).then(function (r) { return r.xml; }); },
        type: 'application/xml'
      };
    });
  }

  function formEditor(root, json, onChange) {
    var editor = new FormEditor.FormEditor({ container: document.getElementById('editor-canvas') });
    return editor.importSchema(JSON.parse(json)).then(function () {
      onChange(null);
      root.editor = editor;
      return {
        save: function () { return Promise.resolve(JSON.stringify(editor.saveSchema(), null, 2)); },
        type: 'application/json'
      };
    });
  }

  // ---- problems, simulation and deployment ----

  function showProblems(problems) {
    var summary = document.getElementById('problems-summary');
    var list = document.getElementById('problems-list');
    list.replaceChildren();
    if (problems === null) {
      summary.textContent = 'Checked by the service when you simulate or deploy.';
      return;
    }
    var errors = problems.filter(function (p) { return p.severity === 'error'; }).length;
    summary.textContent = problems.length === 0
      ? 'No problems.'
      : errors + ' errors, ' + (problems.length - errors) + ' warnings and notes.';
    problems.forEach(function (p) {
      var li = el('li', 'problem problem-' + p.severity);
      li.setAttribute('data-element-id', p.elementId || '');
      li.setAttribute('data-rule', p.rule || '');
      var button = el('button', 'link-button', (p.elementName || p.elementId || 'Diagram'));
      button.type = 'button';
      button.addEventListener('click', p.select);
      li.appendChild(el('span', 'badge' + (p.severity === 'error' ? ' bad' : ' warn'), p.severity));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(button);
      li.appendChild(document.createTextNode(': ' + p.message + ' '));
      li.appendChild(el('span', 'mono hint', '(' + p.rule + ')'));
      list.appendChild(li);
    });
  }

  function upload(url, field, name, type, text) {
    var body = new FormData();
    body.append(field, new Blob([text], { type: type }), name);
    return fetch(url, { method: 'POST', body: body, headers: headers(), credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (raw) {
          var json = null;
          try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
          return { status: response.status, ok: response.ok, json: json, raw: raw };
        });
      });
  }

  function findingsTable(findings) {
    return table('Findings', ['Severity', 'File', 'Element', 'Rule', 'Message'], findings.map(function (f) {
      return [f.severity, f.resourceName, f.elementId || '–', f.rule, f.message];
    }));
  }

  function refusal(result) {
    var p = result.json || {};
    var box = el('div');
    box.appendChild(el('p', 'notice error', (p.title || 'Refused') + ' (' + result.status + '): ' + (p.detail || result.raw || '')));
    if (Array.isArray(p.findings) && p.findings.length) box.appendChild(findingsTable(p.findings));
    if (Array.isArray(p.errors)) {
      p.errors.forEach(function (e) { box.appendChild(el('p', 'error', (e.field ? e.field + ': ' : '') + e.message)); });
    }
    return box;
  }

  function deployed(result) {
    var d = result.json;
    var box = el('div');
    box.setAttribute('id', 'deployed');
    box.appendChild(el('p', 'notice', 'Deployed: ' + d.resources.map(function (r) {
      return (r.bpmnProcessId || r.decisionId || r.formId) + ' version ' + r.version;
    }).join(', ') + '. New cases use it; running cases keep the version they started with.'));
    box.dataset.versions = JSON.stringify(d.resources);
    if (d.findings && d.findings.length) box.appendChild(findingsTable(d.findings));
    return box;
  }

  function simulated(result) {
    var s = result.json;
    var box = el('div');
    box.setAttribute('id', 'simulation');
    box.appendChild(el('p', 'notice', s.period + ': ' + s.evaluated + ' cases evaluated, ' + s.changed +
      ' would be decided differently. Nothing is deployed until you deploy.'));
    box.appendChild(table('Outcomes before and after', ['Outcome', 'Deployed', 'Changed'], s.byOutcome.map(function (o) {
      return [o.outcome, o.before, o.after];
    })));
    if (s.cases.length) {
      box.appendChild(table('Cases decided differently', ['Case', 'Deployed decision', 'Changed decision', 'Amount'],
        s.cases.map(function (c) { return [c.subjectId, show(c.before), show(c.after), show(c.amount)]; })));
    }
    return box;
  }

  function start(root) {
    var result = document.getElementById('editor-result');
    var kind = root.dataset.kind;
    var open = { process: processEditor, decision: decisionEditor, form: formEditor }[kind];
    var busy = function (on) {
      root.querySelectorAll('button.editor-action').forEach(function (b) { b.disabled = on; });
    };
    fetch(root.dataset.contentUrl, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('The file could not be loaded (' + response.status + ')');
        return response.text();
      })
      .then(function (text) { return open(root, text, showProblems); })
      .then(function (editor) {
        root.setAttribute('data-ready', 'true');
        busy(false);
        var act = function (url, field, render) {
          busy(true);
          result.replaceChildren(el('p', 'hint', 'Working…'));
          editor.save()
            .then(function (text) { return upload(url, field, root.dataset.resourceName, editor.type, text); })
            .then(function (r) { result.replaceChildren(r.ok ? render(r) : refusal(r)); })
            .catch(function (e) { result.replaceChildren(el('p', 'notice error', e.message)); })
            .then(function () { busy(false); });
        };
        document.getElementById('editor-deploy').addEventListener('click', function () {
          act(root.dataset.deployUrl, 'files', deployed);
        });
        var simulate = document.getElementById('editor-simulate');
        if (simulate) {
          simulate.addEventListener('click', function () {
            act(root.dataset.simulationUrl, 'file', simulated);
          });
        }
      })
      .catch(function (error) {
        result.replaceChildren(el('p', 'notice error', error.message));
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('definition-editor');
    if (root) start(root);
  });
})();
