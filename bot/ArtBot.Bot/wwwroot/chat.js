// The chat page: gets a token from the bot, connects the official Web Chat to Direct Line, and says hello on join.
// Preloaded by the widget (preload=true), it loads everything and waits for the widget to say the visitor opened it.
(function () {
  'use strict';

  var script = document.currentScript;
  var nonce = script && script.nonce;
  var params = new URLSearchParams(window.location.search);
  var accent = /^#[0-9a-f]{6}$/i.test(params.get('color') || '') ? params.get('color') : '#0b6e4f';
  var container = document.getElementById('webchat');
  var avatarUrl = document.body.getAttribute('data-avatar-url') || '';
  var avatarInitials = document.body.getAttribute('data-avatar-initials') || 'AB';
  document.documentElement.style.setProperty('--artbot-accent', accent);

  // The page that embeds the chat (the widget), when there is one: told when Escape is pressed, so it closes the chat.
  var host = (function () {
    try {
      var origin = new URL(params.get('host') || '').origin;
      return window.parent !== window && origin === params.get('host') ? origin : null;
    } catch (error) {
      return null;
    }
  })();

  // Focus goes to the message box when the chat opens (once Web Chat has drawn it), and whenever the widget asks.
  function focusSendBox(attemptsLeft) {
    var input = document.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) {
      input.focus();
    } else if (attemptsLeft > 0) {
      window.setTimeout(function () { focusSendBox(attemptsLeft - 1); }, 100);
    }
  }

  if (host) {
    window.addEventListener('message', function (event) {
      if (event.origin === host && event.source === window.parent && event.data && event.data.type === 'artbot:focus') {
        focusSendBox(100);
      }
    });
    // Escape inside a message or a card (the booking form's fields) leaves it for the message box, as Web Chat's
    // keyboard help says: caught before Web Chat, which would move focus to the history instead. Escape from the
    // message box, or anywhere else, closes the chat, unless something inside (a citation's dialog) used it first.
    document.addEventListener('keydown', function (event) {
      var sendBox = document.querySelector('[data-id="webchat-sendbox-input"]');
      var transcript = document.querySelector('.webchat__basic-transcript');
      if (event.key === 'Escape' && sendBox && transcript && transcript.contains(event.target) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        event.stopPropagation();
        sendBox.focus();
      }
    }, true);
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
        window.parent.postMessage({ type: 'artbot:close' }, host);
      }
    });
  }

  // The widget shows a placeholder until the chat (or its error) is on screen.
  function shown() {
    if (host) { window.parent.postMessage({ type: 'artbot:ready' }, host); }
  }

  function showError(message) {
    shown();
    container.textContent = '';
    var error = document.createElement('p');
    error.className = 'chat-error';
    error.setAttribute('role', 'alert');
    error.textContent = message;
    container.appendChild(error);
  }

  if (!window.WebChat) {
    showError('Sorry, the chat could not load. Please try again later.');
    return;
  }

  // The conversation survives a page change or reload in the same tab (the widget is reloaded with every page of the
  // clinic's site), for as long as its token is valid. Only the token, the conversation id and the visitor's id (which the
  // bot issued with the token, and which the token alone lets them speak as) are kept.
  var storageKey = 'artbot.session';
  var tokenLifetimeMs = 25 * 60 * 1000;

  function savedSession() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return saved && saved.token && saved.conversationId && saved.userId && Date.now() - saved.savedAt < tokenLifetimeMs ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function save(directLine, session) {
    try {
      if (directLine.token && directLine.conversationId) {
        window.sessionStorage.setItem(storageKey, JSON.stringify({
          token: directLine.token, conversationId: directLine.conversationId, domain: session.domain, userId: session.userId, savedAt: Date.now()
        }));
      }
    } catch (error) {
      // Storage may be blocked; the chat still works, it just starts afresh on the next page.
    }
  }

  function newSession() {
    return fetch('/api/directline/token', { method: 'POST', credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('token ' + response.status); }
      return response.json();
    });
  }

  // A form the bot sends in reply to the visitor (the booking form) opens at its heading, with the cursor in its first
  // field, so Tab goes from field to field; a form in a conversation resumed after a page change is left where it is.
  var awaitingReply = false;

  function hasForm(activity) {
    return (activity.attachments || []).some(function (attachment) {
      return attachment.contentType === 'application/vnd.microsoft.card.adaptive' && JSON.stringify(attachment.content || {}).indexOf('"Input.') >= 0;
    });
  }

  function showFormFromItsTop(attemptsLeft) {
    var cards = document.querySelectorAll('.webchat__basic-transcript .ac-adaptiveCard');
    var card = cards.length ? cards[cards.length - 1] : null;
    var field = card && card.querySelector('input, textarea, select');
    if (!field) {
      if (attemptsLeft > 0) { window.setTimeout(function () { showFormFromItsTop(attemptsLeft - 1); }, 100); }
      return;
    }
    // A visitor (or a slow device's late render) may already be typing in the form: moving the cursor back to its first
    // field then would send the next keystrokes there and leave the field they were in empty.
    if (!card.contains(document.activeElement)) {
      field.focus({ preventScroll: true });
    }
    // Web Chat scrolls to the newest activity with an animation, which for a tall form ends past its heading: brought
    // back while the visitor is still in the form and its heading is out of view. Once the visitor types, ticks, clicks
    // or presses a key in the form, it is theirs: a late correction would move the button under their pointer. The card
    // is marked settled when no correction is left to come.
    var corrections = [150, 500, 1000, 2000].map(function (delay, index, delays) {
      return window.setTimeout(function () {
        var scroller = card.closest('.webchat__basic-transcript__scrollable');
        if (scroller && card.contains(document.activeElement) && card.getBoundingClientRect().top < scroller.getBoundingClientRect().top) {
          card.scrollIntoView({ block: 'start' });
        }
        if (index === delays.length - 1) { settle(); }
      }, delay);
    });
    var visitorActions = ['input', 'change', 'pointerdown', 'keydown'];
    function settle() {
      corrections.forEach(window.clearTimeout);
      visitorActions.forEach(function (type) { card.removeEventListener(type, settle, true); });
      card.setAttribute('data-artbot-form-settled', '');
    }
    visitorActions.forEach(function (type) { card.addEventListener(type, settle, true); });
  }

  var started = false;
  var resumed = savedSession();

  function start() {
    if (started) { return; }
    started = true;
    connect();
  }

  if (host && params.get('preload') === 'true') {
    window.addEventListener('message', function (event) {
      if (event.origin === host && event.source === window.parent && event.data && event.data.type === 'artbot:open') {
        start();
      }
    });
    // The clinic's setting (Widget:GreetingAfterSeconds) reaches the widget with this: the widget's own script is static.
    window.parent.postMessage({ type: 'artbot:preloaded', greetingAfterSeconds: Number(document.body.getAttribute('data-greeting-after-seconds')) || 0 }, host);
  } else {
    start();
  }

  function connect() {
    (resumed ? Promise.resolve(resumed) : newSession())
      .then(function (session) {
        var options = { token: session.token, webSocket: true };
        if (session.domain) { options.domain = session.domain; }
        if (session.conversationId) { options.conversationId = session.conversationId; }
        var directLine = window.WebChat.createDirectLine(options);
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === 2) { save(directLine, session); }
          if ((status === 3 || status === 4) && resumed) {
            // The saved conversation is gone (expired): start a new one.
            window.sessionStorage.removeItem(storageKey);
            window.location.reload();
          }
        });
        window.addEventListener('pagehide', function () { save(directLine, session); });

        // Web Chat does not always deliver a members-added update for the visitor, so the page asks for the welcome.
        var store = window.WebChat.createStore({}, function (api) {
          return function (next) {
            return function (action) {
              if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
              }
              if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
                awaitingReply = true;
              }
              if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.type === 'message'
                && action.payload.activity.from && action.payload.activity.from.role === 'bot') {
                // The widget counts the bot's replies that arrive while the chat is closed.
                if (host) { window.parent.postMessage({ type: 'artbot:reply' }, host); }
                if (awaitingReply && hasForm(action.payload.activity)) { showFormFromItsTop(20); }
                awaitingReply = false;
              }
              return next(action);
            };
          };
        });

        window.WebChat.renderWebChat({
          directLine: directLine,
          store: store,
          userID: session.userId,
          nonce: nonce,
          locale: 'en-US',
          styleOptions: {
            accent: accent,
            botAvatarInitials: avatarInitials,
            botAvatarImage: avatarUrl || undefined,
            botAvatarBackgroundColor: accent,
            hideUploadButton: true,
            bubbleBorderRadius: 12,
            bubbleFromUserBorderRadius: 12,
            bubbleFromUserBackground: accent,
            bubbleFromUserTextColor: '#ffffff',
            bubbleFromUserBorderColor: accent,
            suggestedActionLayout: 'flow',
            suggestedActionBorderRadius: 16,
            suggestedActionBorderColor: accent,
            suggestedActionTextColor: accent,
            sendBoxButtonColor: accent,
            cardPushButtonBackgroundColor: accent,
            cardPushButtonTextColor: '#ffffff',
            primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif'
          }
        }, container);
        shown();
        focusSendBox(100);
      })
      .catch(function () {
        showError('Sorry, the chat could not connect. Please try again in a moment.');
      });
  }
})();
