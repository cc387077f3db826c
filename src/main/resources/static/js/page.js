/*
 * Partnerflow page behaviour shared by every page (loaded by layout.html; no inline scripts, the
 * CSP refuses them):
 *  - tells the server the browser's time zone (cookie pf_tz, an IANA name such as
 *    "Europe/Berlin", read by com.partnerflow.web.UserZone) so timestamps are shown in it;
 *  - shows a confirmation that a script left for the next page (PartnerflowPage.flashNext) in the
 *    layout's #pf-flash;
 *  - gives submit buttons a busy state (label change and spinner) while the server works:
 *    PartnerflowPage.busy(button, 'Submitting…') returns a function that restores the button;
 *    plain forms get it from a data-busy-label attribute on their submit button;
 *  - opens and closes the navigation menu on narrow screens (#nav-toggle).
 * Defines the global PartnerflowPage.
 */
(function () {
  'use strict';

  var FLASH_KEY = 'partnerflow.flash';

  function rememberTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    var value = encodeURIComponent(zone);
    if (document.cookie.split('; ').indexOf('pf_tz=' + value) === -1) {
      document.cookie = 'pf_tz=' + value + '; path=/; max-age=31536000; SameSite=Lax';
    }
  }

  /** Shows message on the next page this tab loads. */
  function flashNext(message) {
    try {
      window.sessionStorage.setItem(FLASH_KEY, message);
    } catch (e) {
      // storage disabled: the next page shows no confirmation
    }
  }

  function showFlash() {
    var message = null;
    try {
      message = window.sessionStorage.getItem(FLASH_KEY);
      window.sessionStorage.removeItem(FLASH_KEY);
    } catch (e) {
      return;
    }
    var target = document.getElementById('pf-flash');
    if (!message || !target) return;
    target.textContent = message;
    target.hidden = false;
  }

  function busy(button, label) {
    var before = Array.prototype.slice.call(button.childNodes);
    var wasDisabled = button.disabled;
    var spinner = document.createElement('span');
    spinner.className = 'spinner';
    spinner.setAttribute('aria-hidden', 'true');
    button.replaceChildren(spinner, document.createTextNode(' ' + label));
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.classList.add('busy');
    function restore() {
      button.replaceChildren.apply(button, before);
      button.disabled = wasDisabled;
      button.removeAttribute('aria-busy');
      button.classList.remove('busy');
      delete button.partnerflowRestore;
    }
    button.partnerflowRestore = restore;
    return restore;
  }

  function busyForms() {
    document.addEventListener('submit', function (event) {
      var button = event.submitter || (event.target && event.target.querySelector('[data-busy-label]'));
      if (!button || !button.hasAttribute('data-busy-label') || event.defaultPrevented) return;
      // after the browser has taken the submission, so the button's own value is still sent
      window.setTimeout(function () {
        busy(button, button.getAttribute('data-busy-label'));
      }, 0);
    });
    // A page restored from the back/forward cache shows its buttons as they were left.
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) return;
      document.querySelectorAll('button.busy').forEach(function (button) {
        if (button.partnerflowRestore) button.partnerflowRestore();
      });
    });
  }

  function navigationMenu() {
    var toggle = document.getElementById('nav-toggle');
    var menu = document.getElementById('site-menu');
    if (!toggle || !menu) return;
    // Only with this script can the menu open again, so only then is it folded away.
    toggle.closest('.topbar').classList.add('has-menu');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      menu.classList.toggle('open', open);
    });
  }

  window.PartnerflowPage = { flashNext: flashNext, busy: busy };
  rememberTimeZone();
  busyForms();

  function start() {
    showFlash();
    navigationMenu();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
