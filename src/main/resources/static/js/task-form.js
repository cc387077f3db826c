/*
 * Partnerflow task form: renders a user task's Camunda Form with form-js and completes the task.
 *
 * Markup:  <div id="task-form" data-task-id="…"></div>
 *          optional data-api-url="…" (a task reached another way, e.g. by a single-use link:
 *          GET that URL for the task, POST …/complete) and data-return-url="…"
 * Needs:   /vendor/form-js/form-viewer.umd.js and /js/form-viewer.js loaded before this script,
 *          the layout's <meta name="_csrf"> / <meta name="_csrf_header"> for the session POST.
 * API:     GET  /api/tasks/{id}          → {id, name, …, form: <schema>, data: {…prefill}}
 *          POST /api/tasks/{id}/complete → 204 | 400 {errors:[{field,message}]} | 404/409 {detail}
 *
 * Defines no globals. All server text goes into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  var TASK_LIST_URL = '/tasks';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') : null;
  }

  function csrfHeaders(headers) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) headers[header] = token;
    return headers;
  }

  function readProblem(response) {
    return response
      .json()
      .catch(function () {
        return {};
      })
      .then(function (body) {
        return body && typeof body === 'object' ? body : {};
      });
  }

  function TaskForm(root) {
    this.root = root;
    this.taskId = root.getAttribute('data-task-id');
    this.apiUrl = root.getAttribute('data-api-url');
    this.returnUrl = root.getAttribute('data-return-url') || TASK_LIST_URL;
    this.form = null;
    this.busy = false;

    root.replaceChildren();
    this.notice = el('div', 'notice error pf-task-notice');
    this.notice.setAttribute('role', 'alert');
    this.notice.hidden = true;
    this.summary = el('div', 'pf-error-summary');
    this.summary.setAttribute('role', 'alert');
    this.summary.setAttribute('tabindex', '-1');
    this.summary.hidden = true;
    this.status = el('p', 'hint pf-task-status', 'Loading the form…');
    this.container = el('div', 'pf-form-container');
    this.actions = el('div', 'pf-task-actions');
    this.button = el('button', null, 'Complete task');
    this.button.type = 'button';
    this.button.disabled = true;
    this.actions.appendChild(this.button);
    root.append(this.notice, this.summary, this.status, this.container, this.actions);

    var self = this;
    this.button.addEventListener('click', function () {
      if (self.form && !self.busy) self.form.submit();
    });
  }

  TaskForm.prototype.url = function (suffix) {
    var base = this.apiUrl || '/api/tasks/' + encodeURIComponent(this.taskId);
    return base + (suffix || '');
  };

  TaskForm.prototype.load = function () {
    var self = this;
    if (!this.taskId && !this.apiUrl) {
      this.showNotice('This page does not name a task.');
      return Promise.resolve();
    }
    if (!window.FormViewer || typeof window.FormViewer.Form !== 'function') {
      this.showNotice('The form viewer could not be loaded. Reload the page to try again.');
      return Promise.resolve();
    }
    return fetch(this.url(), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        if (response.ok) return response.json();
        return readProblem(response).then(function (problem) {
          throw new Error(problem.detail || 'The task could not be loaded (HTTP ' + response.status + ').');
        });
      })
      .then(function (task) {
        var schema = typeof task.form === 'string' ? JSON.parse(task.form) : task.form;
        if (!schema) throw new Error('This task has no form.');
        self.form = window.PartnerflowForms.create({ container: self.container });
        self.form.on('submit', function (event) {
          self.onSubmit(event);
        });
        self.form.on('changed', function () {
          self.clearServerErrors();
        });
        // display: the readable values of what only the text views show (never submitted)
        return self.form.importSchema(schema, Object.assign({}, task.data || {}, task.display || {}));
      })
      .then(function () {
        self.status.hidden = true;
        self.button.disabled = false;
      })
      .catch(function (error) {
        self.status.hidden = true;
        self.showNotice(error && error.message ? error.message : 'The task could not be loaded.');
      });
  };

  TaskForm.prototype.onSubmit = function (event) {
    this.clearServerErrors();
    // form-js shows its own validation messages next to the fields.
    if (this.busy || (event.errors && Object.keys(event.errors).length > 0)) return;
    this.complete(event.data || {});
  };

  TaskForm.prototype.complete = function (data) {
    var self = this;
    this.setBusy(true);
    return fetch(this.url('/complete'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfHeaders({ 'Content-Type': 'application/json', Accept: 'application/problem+json, application/json' }),
      body: JSON.stringify(data),
    })
      .then(function (response) {
        if (response.status === 204 || response.ok) {
          window.location.assign(self.returnUrl);
          return;
        }
        return readProblem(response).then(function (problem) {
          self.setBusy(false);
          if (response.status === 400) {
            self.showFieldErrors(problem);
          } else if (response.status === 404 || response.status === 409) {
            self.showNotice(problem.detail || 'This task can no longer be completed.');
            self.button.disabled = true;
          } else {
            self.showNotice(
              problem.detail || 'The task could not be completed (HTTP ' + response.status + ').',
            );
          }
        });
      })
      .catch(function () {
        self.setBusy(false);
        self.showNotice('The server could not be reached. Your input is still here; try again.');
      });
  };

  TaskForm.prototype.setBusy = function (busy) {
    this.busy = busy;
    if (busy && window.PartnerflowPage) {
      this.restoreButton = window.PartnerflowPage.busy(this.button, 'Completing…');
      return;
    }
    if (!busy && this.restoreButton) {
      this.restoreButton();
      this.restoreButton = null;
    }
    this.button.disabled = busy;
    this.button.textContent = busy ? 'Completing…' : 'Complete task';
  };

  /** A notice with a link back to the task list (404, 409, load failures, unexpected answers). */
  TaskForm.prototype.showNotice = function (message) {
    this.notice.replaceChildren(el('span', null, message + ' '));
    var back = el('a', null, 'Back to the task list');
    back.href = this.returnUrl;
    this.notice.appendChild(back);
    this.notice.hidden = false;
    this.notice.scrollIntoView({ block: 'nearest' });
  };

  TaskForm.prototype.showFieldErrors = function (problem) {
    var errors = Array.isArray(problem.errors) ? problem.errors : [];
    var unplaced = window.PartnerflowForms.showFieldErrors(this.form, this.container, errors);
    if (errors.length === 0) unplaced.push(problem.detail || 'Please check your input.');
    if (unplaced.length > 0) {
      this.summary.replaceChildren(el('p', 'pf-error-summary-title', 'Please correct the following:'));
      var list = el('ul');
      unplaced.forEach(function (text) {
        list.appendChild(el('li', null, text));
      });
      this.summary.appendChild(list);
      this.summary.hidden = false;
      this.summary.focus();
    }
  };

  TaskForm.prototype.clearServerErrors = function () {
    window.PartnerflowForms.clearFieldErrors(this.container);
    this.summary.hidden = true;
    this.summary.replaceChildren();
  };

  function start() {
    var root = document.getElementById('task-form');
    if (root) new TaskForm(root).load();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
