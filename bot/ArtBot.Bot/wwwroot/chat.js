// The chat page: gets a token from the bot, connects the official Web Chat to Direct Line, and says hello on join.
(function () {
  'use strict';

  var script = document.currentScript;
  var nonce = script && script.nonce;
  var params = new URLSearchParams(window.location.search);
  var accent = /^#[0-9a-f]{6}$/i.test(params.get('color') || '') ? params.get('color') : '#0b6e4f';
  var container = document.getElementById('webchat');

  function showError(message) {
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

  fetch('/api/directline/token', { method: 'POST', credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('token ' + response.status); }
      return response.json();
    })
    .then(function (session) {
      var directLine = session.domain
        ? window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: true })
        : window.WebChat.createDirectLine({ token: session.token });

      // Web Chat does not always deliver a members-added update for the visitor, so the page asks for the welcome.
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
            }
            return next(action);
          };
        };
      });

      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        nonce: nonce,
        locale: 'en-US',
        styleOptions: {
          accent: accent,
          botAvatarInitials: 'AB',
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
          primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif'
        }
      }, container);
    })
    .catch(function () {
      showError('Sorry, the chat could not connect. Please try again in a moment.');
    });
})();
