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

  window.PartnerflowForms = { create: create, escapeValue: escapeValue };
})();
