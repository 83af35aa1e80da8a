/*
 * ArtBot's website widget. Paste into any page:
 *   <script src="https://BOT-HOST/widget.js" data-title="Questions about ART?" data-color="#0b6e4f" defer></script>
 * data-bot-url overrides the bot's address (default: where this script came from).
 * It adds a floating button that opens the chat (the bot's /chat page, in a frame) in a panel. While the panel is
 * open, Tab stays inside it, and Escape (pressed here or in the chat, which tells this page) closes it. The panel
 * shows a placeholder at once while the chat loads, and a reply that arrives while the chat is closed puts a badge on
 * the button. Once the page has loaded and is idle, the chat's frame is loaded hidden (Web Chat's bundle with it), so
 * opening rarely waits for a download; it starts a conversation only when the visitor opens it. With the clinic's
 * Widget:GreetingAfterSeconds set, a small greeting appears by the button after that long on a page, once per visit.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || document.querySelector('.artbot-launcher')) { return; }

  var botUrl = (script.getAttribute('data-bot-url') || new URL(script.src, window.location.href).origin).replace(/\/+$/, '');
  var botOrigin = new URL(botUrl).origin;
  var title = script.getAttribute('data-title') || 'Questions about ART?';
  var color = /^#[0-9a-f]{6}$/i.test(script.getAttribute('data-color') || '') ? script.getAttribute('data-color') : '#0b6e4f';

  var stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = botUrl + '/widget.css';
  document.head.appendChild(stylesheet);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'artbot-launcher';
  launcher.textContent = title;
  launcher.setAttribute('aria-label', title + ' Open the chat with ArtBot');
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'artbot-panel');
  launcher.style.setProperty('--artbot-color', color);
  var badge = document.createElement('span');
  badge.className = 'artbot-badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.appendChild(badge);
  var unread = 0;

  var panel = document.createElement('section');
  panel.id = 'artbot-panel';
  panel.className = 'artbot-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', 'Chat with ArtBot');
  panel.style.setProperty('--artbot-color', color);

  var header = document.createElement('div');
  header.className = 'artbot-panel-header';
  var heading = document.createElement('span');
  heading.textContent = title;
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'artbot-close';
  close.setAttribute('aria-label', 'Close the chat');
  close.textContent = '\u00d7';
  header.appendChild(heading);
  header.appendChild(close);

  // Tab from the chat's last control, or Shift+Tab from ×, lands on a guard that sends focus round again.
  function focusGuard(onFocus) {
    var guard = document.createElement('span');
    guard.className = 'artbot-focus-guard';
    guard.tabIndex = 0;
    guard.addEventListener('focus', onFocus);
    return guard;
  }
  var frameSlot = document.createElement('div');
  frameSlot.className = 'artbot-frame-slot';
  // Painted the moment the chat opens, and replaced by the chat once it has drawn itself.
  var placeholder = document.createElement('div');
  placeholder.className = 'artbot-placeholder';
  placeholder.setAttribute('role', 'status');
  placeholder.textContent = 'Hi! I\u2019m ArtBot. I answer questions about Active Release Therapy from the clinic\u2019s article, and I can book you a free consult. Opening the chat\u2026';
  frameSlot.appendChild(placeholder);
  panel.appendChild(focusGuard(focusChat));
  panel.appendChild(header);
  panel.appendChild(frameSlot);
  panel.appendChild(focusGuard(function () { close.focus(); }));

  // On phones, room at the end of the page so the launcher never covers its last lines (a footer, a disclaimer).
  var spacer = document.createElement('div');
  spacer.className = 'artbot-spacer';
  spacer.setAttribute('aria-hidden', 'true');

  var frame = null;
  var opened = false;

  function focusChat() {
    frame.focus();
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'artbot:focus' }, botOrigin);
    }
  }

  // The chat's frame, loaded hidden before the visitor opens it (preload) or when they do.
  function loadFrame(preload) {
    frame = document.createElement('iframe');
    frame.className = 'artbot-frame';
    frame.title = 'ArtBot chat';
    frame.src = botUrl + '/chat?embedded=true&color=' + encodeURIComponent(color) + '&host=' + encodeURIComponent(window.location.origin) +
      (preload ? '&preload=true' : '');
    frame.setAttribute('allow', 'clipboard-write');
    frameSlot.appendChild(frame);
  }

  // A preloaded chat waits for this before it starts a conversation; sent on opening, and again when the frame says it
  // is ready, in case the visitor opened it before then.
  function startChat() {
    if (opened && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'artbot:open' }, botOrigin);
    }
  }

  function open() {
    if (!frame) {
      loadFrame(false);
    }
    opened = true;
    if (greeting) { dismissGreeting(); }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    setUnread(0);
    startChat();
    focusChat();
  }

  var greeting = null;

  function greetLater(seconds) {
    if (!(seconds > 0) || greeting || alreadyGreeted()) { return; }
    greeting = document.createElement('div');
    greeting.className = 'artbot-greeting';
    greeting.hidden = true;
    greeting.setAttribute('role', 'status');
    var text = document.createElement('button');
    text.type = 'button';
    text.className = 'artbot-greeting-text';
    text.textContent = 'Hi! Questions about Active Release Therapy? Ask me here.';
    text.addEventListener('click', function () { dismissGreeting(); open(); });
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'artbot-greeting-dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss the greeting');
    dismiss.textContent = '\u00d7';
    dismiss.addEventListener('click', dismissGreeting);
    greeting.appendChild(text);
    greeting.appendChild(dismiss);
    greeting.style.setProperty('--artbot-color', color);
    document.body.appendChild(greeting);
    window.setTimeout(function () {
      if (!opened && greeting) {
        greeting.hidden = false;
        remember('artbot.greeted');
      }
    }, seconds * 1000);
  }

  function dismissGreeting() {
    if (greeting) { greeting.remove(); greeting = null; }
    remember('artbot.greeted');
  }

  function alreadyGreeted() {
    try { return window.sessionStorage.getItem('artbot.greeted') === '1'; } catch (error) { return false; }
  }

  function remember(key) {
    try { window.sessionStorage.setItem(key, '1'); } catch (error) { /* storage blocked: greeted again on the next page */ }
  }

  function preloadWhenIdle() {
    var idle = window.requestIdleCallback || function (callback) { return window.setTimeout(callback, 1000); };
    idle(function () { if (!frame) { loadFrame(true); } }, { timeout: 5000 });
  }

  function setUnread(count) {
    unread = count;
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? '9+' : String(count);
    launcher.setAttribute('aria-label', title + ' Open the chat with ArtBot' + (count > 0 ? ' (' + count + ' new ' + (count === 1 ? 'reply' : 'replies') + ')' : ''));
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); }
  });
  window.addEventListener('message', function (event) {
    if (!frame || event.origin !== botOrigin || event.source !== frame.contentWindow || !event.data) { return; }
    if (event.data.type === 'artbot:close') {
      hide();
    } else if (event.data.type === 'artbot:preloaded') {
      startChat();
      greetLater(event.data.greetingAfterSeconds);
    } else if (event.data.type === 'artbot:ready') {
      placeholder.hidden = true;
    } else if (event.data.type === 'artbot:reply' && panel.hidden) {
      setUnread(unread + 1);
    }
  });

  document.body.appendChild(spacer);
  document.body.appendChild(launcher);
  document.body.appendChild(panel);
  if (document.readyState === 'complete') {
    preloadWhenIdle();
  } else {
    window.addEventListener('load', preloadWhenIdle);
  }
})();
