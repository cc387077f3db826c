/*
 * Partnerflow MDF request form: renders forms/mdf-request.form with form-js and submits it to
 * POST /api/mdf-requests; on 201 goes to /mdf-requests with a confirmation.
 *
 * Before sending, the browser checks what it can (the server checks everything again): the
 * milestone shares add up to 100 % (a running total under the list), the end date is not before
 * the start, the activity starts in the future, and the total cost is the requested amount plus
 * the co-funding. These and the server's 400 errors are shown next to their fields in the form's
 * words, scrolled into view (PartnerflowForms.showFieldErrors); the button shows a busy state
 * while the server works (js/page.js).
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

  /** The shared busy state of js/page.js, or at least a disabled button without it. */
  function busy(button, label) {
    if (window.PartnerflowPage) return window.PartnerflowPage.busy(button, label);
    button.disabled = true;
    return function () {
      button.disabled = false;
    };
  }

  function number(value) {
    var n = typeof value === 'number' ? value : parseFloat(value);
    return isNaN(n) ? null : n;
  }

  /** Today in the browser as yyyy-mm-dd, the format of form-js date fields. */
  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  function shareTotal(data) {
    var milestones = Array.isArray(data.milestones) ? data.milestones : [];
    var total = 0;
    milestones.forEach(function (m) {
      total += number(m && m.sharePercent) || 0;
    });
    return Math.round(total * 100) / 100;
  }

  /** What the browser can check before sending, as errors in the server's {field, message} form. */
  function check(data) {
    var errors = [];
    if (data.startDate && data.startDate <= today()) {
      errors.push({ field: 'startDate', message: 'The activity must start in the future (after today).' });
    }
    if (data.startDate && data.endDate && data.endDate < data.startDate) {
      errors.push({ field: 'endDate', message: 'The end date must not be before the start date.' });
    }
    var total = number(data.totalCost);
    var requested = number(data.requestedAmount);
    var contribution = number(data.partnerContribution);
    if (total != null && requested != null && contribution != null) {
      var sum = Math.round((requested + contribution) * 100) / 100;
      if (Math.abs(sum - total) > 0.001) {
        errors.push({
          field: 'totalCost',
          message:
            'The total cost must be the requested amount plus your co-funding: ' + sum + ', not ' + total + '.',
        });
      }
    }
    var milestones = Array.isArray(data.milestones) ? data.milestones : [];
    if (milestones.length > 0 && shareTotal(data) !== 100) {
      errors.push({ field: 'milestones', message: 'shares must sum to 100 %, not ' + shareTotal(data) });
    }
    return errors;
  }

  function start() {
    var root = document.getElementById('mdf-request-form');
    if (!root || !window.FormViewer) return;
    var problems = window.PartnerflowForms.problemList();
    var container = document.createElement('div');
    var total = document.createElement('p');
    total.className = 'hint pf-share-total';
    total.id = 'milestone-share-total';
    total.setAttribute('aria-live', 'polite');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Submit request';
    root.replaceChildren(problems.element, container, button);

    var form = window.PartnerflowForms.create({ container: container });
    root.partnerflowForm = form; // for tests that fill the form at once

    var showProblems = problems.show;

    function showErrors(errors) {
      window.PartnerflowForms.clearFieldErrors(container);
      showProblems([]);
      showProblems(window.PartnerflowForms.showFieldErrors(form, container, errors));
    }

    /** The running total of the milestone shares, at the foot of the milestone list. */
    function updateTotal(data) {
      var list = window.PartnerflowForms.fieldElement(form, container, 'milestones');
      if (!list) return;
      if (total.parentNode !== list) list.appendChild(total);
      var sum = shareTotal(data || {});
      total.textContent =
        'Shares so far: ' + sum + ' % of 100 %' + (sum === 100 ? '.' : ' (' + (sum < 100 ? 100 - sum : sum - 100).toFixed(0) + ' % ' + (sum < 100 ? 'to go' : 'too much') + ').');
      total.classList.toggle('pf-total-ok', sum === 100);
    }

    button.addEventListener('click', function () {
      form.submit();
    });
    form.on('changed', function (event) {
      updateTotal(event.data);
    });
    form.on('import.done', function () {
      // after form-js has drawn the imported form
      window.setTimeout(function () {
        updateTotal(form._getState().data);
      }, 0);
    });
    form.on('submit', function (event) {
      window.PartnerflowForms.clearFieldErrors(container);
      showProblems([]);
      if (event.errors && Object.keys(event.errors).length > 0) return;
      var data = event.data || {};
      var local = check(data);
      if (local.length > 0) {
        showErrors(local);
        return;
      }
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
      if (meta('_csrf') && meta('_csrf_header')) headers[meta('_csrf_header')] = meta('_csrf');
      var restore = busy(button, 'Submitting…');
      fetch('/api/mdf-requests', {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify(data),
      })
        .then(function (response) {
          if (response.status === 201) {
            return response
              .json()
              .catch(function () {
                return {};
              })
              .then(function (submitted) {
                var title = '“' + (data.title || '') + '”';
                if (window.PartnerflowPage) {
                  window.PartnerflowPage.flashNext(
                    submitted.processStart === 'PENDING'
                      ? 'Your MDF request ' + title + ' is saved. Its review starts as soon as the process engine answers again; you need not submit it again.'
                      : 'Your MDF request ' + title + ' was submitted. The channel team reviews it now; its status is below.',
                  );
                }
                window.location.assign('/mdf-requests');
              });
          }
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (problem) {
              restore();
              var errors = Array.isArray(problem.errors) ? problem.errors : [];
              if (errors.length > 0) showErrors(errors);
              else showProblems([problem.detail || 'The request was refused.']);
            });
        })
        .catch(function () {
          restore();
          showProblems(['The service could not be reached. Your input is still here; try again.']);
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
