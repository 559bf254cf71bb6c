// The customer chat: answers stream in as they are written, citations open their passage, a transfer shows as
// a card whose review status follows the reviewer's decision, and a person can be asked for at any time; their
// replies appear here as they are written (the page polls the conversation while it waits for a colleague).
import {api, requireRole, signOut, streamChat} from './api.js';
import {fill, formatMoney, h} from './dom.js';
import {lang, languageSwitch, t} from './i18n.js';
import {openPassage} from './passage.js';

const POLL_MS = Number(new URLSearchParams(location.search).get('poll')) || 3000;
const CONVERSATION = 'nb.conversation';
const CITED = /\[(K[0-9a-z]{6,40})]/g;

const me = requireRole('customer');
const list = document.getElementById('messages');
const form = document.getElementById('composer');
const input = document.getElementById('message');
const send = document.getElementById('send');
const human = document.getElementById('human');
const error = document.getElementById('chat-error');
const handedOff = document.getElementById('handed-off');

let conversationId = sessionStorage.getItem(CONVERSATION);
const shownStaffMessages = new Set(); // ids of the bank's and colleagues' messages already on the page
const cards = new Map(); // transferId -> {card, action, timer}
let colleagueTimer = null;

function authorName(role, name) {
  if (role === 'agent') return t('chat.agent', {name});
  return t(`chat.${role === 'customer' ? 'you' : role}`);
}

function item(role, ...content) {
  return itemBy(role, null, ...content);
}

/** A message; name is the member of staff who wrote an agent message. */
function itemBy(role, name, ...content) {
  const li = h('li', {class: `message ${role}`},
    h('span', {class: 'author', 'data-author': role, 'data-name': name || undefined}, authorName(role, name)),
    ...content);
  list.append(li);
  li.scrollIntoView({block: 'end'});
  return li;
}

/** The answer's text with each [K…] marker turned into a numbered button that opens the passage. */
function answerBody(text, citations) {
  const numbers = new Map(citations.map((c, i) => [c.citationId, i + 1]));
  const body = h('div', {class: 'text'});
  let last = 0;
  for (const m of text.matchAll(CITED)) {
    body.append(text.slice(last, m.index));
    const citation = citations.find(c => c.citationId === m[1]);
    body.append(citation
      ? h('button', {type: 'button', class: 'cite', 'data-cite': m[1], 'aria-label': t('chat.openSource', {label: citation.citation}),
        onclick: () => openPassage(citation)}, `[${numbers.get(m[1])}]`)
      : '');
    last = m.index + m[0].length;
  }
  body.append(text.slice(last));
  return body;
}

function sources(citations) {
  if (!citations || !citations.length) return null;
  return h('div', {class: 'sources'},
    h('h2', {}, t('chat.sources')),
    h('ol', {}, citations.map(c => h('li', {},
      h('button', {type: 'button', class: 'source link', 'data-cite': c.citationId, onclick: () => openPassage(c)}, c.citation)))));
}

function renderAnswer(li, reply) {
  li.replaceChildren(li.querySelector('.author'), answerBody(reply.answer, reply.citations || []));
  const s = sources(reply.citations);
  if (s) li.append(s);
  if (reply.notice) li.append(h('p', {class: 'notice'}, t('chat.notice', {notice: reply.notice})));
  if (reply.pendingAction && reply.pendingAction.transferId) {
    li.append(transferCard(reply.pendingAction));
  }
  if (reply.handedOff) waitForColleague();
  li.scrollIntoView({block: 'end'});
}

function transferCard(action) {
  const existing = cards.get(action.transferId);
  if (existing) { // the same transfer asked again: one card, kept up to date
    existing.card.remove();
    return existing.card;
  }
  const card = h('section', {class: 'card transfer', 'aria-live': 'polite', dataset: {transferId: action.transferId, caseId: action.caseId || '',
    status: action.status}});
  const entry = {card, action};
  cards.set(action.transferId, entry);
  drawCard(entry);
  watch(entry);
  return card;
}

function drawCard({card, action}) {
  const status = card.dataset.status;
  fill(card,
    h('h2', {}, t('transfer.title')),
    h('p', {class: 'amount'}, formatMoney(action.amount, action.currency, lang())),
    h('p', {}, t('transfer.to', {payee: action.payeeName})),
    h('p', {}, `${t('transfer.status')}: `, h('span', {class: `status status-${status}`, 'data-status': status}, t(`transfer.${status}`))),
    h('p', {class: 'muted'}, t(`transfer.note.${status}`)),
    h('p', {class: 'muted small'}, t('transfer.reference', {id: action.transferId.slice(0, 8)})));
}

/** Polls the transfer until a reviewer has decided; then the bank's message about it joins the conversation. */
function watch(entry) {
  if (entry.card.dataset.status !== 'pending_review') return;
  entry.timer = setInterval(async () => {
    try {
      const transfer = await api(`/api/transfers/${entry.action.transferId}`);
      if (transfer.status !== entry.card.dataset.status) {
        entry.card.dataset.status = transfer.status;
        drawCard(entry);
        if (transfer.status !== 'pending_review') {
          clearInterval(entry.timer);
          await staffMessages();
        }
      }
    } catch {
      // a missed poll is retried at the next tick
    }
  }, POLL_MS);
}

/** The bank's messages (a reviewer's decision) and colleagues' replies not shown yet; returns the transcript. */
async function staffMessages() {
  if (!conversationId) return null;
  const transcript = await api(`/api/conversations/${conversationId}`);
  for (const m of transcript.messages) showStaffMessage(m);
  return transcript;
}

function showStaffMessage(m) {
  if ((m.role !== 'bank' && m.role !== 'agent') || shownStaffMessages.has(m.id)) return;
  shownStaffMessages.add(m.id);
  itemBy(m.role, m.author, h('div', {class: 'text'}, m.content));
}

/** Handed to a person: say so, and look for their replies until they close the hand-over. */
function waitForColleague() {
  banner('chat.handedOff');
  if (colleagueTimer) return;
  colleagueTimer = setInterval(async () => {
    try {
      const transcript = await staffMessages();
      if (transcript && transcript.state !== 'handed_off') {
        clearInterval(colleagueTimer);
        colleagueTimer = null;
        if (transcript.state === 'closed') banner('chat.closed');
      }
    } catch {
      // a missed poll is retried at the next tick
    }
  }, POLL_MS);
}

function banner(key) {
  handedOff.dataset.i18n = key;
  handedOff.textContent = t(key);
  handedOff.hidden = false;
}

async function say(message) {
  error.hidden = true;
  send.disabled = human.disabled = true;
  item('customer', h('div', {class: 'text'}, message));
  const li = item('assistant', h('div', {class: 'text streaming', 'aria-busy': 'true'}, ''));
  const text = li.querySelector('.text');
  try {
    const reply = await streamChat({message, conversationId: conversationId || undefined, channel: 'web'}, {
      onToken: piece => { text.textContent += piece; li.scrollIntoView({block: 'end'}); },
      onReset: () => { text.textContent = ''; },
    });
    conversationId = reply.conversationId;
    sessionStorage.setItem(CONVERSATION, conversationId);
    renderAnswer(li, reply);
  } catch (e) {
    li.remove();
    error.textContent = e.status === 429 ? t('chat.tooMany') : t('error', {message: e.message});
    error.hidden = false;
  } finally {
    send.disabled = human.disabled = false;
  }
}

/** After a reload: the conversation so far (transfer cards come back through GET /api/transfers). */
async function restore() {
  if (!conversationId) {
    item('assistant', h('div', {class: 'text', 'data-i18n': 'chat.welcome'}, t('chat.welcome')));
    return;
  }
  try {
    const transcript = await api(`/api/conversations/${conversationId}`);
    for (const m of transcript.messages) {
      if (m.role === 'customer') item('customer', h('div', {class: 'text'}, m.content));
      else if (m.role === 'bank' || m.role === 'agent') showStaffMessage(m);
      else {
        const li = item('assistant');
        renderAnswer(li, {answer: m.content, citations: m.citations || []});
      }
    }
    if (transcript.state === 'handed_off') waitForColleague();
    else if (transcript.state === 'closed') banner('chat.closed');
    const transfers = await api('/api/transfers');
    for (const tr of transfers.filter(x => x.status === 'pending_review').slice(0, 5)) {
      list.append(h('li', {class: 'message assistant'}, transferCard({transferId: tr.id, caseId: tr.caseId, status: tr.status,
        amount: tr.amount, currency: tr.currency, payeeName: tr.payeeName})));
    }
  } catch {
    sessionStorage.removeItem(CONVERSATION);
    conversationId = null;
    item('assistant', h('div', {class: 'text', 'data-i18n': 'chat.welcome'}, t('chat.welcome')));
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const message = input.value.trim();
  if (!message) return;
  input.value = '';
  say(message);
});
input.addEventListener('keydown', event => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
human.addEventListener('click', () => say(t('chat.humanMessage')));
document.getElementById('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem(CONVERSATION);
  location.reload();
});
document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('who').textContent = `${me.name} (${me.user})`;
languageSwitch(document.getElementById('lang-switch'));
document.addEventListener('langchange', () => {
  for (const entry of cards.values()) drawCard(entry);
  list.querySelectorAll('.author').forEach(a => {
    a.textContent = authorName(a.dataset.author, a.dataset.name);
  });
  list.querySelectorAll('.sources h2').forEach(x => { x.textContent = t('chat.sources'); });
});
restore();
