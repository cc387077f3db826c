/*
 * Partnerflow dispute form: renders forms/dispute.form (the schema is in the page) with form-js
 * and posts it, with the subject the page names, to POST /api/disputes; on 201 goes to the new
 * dispute's page with a confirmation. The server's 400 errors are shown next to their fields
 * (PartnerflowForms.showFieldErrors); 404, 409 and others above the form.
 *
 * Markup:  <div id="dispute-form" data-subject-type="CLAIM" data-subject-id="…" data-schema="{…}"></div>
 * Needs:   /vendor/form-js/form-viewer.umd.js, /js/form-viewer.js and the layout's CSRF meta tags.
 * All server text goes into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) headers[header.getAttribute('content')] = token.getAttribute('content');
    return headers;
  }

  function start() {
    var root = document.getElementById('dispute-form');
    if (!root || !window.FormViewer) return;
    var problems = window.PartnerflowForms.problemList();
    var container = document.createElement('div');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Open the dispute';
    root.replaceChildren(problems.element, container, button);
    var form = window.PartnerflowForms.create({ container: container });
    root.partnerflowForm = form;

    var showProblems = problems.show;

    button.addEventListener('click', function () {
      form.submit();
    });
    form.on('submit', function (event) {
      window.PartnerflowForms.clearFieldErrors(container);
      showProblems([]);
      if (event.errors && Object.keys(event.errors).length > 0) return;
      var data = Object.assign({}, event.data || {}, {
        subjectType: root.dataset.subjectType,
        subjectId: root.dataset.subjectId,
      });
      var restore = window.PartnerflowPage
        ? window.PartnerflowPage.busy(button, 'Opening…')
        : function () {};
      fetch('/api/disputes', {
        method: 'POST',
        credentials: 'same-origin',
        headers: csrfHeaders(),
        body: JSON.stringify(data),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (body) {
              if (response.status === 201 && body.id) {
                if (window.PartnerflowPage) {
                  window.PartnerflowPage.flashNext(
                    'Your dispute was opened. An independent reviewer takes it up; who holds it and when a decision is due are below.',
                  );
                }
                window.location.assign('/disputes/' + encodeURIComponent(body.id));
                return;
              }
              restore();
              var errors = Array.isArray(body.errors) ? body.errors : [];
              if (errors.length > 0) {
                showProblems(window.PartnerflowForms.showFieldErrors(form, container, errors));
              } else {
                showProblems([body.detail || 'The dispute was refused.']);
              }
            });
        })
        .catch(function () {
          restore();
          showProblems(['The service could not be reached. Your input is still here; try again.']);
        });
    });
    form.importSchema(JSON.parse(root.dataset.schema), {});
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
