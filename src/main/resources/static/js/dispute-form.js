/*
 * Partnerflow dispute form: renders forms/dispute.form (the schema is in the page) with form-js
 * and posts it, with the subject the page names, to POST /api/disputes; on 201 hands in the files
 * chosen in the page's file input (#dispute-files), one by one, to POST /api/disputes/{id}/evidence
 * and goes to the new dispute's page with a confirmation that names any file the server refused. The server's 400 errors are shown next to their fields
 * (PartnerflowForms.showFieldErrors); 404, 409 and others above the form.
 *
 * Markup:  <div id="dispute-form" data-subject-type="CLAIM" data-subject-id="…" data-schema="{…}"></div>
 * Needs:   /vendor/form-js/form-viewer.umd.js, /js/form-viewer.js and the layout's CSRF meta tags.
 * All server text goes into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function csrfHeaders(json) {
    var headers = { Accept: 'application/json, application/problem+json' };
    if (json) headers['Content-Type'] = 'application/json';
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) headers[header.getAttribute('content')] = token.getAttribute('content');
    return headers;
  }

  /** Posts each file in turn; resolves to the names of those the server refused. */
  function uploadAll(disputeId, files) {
    var refused = [];
    return files
      .reduce(function (chain, file) {
        return chain.then(function () {
          var data = new FormData();
          data.append('file', file, file.name);
          return fetch('/api/disputes/' + encodeURIComponent(disputeId) + '/evidence', {
            method: 'POST',
            credentials: 'same-origin',
            headers: csrfHeaders(false),
            body: data,
          })
            .then(function (response) {
              if (response.status !== 201) refused.push(file.name);
            })
            .catch(function () {
              refused.push(file.name);
            });
        });
      }, Promise.resolve())
      .then(function () {
        return refused;
      });
  }

  function start() {
    var root = document.getElementById('dispute-form');
    if (!root || !window.FormViewer) return;
    var problems = window.PartnerflowForms.problemList();
    var container = document.createElement('div');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Open the dispute';
    var filesBlock = document.getElementById('dispute-files-block');
    var fileInput = document.getElementById('dispute-files');
    if (filesBlock) {
      root.replaceChildren(problems.element, container, filesBlock, button);
    } else {
      root.replaceChildren(problems.element, container, button);
    }
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
        headers: csrfHeaders(true),
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
                var files = fileInput && fileInput.files ? Array.prototype.slice.call(fileInput.files) : [];
                return uploadAll(body.id, files).then(function (refused) {
                  if (window.PartnerflowPage) {
                    window.PartnerflowPage.flashNext(
                      'Your dispute was opened. An independent reviewer takes it up; who holds it and when a decision is due are below.' +
                        (refused.length > 0
                          ? ' These files were not accepted (PDF, PNG or JPEG within the size limit); add them when the reviewer asks for information: ' +
                            refused.join(', ')
                          : ''),
                    );
                  }
                  window.location.assign('/disputes/' + encodeURIComponent(body.id));
                });
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
