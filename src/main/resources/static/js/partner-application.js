/*
 * Public partner application: renders forms/partner-application.form with form-js and submits it.
 *
 * Markup:  <div id="partner-application" data-form-url="…" data-submit-url="…"></div>
 * Needs:   /vendor/form-js/form-viewer.umd.js and /js/form-viewer.js loaded before this script.
 * API:     GET  data-form-url   → {form: <schema>}
 *          POST data-submit-url → 201 {id, status, statusPage} (the browser goes to statusPage) | 400 {errors:[{field,message}]} | 409 {detail}
 *
 * Defines no globals. All server text goes into the page with textContent, never as HTML.
 */
(function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function start(root) {
    var notice = el('div', 'notice error');
    notice.setAttribute('role', 'alert');
    notice.hidden = true;
    var container = el('div', 'pf-form-container');
    var button = el('button', null, 'Submit application');
    button.type = 'button';
    button.disabled = true;
    root.replaceChildren(notice, container, button);

    function show(messages) {
      notice.replaceChildren();
      messages.forEach(function (m) {
        notice.appendChild(el('div', null, m));
      });
      notice.hidden = messages.length === 0;
    }

    if (!window.FormViewer || typeof window.FormViewer.Form !== 'function') {
      show(['The form viewer could not be loaded. Reload the page to try again.']);
      return;
    }
    var form = window.PartnerflowForms.create({ container: container });
    form.on('submit', function (event) {
      if (event.errors && Object.keys(event.errors).length > 0) return;
      var restore = window.PartnerflowPage
        ? window.PartnerflowPage.busy(button, 'Sending…')
        : function () {
            button.disabled = false;
          };
      button.disabled = true;
      fetch(root.getAttribute('data-submit-url'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify(event.data || {}),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (body) {
              if (response.status === 201) {
                var message =
                  'Thank you: your application arrived. We check it and e-mail you about the next step; ' +
                  'this page shows where it stands.';
                if (body.statusPage && window.PartnerflowPage) {
                  window.PartnerflowPage.flashNext(message);
                  window.location.assign(body.statusPage);
                  return;
                }
                var thanks = el('p', 'notice', message.replace('this page shows', 'our e-mail links to a page that shows'));
                thanks.setAttribute('role', 'status');
                thanks.tabIndex = -1;
                root.replaceChildren(thanks);
                thanks.focus();
                return;
              }
              restore();
              var errors = Array.isArray(body.errors) ? body.errors : [];
              show(
                errors.length > 0
                  ? errors.map(function (e) {
                      return (e.field ? e.field + ': ' : '') + (e.message || 'invalid');
                    })
                  : [body.detail || 'The application could not be sent (HTTP ' + response.status + ').'],
              );
            });
        })
        .catch(function () {
          restore();
          show(['The server could not be reached. Your input is still here; try again.']);
        });
    });
    button.addEventListener('click', function () {
      form.submit();
    });
    fetch(root.getAttribute('data-form-url'), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('The form could not be loaded (HTTP ' + response.status + ').');
        return response.json();
      })
      .then(function (body) {
        return form.importSchema(body.form, {});
      })
      .then(function () {
        button.disabled = false;
      })
      .catch(function (error) {
        show([error.message || 'The form could not be loaded.']);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('partner-application');
    if (root) start(root);
  });
})();
