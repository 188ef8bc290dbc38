// The host's count of visitors (templates/centres/tally.mustache) and the check-in of known
// visitors (templates/centres/day.mustache), sent in the background. Each tap gets its own
// idempotency key here and waits in localStorage until the server has answered it, so a tap made
// without a connection is sent when the connection is back, and a tap whose answer got lost is
// sent again with the same key and counted once (app/centres.cpp, app/visitors.cpp). A tap
// carries the phone's date and, a check-in, the day part chosen in the count when it was made, so
// that it lands there when it is sent later. Without this script the forms post as usual and the
// page comes back counted.
(function () {
  'use strict';
  var QUEUE = 'meedoen.tally.queue';
  var sending = false;

  // The queue when the browser keeps no storage (a private window that refuses it): the taps
  // still go, only not across a reload.
  var memory = null;

  function load() {
    if (memory) return memory.slice();
    try {
      var q = JSON.parse(window.localStorage.getItem(QUEUE) || '[]');
      return Array.isArray(q) ? q : [];
    } catch (e) {
      return [];
    }
  }

  function save(q) {
    try {
      window.localStorage.setItem(QUEUE, JSON.stringify(q));
      memory = null;
    } catch (e) {
      memory = q.slice();
    }
  }

  // 128 random bits as letters and digits (crypto.randomUUID needs https; this does not).
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var out = 't';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] + 256).toString(16).slice(1);
    return out;
  }

  function form() {
    return document.querySelector('form[data-tally]');
  }

  function csrf() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function chosenPart() {
    var f = form();
    var radio = f && f.querySelector('input[name="part"]:checked');
    return radio ? radio.value : '';
  }

  function showQueue(q, justSent) {
    var el = document.getElementById('tally-queue');
    var f = form();
    if (!el || !f) return;
    if (q.length > 0) {
      var text = f.getAttribute(q.length === 1 ? 'data-offline-one' : 'data-offline-many');
      el.textContent = text.replace('{n}', String(q.length));
      el.hidden = false;
    } else if (justSent) {
      el.textContent = f.getAttribute('data-sent');
      el.hidden = false;
    } else {
      el.hidden = true;
    }
  }

  function showNote(attr) {
    var el = document.getElementById('tally-queue');
    var f = form();
    if (!el || !f) return;
    el.textContent = f.getAttribute(attr);
    el.hidden = false;
  }

  // The fresh count from the server, keeping the day part that the host chose. A tap for another
  // centre (a host of two, whose queue holds taps of both) does not put its count on this page.
  function replaceTally(fresh) {
    var old = document.getElementById('tally');
    var f = form();
    var freshForm = fresh.querySelector('form[data-tally]');
    if (!old || !f || !freshForm || freshForm.getAttribute('action') !== f.getAttribute('action')) return;
    var part = chosenPart();
    var radio = part && fresh.querySelector('input[name="part"][value="' + part + '"]');
    if (radio) radio.checked = true;
    old.replaceWith(fresh);
  }

  function tallyIn(html) {
    var box = document.createElement('div');
    box.innerHTML = html;
    return box.querySelector('#tally');
  }

  // The phone's local date: a tap sent days later still counts on the day it was made.
  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function queueTap(action, data) {
    var key = newKey();
    data.set('key', key);
    data.set('day', today());
    data.delete('_csrf');
    var q = load();
    q.push({ key: key, action: action, body: data.toString(), offline: false });
    save(q);
    flush();
  }

  // Sends the waiting taps one after another, oldest first. A tap is settled only by Meedoen's own
  // answer: counted (the count comes back), or refused for what it is (said on the page). It waits
  // and goes again when the connection fails, when the answer is lost half-way, when the server or
  // something on the way is busy or broken (5xx, 408, 429), when what comes back is not the count
  // (a wifi log-in page), and while the log-in has ended.
  function flush() {
    if (sending) return;
    var q = load();
    if (q.length === 0) return;
    sending = true;
    var tap = q[0];
    var body = new URLSearchParams(tap.body);
    body.set('_csrf', csrf());
    fetch(tap.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'HX-Request': 'true',
        'X-CSRF-Token': csrf()
      },
      body: body.toString()
    }).then(function (res) {
      return res.text().then(function (html) { return { res: res, html: html }; });
    }).then(function (answer) {
      sending = false;
      var status = answer.res.status;
      var fresh = status === 200 || status === 409 ? tallyIn(answer.html) : null;
      if (status >= 500 || status === 408 || status === 429 || (status === 200 && !fresh)) {
        showQueue(load(), false);
        return;
      }
      if (status === 401 || answer.res.headers.get('X-Meedoen-Session') === 'ended') {
        showNote('data-logged-out');
        return;
      }
      var rest = load().filter(function (t) { return t.key !== tap.key; });
      save(rest);
      if (fresh) {
        replaceTally(fresh);
        showQueue(rest, q.length > 0 && rest.length === 0 && tap.offline);
      } else {
        // Refused for what it is (the visitor is no longer known, say): it cannot be counted,
        // and the page says so rather than dropping it without a word.
        showNote('data-refused');
      }
      flush();
    }).catch(function () {
      sending = false;
      var waiting = load();
      waiting.forEach(function (t) { t.offline = true; });
      save(waiting);
      showQueue(waiting, false);
    });
  }

  function onTally(f, button) {
    var data = new URLSearchParams(new FormData(f));
    data.set('delta', button && button.name === 'delta' ? button.value : '1');
    // The tags are for one visitor: cleared for the next tap. The day part stays.
    f.querySelectorAll('input[type="checkbox"]').forEach(function (c) { c.checked = false; });
    f.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
    queueTap(f.getAttribute('action'), data);
  }

  // A known visitor checked in: the name says so at once, whether the connection is there or not.
  function onCheckIn(f, button) {
    var data = new URLSearchParams(new FormData(f));
    var part = chosenPart();
    if (part) data.set('part', part);
    var list = f.closest('[data-in-today]');
    if (button && list && !button.querySelector('.in-today')) {
      var mark = document.createElement('span');
      mark.className = 'in-today';
      mark.textContent = list.getAttribute('data-in-today');
      button.appendChild(document.createTextNode(' '));
      button.appendChild(mark);
    }
    queueTap(f.getAttribute('action'), data);
  }

  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.matches) return;
    if (f.matches('form[data-tally]')) {
      e.preventDefault();
      onTally(f, e.submitter);
    } else if (f.matches('form[data-check-in]')) {
      e.preventDefault();
      onCheckIn(f, e.submitter);
    }
  });

  window.addEventListener('online', flush);
  // Taps left from before a reload, and a retry now and then for a connection that came back
  // without telling the page.
  flush();
  window.setInterval(flush, 10000);
})();
