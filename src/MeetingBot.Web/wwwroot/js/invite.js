import { h, errorBox } from './dom.js';
import { meetingIdFromInput } from './views/meetings.js';

// A host config close to Teams' light theme, so the card reads as it does in Teams and the Emulator.
const HOST_CONFIG = {
  fontFamily: '"Segoe UI", system-ui, -apple-system, Roboto, sans-serif',
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 12 },
  separator: { lineThickness: 1, lineColor: '#E1E1E1' },
  supportsInteractivity: true,
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#6264A7' },
        attention: { default: '#C4314B', subtle: '#C4314BCC' },
        good: { default: '#237B4B', subtle: '#237B4BCC' },
        warning: { default: '#835C00', subtle: '#835C00CC' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#FFFFFFCC' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
};

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The subset of Markdown that Adaptive Cards allow in TextBlocks: bold, italics, links (http, https, tel), line breaks. */
export function miniMarkdown(text) {
  let html = escapeHtml(String(text));
  html = html.replace(/\[([^\]]+)\]\(((?:https?:|tel:)[^)\s]+)\)/g, (_, label, url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`);
  html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>');
  return html.replace(/\r?\n/g, '<br>');
}

let markdownInstalled = false;
function installMarkdown(AC) {
  if (markdownInstalled) return;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = miniMarkdown(text);
    result.didProcess = true;
  };
  markdownInstalled = true;
}

/**
 * The client page behind one of the invite's host links (the host redirects there too, for links opened outside
 * the client): /dialin/{tenant}, /pin/{user}, /meetings/{id}/options. Null for any other URL.
 */
export function clientRouteFor(url) {
  let path;
  try { path = new URL(url, location.href).pathname; } catch { return null; }
  let m = /^\/dialin\/([^/]+)\/?$/i.exec(path);
  if (m) return `#/dialin/${m[1]}`;
  m = /^\/pin\/([^/]+)\/?$/i.exec(path);
  if (m) return `#/pin?for=${m[1]}`;
  m = /^\/meetings\/([^/]+)\/options\/?$/i.exec(path);
  if (m) return `#/meetings/${m[1]}/options`;
  return null;
}

/**
 * Renders card JSON with the official Adaptive Cards renderer. Join links to this host navigate inside the client;
 * Action.Submit data goes to onSubmit (the bot's buttons carry an action discriminator).
 */
export function renderAdaptiveCard(cardJson, { onJoin, onSubmit } = {}) {
  const AC = window.AdaptiveCards;
  installMarkdown(AC);
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(HOST_CONFIG);
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction) {
      const url = action.url ?? '';
      const id = /\/meet\//i.test(url) ? meetingIdFromInput(url) : null;
      const route = clientRouteFor(url);
      if (id && onJoin) onJoin(id);
      else if (route) location.hash = route;
      else window.open(url, '_blank', 'noopener');
    } else if (action instanceof AC.SubmitAction || (AC.ExecuteAction && action instanceof AC.ExecuteAction)) {
      onSubmit?.(action.data ?? {}, action);
    }
  };
  try {
    card.parse(cardJson);
    const rendered = card.render();
    // Markdown join links point at the meeting's /meet/ URL: inside the client they open the pre-join screen.
    for (const link of rendered.querySelectorAll('a[href*="/meet/"]')) {
      link.addEventListener('click', (e) => {
        if (!onJoin) return;
        e.preventDefault();
        onJoin(meetingIdFromInput(link.getAttribute('href')));
      });
    }
    return h('div', { class: 'invite-host', 'data-testid': 'invite-card' }, rendered);
  } catch (e) {
    return errorBox(`The invite card could not be shown: ${e.message}`);
  }
}
