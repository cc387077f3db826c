/*
 * Partnerflow MDF request form: renders forms/mdf-request.form with form-js and submits it to
 * POST /api/mdf-requests; on 201 goes to /mdf-requests, on 400 lists every field problem.
 *
 * Markup:  <div id="mdf-request-form"></div>
 * Needs:   /vendor/form-js/form-viewer.umd.js and /js/form-viewer.js (global PartnerflowForms) and the layout's CSRF meta tags.
 * All server text goes into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') : null;
  }

  function start() {
    var root = document.getElementById('mdf-request-form');
    if (!root || !window.FormViewer) return;
    var problems = document.createElement('ul');
    problems.className = 'notice error';
    problems.setAttribute('role', 'alert');
    problems.hidden = true;
    var container = document.createElement('div');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Submit request';
    root.replaceChildren(problems, container, button);

    var form = window.PartnerflowForms.create({ container: container });
    button.addEventListener('click', function () {
      form.submit();
    });
    form.on('submit', function (event) {
      if (event.errors && Object.keys(event.errors).length > 0) return;
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
      if (meta('_csrf') && meta('_csrf_header')) headers[meta('_csrf_header')] = meta('_csrf');
      button.disabled = true;
      fetch('/api/mdf-requests', {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify(event.data || {}),
      })
        .then(function (response) {
          if (response.status === 201) {
            window.location.assign('/mdf-requests');
            return;
          }
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (problem) {
              problems.replaceChildren();
              var items = problem.errors && problem.errors.length ? problem.errors : [{ field: '', message: problem.detail || 'The request was refused.' }];
              items.forEach(function (p) {
                var li = document.createElement('li');
                li.textContent = (p.field ? p.field + ': ' : '') + p.message;
                problems.appendChild(li);
              });
              problems.hidden = false;
              button.disabled = false;
            });
        })
        .catch(function () {
          problems.replaceChildren();
          var li = document.createElement('li');
          li.textContent = 'The service could not be reached. Try again.';
          problems.appendChild(li);
          problems.hidden = false;
          button.disabled = false;
        });
    });
    fetch('/api/mdf-requests/form', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json();
      })
      .then(function (schema) {
        return form.importSchema(schema, {});
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
