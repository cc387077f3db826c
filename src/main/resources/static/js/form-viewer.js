/*
 * Partnerflow form viewer: form-js's FormViewer.Form, but values inserted into text views stay text.
 *
 * Why: a text view's template ("### {{title}}") is evaluated first and the result is then read as
 * markdown and HTML. form-js inserts the values as they are, so a partner's title
 * "<img src=x>" or "[open](https://evil.example)" became an element or a link in an approver's
 * trusted task page (issue 19; form-js's own sanitizer drops scripts, not tags or links). Html
 * views already escape their values; labels and descriptions are rendered as text.
 *
 * Here every value a text view's template inserts is encoded: letters, digits and spaces stay,
 * every other character becomes a numeric character reference, which markdown never reads as
 * syntax (no tag, link, image, emphasis, heading, list or autolink can start) and the browser
 * shows as the character itself. Bidirectional control characters (e.g. U+202E, which makes
 * "fdp.exe" look like "exe.pdf") are replaced by U+FFFD. The template text the process owner wrote
 * in forms/ keeps its markdown.
 *
 * Use:   var form = PartnerflowForms.create({ container: element });  // instead of new FormViewer.Form
 *        form.importSchema(schema, data);
 *        var unplaced = PartnerflowForms.showFieldErrors(form, element, problem.errors);
 *        PartnerflowForms.clearFieldErrors(element);
 *        var problems = PartnerflowForms.problemList();  // .element above the form, .show(lines)
 * Server errors ({field, message} of a problem+json) are shown next to their fields, in the
 * form's words (field keys become labels), and the first one is scrolled into view.
 * Needs: /vendor/form-js/form-viewer.umd.js loaded before this script (global FormViewer).
 * Defines the global PartnerflowForms.
 */
(function () {
  'use strict';

  var BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  var NOT_PLAIN = /[^\p{L}\p{N} ]/gu;

  /** A template value as markdown text that reads back as exactly that text. */
  function escapeValue(value) {
    var text = value == null ? '' : String(value);
    return text.replace(BIDI_CONTROLS, '\uFFFD').replace(NOT_PLAIN, function (c) {
      return '&#' + c.codePointAt(0) + ';';
    });
  }

  /** Every text view's template in a schema, at any depth (groups, dynamic lists, tables). */
  function textTemplates(component, found) {
    if (!component || typeof component !== 'object') return found;
    if (component.type === 'text' && typeof component.text === 'string') found.add(component.text);
    (component.components || []).forEach(function (child) {
      textTemplates(child, found);
    });
    return found;
  }

  function create(options) {
    var viewer = window.FormViewer;
    var base = new viewer.FeelersTemplating();
    var markdownTemplates = new Set();
    // form-js asks its 'templating' service for every template; only the text views' ones are
    // read as markdown afterwards, so only those get the encoding (the same string used as a label
    // would show the references literally, which no Partnerflow form does).
    var templating = Object.create(base);
    templating.evaluate = function (template, context, evaluateOptions) {
      var opts = evaluateOptions || {};
      if (!opts.sanitizer && markdownTemplates.has(template)) {
        opts = Object.assign({}, opts, { sanitizer: escapeValue });
      }
      return base.evaluate(template, context, opts);
    };
    var form = new viewer.Form(
      Object.assign({}, options, {
        additionalModules: ((options && options.additionalModules) || []).concat([
          { templating: ['value', templating] },
        ]),
      }),
    );
    var importSchema = form.importSchema.bind(form);
    form.importSchema = function (schema, data) {
      markdownTemplates.clear();
      textTemplates(schema, markdownTemplates);
      return importSchema(schema, data);
    };
    return form;
  }

  /** A form-js field definition and its position among the fields of its type, by key or path. */
  function fieldDefinition(form, name) {
    var fields = [];
    try {
      fields = form.get('formFieldRegistry').getAll();
    } catch (ignored) {
      return null;
    }
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].key === name || fields[i].path === name) return fields[i];
    }
    return null;
  }

  /**
   * The field wrapper for a server error's field: "budget", "address.city",
   * "milestones[0].sharePercent" (a field in a dynamic list) or "milestones" (the list itself).
   */
  function fieldElement(form, container, field) {
    var name = String(field).replace(/\[(\d+)\]/g, '.$1');
    var instances = [];
    try {
      instances = form.get('formFieldInstanceRegistry').getAllKeyed();
    } catch (ignored) {
      return null;
    }
    for (var i = 0; i < instances.length; i++) {
      var instance = instances[i];
      var path = Array.isArray(instance.valuePath) ? instance.valuePath.join('.') : '';
      if (path !== name) continue;
      // form-js input ids: fjs-form-<formId>-<fieldId>[_<index>…]
      var id = 'fjs-form-' + form._id + '-' + instance.id;
      Object.values(instance.indexes || {}).forEach(function (index) {
        id += '_' + index;
      });
      var input = document.getElementById(id);
      var wrapper = input && input.closest('.fjs-form-field');
      if (wrapper) return wrapper;
    }
    // A group-like field (dynamic list, group) has no input of its own: the n-th of its type.
    var definition = fieldDefinition(form, name);
    if (!definition || !definition.type) return null;
    var sameType = form
      .get('formFieldRegistry')
      .getAll()
      .filter(function (f) {
        return f.type === definition.type;
      });
    var nodes = container.querySelectorAll('.fjs-form-field-' + definition.type);
    return nodes[sameType.indexOf(definition)] || null;
  }

  /** A field's label as the form shows it ("Requested MDF amount", "Start date"). */
  function labelOf(form, key) {
    var definition = fieldDefinition(form, key);
    if (!definition) return null;
    return definition.label || definition.dateLabel || definition.timeLabel || null;
  }

  /**
   * A server message in the words of the form: field keys become their labels, the milestone
   * shares' sum reads as a sentence; the field it belongs to is shown by where it stands.
   */
  function readable(form, error) {
    var message = String(error.message || 'is not valid');
    var shares = /^shares must sum to 100 %, not (.+)$/.exec(message);
    if (shares) return 'The shares add up to ' + shares[1] + ' %; they must add up to 100 %.';
    if (message === 'is required') return 'Please fill this in.';
    message = message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, function (key) {
      var label = labelOf(form, key);
      return label ? '“' + label + '”' : key;
    });
    message = message.charAt(0).toUpperCase() + message.slice(1);
    return /[.!?]$/.test(message) ? message : message + '.';
  }

  /**
   * Shows errors ({field, message}) next to their form-js fields and scrolls to the first one;
   * returns the errors no field was found for, as readable lines for a summary.
   */
  function showFieldErrors(form, container, errors) {
    var unplaced = [];
    var first = null;
    (errors || []).forEach(function (error) {
      var wrapper = error && error.field ? fieldElement(form, container, error.field) : null;
      var text = readable(form, error || {});
      if (!wrapper) {
        var label = error && error.field ? labelOf(form, error.field) || error.field : null;
        unplaced.push(label ? label + ': ' + text : text);
        return;
      }
      var note = document.createElement('div');
      note.className = 'pf-field-error';
      note.setAttribute('data-pf-server-error', '');
      note.textContent = text;
      wrapper.classList.add('pf-invalid');
      wrapper.appendChild(note);
      var input = wrapper.querySelector('input, select, textarea');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        note.id = (input.id || 'pf-field') + '-server-error';
        var described = input.getAttribute('aria-describedby');
        input.setAttribute('aria-describedby', described ? described + ' ' + note.id : note.id);
      }
      if (!first) first = { wrapper: wrapper, note: note };
    });
    if (first) {
      // the message itself: a long field (a list of milestones) may not fit on a phone's screen
      first.note.scrollIntoView({ block: 'center' });
      // not where focus opens a picker (select, date) that would cover the message
      var picker = first.wrapper.matches(
        '.fjs-form-field-select, .fjs-form-field-taglist, .fjs-form-field-datetime, .fjs-form-field-grouplike',
      );
      var focusable = picker ? null : first.wrapper.querySelector('input, select, textarea');
      if (focusable) focusable.focus({ preventScroll: true });
    }
    return unplaced;
  }

  /** Removes what showFieldErrors added. */
  function clearFieldErrors(container) {
    container.querySelectorAll('[data-pf-server-error]').forEach(function (node) {
      node.remove();
    });
    container.querySelectorAll('.pf-invalid').forEach(function (node) {
      node.classList.remove('pf-invalid');
    });
    container.querySelectorAll('[aria-invalid="true"]').forEach(function (node) {
      node.removeAttribute('aria-invalid');
      var kept = (node.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && !/-server-error$/.test(id);
      });
      if (kept.length) node.setAttribute('aria-describedby', kept.join(' '));
      else node.removeAttribute('aria-describedby');
    });
  }

  /**
   * The list of problems above a form that belong to no field: an alert the keyboard can reach,
   * hidden while empty. show(lines) replaces its lines (as text) and focuses it when there are any.
   */
  function problemList() {
    var element = document.createElement('ul');
    element.className = 'notice error';
    element.setAttribute('role', 'alert');
    element.setAttribute('tabindex', '-1');
    element.hidden = true;
    return {
      element: element,
      show: function (lines) {
        element.replaceChildren();
        lines.forEach(function (line) {
          var li = document.createElement('li');
          li.textContent = line;
          element.appendChild(li);
        });
        element.hidden = lines.length === 0;
        if (lines.length > 0) element.focus();
      },
    };
  }

  window.PartnerflowForms = {
    create: create,
    problemList: problemList,
    escapeValue: escapeValue,
    fieldElement: fieldElement,
    showFieldErrors: showFieldErrors,
    clearFieldErrors: clearFieldErrors,
  };
})();
