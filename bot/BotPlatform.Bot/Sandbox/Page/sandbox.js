// The sandbox page's script: long-polls /sandbox/api/state, draws the chosen persona's chats, and sends
// what the visitor does (text, files, button presses, clock, reset) to /sandbox/api. No build step.
(() => {
  'use strict';
  const S = window.SANDBOX;
  const L = S.labels;
  const $ = id => document.getElementById(id);
  const api = '/sandbox/api/';

  let persona = new URLSearchParams(location.search).get('persona') || localStorage.getItem('sandbox.persona') || S.firstPersona;
  let chat = null;
  let tag = null;
  let generation = S.generation;
  let poller = null;
  let current = null;
  let replyTo = null;
  let replyDismissed = null;
  let resetting = null;
  let seen = loadSeen();

  // ---- unread counters: per generation, persona and chat, what the visitor has looked at -----------

  function loadSeen() {
    try { return JSON.parse(localStorage.getItem('sandbox.seen.' + generation)) || {}; } catch { return {}; }
  }

  function saveSeen() { localStorage.setItem('sandbox.seen.' + generation, JSON.stringify(seen)); }

  function unread(username, chats) {
    const mine = seen[username] || {};
    return chats.reduce((sum, c) => sum + Math.max(0, c.count - (mine[c.id] || 0)), 0);
  }

  // ---- talking to the sandbox ---------------------------------------------------------------------

  async function post(path, body) {
    const options = body instanceof FormData
      ? { method: 'POST', body }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) };
    const response = await fetch(api + path + '?lang=' + S.lang, options);
    if (!response.ok) {
      const text = await response.text();
      throw new Error(text || response.statusText);
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : null;
  }

  async function poll() {
    const controller = new AbortController();
    poller = controller;
    while (poller === controller) {
      const query = new URLSearchParams({ lang: S.lang });
      if (persona) query.set('persona', persona);
      if (chat) query.set('chat', chat);
      if (tag) query.set('since', tag);
      try {
        const response = await fetch(api + 'state?' + query, { signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(response.statusText);
        const body = await response.json();
        if (poller !== controller) return;
        offline(false);
        tag = body.tag;
        apply(body.state);
      } catch (error) {
        if (controller.signal.aborted) return;
        offline(true);
        await new Promise(resolve => setTimeout(resolve, 700));
      }
    }
  }

  function refresh() {
    const old = poller;
    poller = null;
    if (old) old.abort();
    tag = null;
    poll();
  }

  function offline(on) {
    let bar = document.querySelector('.offline');
    if (on && !resetting && !bar) {
      bar = document.createElement('div');
      bar.className = 'offline';
      bar.textContent = L.offline;
      document.body.insertBefore(bar, document.querySelector('main'));
    } else if (!on && bar) {
      bar.remove();
    }
  }

  // ---- drawing ------------------------------------------------------------------------------------

  function apply(state) {
    if (state.generation !== generation) {
      generation = state.generation;
      seen = loadSeen();
      chat = null;
      replyDismissed = null;
    }
    if (resetting && state.generation !== resetting) {
      resetting = null;
      $('overlay').hidden = true;
    }
    if (!state.personas.some(p => p.username === persona)) {
      persona = state.personas.length ? state.personas[0].username : null;
      if (persona) { refresh(); return; }
    }
    current = state;
    if (state.chat) {
      chat = state.chat.id;
      const mine = seen[persona] = seen[persona] || {};
      const summary = state.chats.find(c => c.id === state.chat.id);
      if (summary) mine[summary.id] = summary.count;
      saveSeen();
    }
    drawClock(state.clock);
    drawPersonas(state.personas);
    drawChats(state.chats);
    drawChat(state.chat);
    drawMenu(state.commands);
  }

  function drawClock(clock) {
    $('clock-text').textContent = clock.text;
    $('clock-zone').textContent = clock.zone;
    const pill = $('clock-state');
    pill.textContent = clock.working ? L.working : L.offWork;
    pill.classList.toggle('off', !clock.working);
    $('clock-offset').textContent = clock.offset;
  }

  function drawPersonas(personas) {
    for (const button of document.querySelectorAll('.persona')) {
      const view = personas.find(p => p.username === button.dataset.persona);
      button.classList.toggle('on', button.dataset.persona === persona);
      const badge = button.querySelector('.unread');
      const count = view ? unread(view.username, view.chats) : 0;
      badge.hidden = count === 0 || button.dataset.persona === persona;
      badge.textContent = count;
    }
  }

  function drawChats(chats) {
    const list = $('chats');
    list.replaceChildren(...chats.map(c => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chat-item ' + c.kind + (c.id === chat ? ' on' : '');
      button.dataset.chat = c.id;
      button.innerHTML = '<span class="avatar"></span><span class="who"><b></b><small></small></span>';
      button.querySelector('.avatar').textContent = c.kind === 'group' ? '👥' : '🤖';
      button.querySelector('b').textContent = c.title;
      button.querySelector('small').textContent = c.last || '';
      li.append(button);
      return li;
    }));
  }

  function drawChat(view) {
    const box = $('messages');
    if (!view) {
      $('chat-title').textContent = '';
      $('chat-members').textContent = '';
      box.innerHTML = '<p class="empty"></p>';
      box.firstChild.textContent = L.pickPerson;
      return;
    }
    const switched = box.dataset.chat !== String(view.id) || box.dataset.persona !== persona;
    const drawn = JSON.stringify(view);
    if (!switched && drawn === drawChat.last) return;
    drawChat.last = drawn;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    const lastBefore = box.dataset.last;
    $('chat-title').textContent = view.title;
    $('chat-members').textContent = view.members ? L.members + ': ' + view.members : '';
    const parts = [];
    let day = null;
    for (const m of view.messages) {
      if (m.day !== day) {
        day = m.day;
        parts.push('<div class="day">' + esc(day) + '</div>');
      }
      parts.push(message(m, view.kind === 'group'));
    }
    box.innerHTML = parts.length ? parts.join('') : '<p class="empty">' + esc(L.noMessages) + '</p>';
    box.dataset.chat = view.id;
    box.dataset.persona = persona;
    const last = view.messages.length ? String(view.messages[view.messages.length - 1].id) : '';
    box.dataset.last = last;

    replyTo = view.replyTo && view.replyTo !== replyDismissed ? view.replyTo : null;
    const question = replyTo ? view.messages.find(m => m.id === replyTo) : null;
    $('reply-bar').hidden = !question;
    if (question) $('reply-preview').textContent = plain(question.html).slice(0, 90);

    const keyboard = $('reply-keyboard');
    keyboard.hidden = !view.replyKeyboard.length;
    keyboard.innerHTML = view.replyKeyboard.map(row =>
      '<div class="row">' + row.map(text => '<button type="button" data-text="' + esc(text) + '">' + esc(text) + '</button>').join('') + '</div>').join('');

    // After the bars below the list have taken their height, so that the newest message is in view;
    // photos still loading take theirs later.
    if (switched || atBottom || last !== lastBefore) {
      box.scrollTop = box.scrollHeight;
      for (const img of box.querySelectorAll('img')) {
        if (!img.complete) img.addEventListener('load', () => { box.scrollTop = box.scrollHeight; }, { once: true });
      }
    }
  }

  function message(m, group) {
    const classes = ['msg', m.mine ? 'mine' : 'theirs', m.fromBot ? 'bot' : 'person'];
    let html = '<div class="' + classes.join(' ') + '" data-id="' + m.id + '"><div class="bubble">';
    if (group && !m.mine) html += '<div class="from">' + esc(m.from) + '</div>';
    if (m.replyPreview) html += '<div class="quote">' + esc(m.replyPreview) + '</div>';
    if (m.photo) html += '<a class="photo" href="' + esc(m.photo.url) + '" target="_blank"><img alt="" src="' + esc(m.photo.url) + '"></a>';
    if (m.document) {
      html += '<a class="doc" href="' + esc(m.document.url) + '" target="_blank"><span class="icon">📄</span><span><b>'
        + esc(m.document.name) + '</b><small>' + esc(m.document.size) + '</small></span></a>';
    }
    if (m.html) html += '<div class="text">' + m.html + '</div>';
    html += '<div class="meta">' + (m.edited ? '<span class="edited">' + esc(L.edited) + '</span>' : '') + esc(m.time) + '</div>';
    html += '</div>';
    if (m.keyboard.length) {
      html += '<div class="keyboard">' + m.keyboard.map(row => '<div class="row">' + row.map(b => b.url
        ? '<a class="kb" href="' + esc(b.url) + '" target="_blank" rel="noopener">' + esc(b.text) + '</a>'
        : '<button type="button" class="kb" data-message="' + m.id + '" data-data="' + esc(b.data || '') + '">' + esc(b.text) + '</button>').join('') + '</div>').join('') + '</div>';
    }
    return html + '</div>';
  }

  function drawMenu(commands) {
    $('menu-button').hidden = !commands.length;
    $('menu').innerHTML = commands.map(c =>
      '<button type="button" data-command="' + esc(c.command) + '"><b>' + esc(c.command) + '</b><span>' + esc(c.description) + '</span></button>').join('');
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
  }

  function plain(html) {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div.textContent || '';
  }

  function toast(text, alertToo) {
    if (!text) return;
    if (alertToo) { window.alert(text); return; }
    const box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, 3500);
  }

  // ---- acting as the persona ----------------------------------------------------------------------

  async function sendText(text) {
    if (!persona || !chat || !text.trim()) return;
    await post('send', { persona, chat, text, replyTo });
    replyDismissed = null;
    refresh();
  }

  async function upload(input, kind) {
    const file = input.files[0];
    if (!file || !persona || !chat) return;
    const form = new FormData();
    form.append('persona', persona);
    form.append('chat', chat);
    form.append('kind', kind);
    form.append('caption', $('text').value);
    form.append('file', file);
    try {
      await post('upload', form);
      $('text').value = '';
    } catch (error) {
      toast(error.message);
    }
    input.value = '';
    refresh();
  }

  $('personas').addEventListener('click', event => {
    const button = event.target.closest('.persona');
    if (!button) return;
    persona = button.dataset.persona;
    localStorage.setItem('sandbox.persona', persona);
    chat = null;
    replyDismissed = null;
    $('menu').hidden = true;
    refresh();
  });

  $('chats').addEventListener('click', event => {
    const button = event.target.closest('.chat-item');
    if (!button) return;
    chat = Number(button.dataset.chat);
    refresh();
  });

  $('messages').addEventListener('click', async event => {
    const spoiler = event.target.closest('.spoiler');
    if (spoiler) spoiler.classList.add('shown');
    const button = event.target.closest('button.kb');
    if (!button || !current || !current.chat) return;
    button.classList.add('busy');
    try {
      const answer = await post('press', { persona, chat: current.chat.id, message: Number(button.dataset.message), data: button.dataset.data });
      if (answer) toast(answer.text, answer.alert);
    } catch (error) {
      toast(error.message);
    } finally {
      button.classList.remove('busy');
    }
  });

  $('composer').addEventListener('submit', async event => {
    event.preventDefault();
    const input = $('text');
    const text = input.value;
    input.value = '';
    try {
      await sendText(text);
    } catch (error) {
      input.value = text;
      toast(error.message);
    }
  });

  $('reply-cancel').addEventListener('click', () => {
    replyDismissed = replyTo;
    replyTo = null;
    $('reply-bar').hidden = true;
  });

  $('reply-keyboard').addEventListener('click', event => {
    const button = event.target.closest('button[data-text]');
    if (button) sendText(button.dataset.text).catch(error => toast(error.message));
  });

  $('menu-button').addEventListener('click', () => { $('menu').hidden = !$('menu').hidden; });
  $('menu').addEventListener('click', event => {
    const button = event.target.closest('button[data-command]');
    if (!button) return;
    $('menu').hidden = true;
    sendText(button.dataset.command).catch(error => toast(error.message));
  });

  $('file-document').addEventListener('change', event => upload(event.target, 'document'));
  $('file-photo').addEventListener('change', event => upload(event.target, 'photo'));

  for (const button of document.querySelectorAll('.clock-button')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const body = button.dataset.morning ? { morning: true } : { hours: Number(button.dataset.hours) };
        drawClock(await post('clock', body));
      } catch (error) {
        toast(error.message);
      } finally {
        button.disabled = false;
      }
      refresh();
    });
  }

  $('reset').addEventListener('click', async () => {
    if (!window.confirm(L.resetConfirm)) return;
    resetting = generation;
    $('overlay').textContent = L.restarting;
    $('overlay').hidden = false;
    try { await post('reset'); } catch { /* the host may already be stopping */ }
    refresh();
  });

  poll();
})();
