// The staff console: the review queue, a case with everything needed to decide it, the human-agent queue,
// analytics as charts, and (for engineers) evaluation runs with their reports. One page, routed by the URL's hash.
import {api, apiText, hasRole, requireRole, signOut} from './api.js';
import {barChart, columnChart} from './charts.js';
import {fill, formatMoney, formatTime, h, percent} from './dom.js';
import {lang, languageSwitch, t} from './i18n.js';
import {openPassage} from './passage.js';

const me = requireRole('reviewer', 'engineer');
const view = document.getElementById('view');

const REASONS = ['fund_operation', 'risk_check_flag', 'contact_change', 'credential_change', 'identity_verification', 'fraud_report',
  'impersonation', 'authority_pressure', 'other_customer_data', 'prompt_injection', 'own_account_read', 'form_help', 'product_advice',
  'negative_emotion', 'low_confidence'];
const QUEUE_DEFAULTS = {status: 'open', sort: '-created', page: '0', size: '20'};
const LEVEL_COLORS = {red: '#b3261e', yellow: '#b07800', blue: '#1f5fa8'};

/** Goes to a hash; the same hash again redraws (no hashchange event would fire). */
function navigate(hash) {
  if (location.hash === hash) render(true);
  else location.hash = hash;
}

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const [name, id] = path.split('/');
  return {name: name || (hasRole('reviewer') ? 'queue' : 'evals'), id, params: new URLSearchParams(query)};
}

/** The section of the bar a view belongs to: a case to the queue, one hand-over to the human-agent queue. */
function section(name) {
  return {case: 'queue', handoff: 'handoffs'}[name] || name;
}

function allowed(name) {
  const link = document.querySelector(`#nav a[data-route="${section(name)}"]`);
  return link && link.dataset.role.split(' ').some(hasRole);
}

let rendering = 0;
/** A view that refreshes itself (an open hand-over) registers its timer here; the next view stops it. */
let refresher = null;

function stopRefreshing() {
  if (refresher) clearInterval(refresher);
  refresher = null;
}

/** Draws the view the hash names; keepContent leaves the current view up while the new one loads. */
async function render(keepContent = false) {
  const r = route();
  stopRefreshing();
  document.querySelectorAll('#nav a').forEach(a => {
    a.hidden = !a.dataset.role.split(' ').some(hasRole);
    if (a.dataset.route === section(r.name)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!allowed(r.name)) {
    location.hash = hasRole('reviewer') ? '#queue' : '#evals';
    return;
  }
  const mine = ++rendering;
  if (!keepContent) fill(view, h('p', {class: 'muted'}, t('loading')));
  let content;
  try {
    if (r.name === 'queue') content = await queue(r.params);
    else if (r.name === 'case') content = await caseView(r.id);
    else if (r.name === 'handoffs') content = await handoffs();
    else if (r.name === 'handoff') content = await handoffView(r.id);
    else if (r.name === 'analytics') content = await analytics(r.params);
    else content = await evals();
  } catch (e) {
    content = h('p', {class: 'error', role: 'alert'}, t('error', {message: e.message}));
  }
  if (mine === rendering) { // a later navigation wins over a slower, earlier one
    fill(view, content);
    view.dataset.route = r.name;
  }
}

function badge(kind, value) {
  return h('span', {class: `badge ${kind}-${value}`, 'data-value': value}, t(`${kind}.${value}`));
}

function age(minutes) {
  if (minutes < 120) return t('queue.minutes', {n: minutes});
  if (minutes < 48 * 60) return t('queue.hours', {n: Math.floor(minutes / 60)});
  return t('queue.days', {n: Math.floor(minutes / 1440)});
}

function reasonName(code) {
  return code.replaceAll('_', ' ');
}

/** A table whose cells carry their column's name, so that on a phone each row becomes a card (see app.css). */
function table(className, headers, rows) {
  for (const row of rows) {
    [...row.children].forEach((cell, i) => { if (headers[i]) cell.dataset.label = headers[i]; });
  }
  return h('div', {class: 'table-wrap'}, h('table', {class: `${className} stack`},
    h('thead', {}, h('tr', {}, headers.map(x => h('th', {scope: 'col'}, x)))),
    h('tbody', {}, rows)));
}

/** The words for a failed call: ours for the codes we know (in the page's language), else the service's message. */
function errorText(e, context = '') {
  for (const key of [`error.${e.code}.${context}`, `error.${e.code}`]) {
    if (e.code && t(key) !== key) return t(key);
  }
  return t('error', {message: e.message});
}

/**
 * A form's action: a mandatory field left empty is named in the form's error line (the browser's own check is not
 * used, so the words are the page's); otherwise the action runs with the form's buttons disabled, and a failure is
 * written into the error line.
 */
async function submit(form, error, {required, missingKey, context = ''}, action) {
  error.hidden = true;
  if (required && !required.value.trim()) {
    error.textContent = t(missingKey);
    error.hidden = false;
    required.focus();
    return;
  }
  form.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    await action();
  } catch (e) {
    error.textContent = errorText(e, context);
    error.hidden = false;
  } finally {
    form.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

// ---- review queue --------------------------------------------------------------------------------------------

async function queue(params) {
  const filters = {...QUEUE_DEFAULTS};
  for (const [k, v] of params) filters[k] = v;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const data = await api(`/api/review/cases?${query}`);
  const go = changes => {
    const next = {...filters, page: '0', ...changes};
    navigate('#queue?' + new URLSearchParams(Object.entries(next).filter(([, v]) => v !== '' && v !== undefined)));
  };

  const select = (name, label, values, render) => h('div', {class: 'field'},
    h('label', {for: `f-${name}`}, label),
    h('select', {id: `f-${name}`, name},
      values.map(v => h('option', {value: v, selected: (filters[name] || '') === v}, v === '' ? t('queue.any') : render(v)))));

  const form = h('form', {id: 'queue-filters', class: 'filters', 'aria-label': t('queue.filters')},
    select('level', t('queue.level'), ['', 'red', 'yellow'], v => t(`level.${v}`)),
    select('status', t('queue.status'), ['', 'open', 'approved', 'rejected'], v => t(`status.${v}`)),
    select('kind', t('queue.kind'), ['', 'transfer', 'alert', 'sample'], v => t(`kind.${v}`)),
    select('reason', t('queue.reason'), ['', ...REASONS], reasonName),
    select('olderThan', t('queue.age'), ['', 'PT30M', 'PT1H', 'PT4H', 'P1D', 'P7D'], v => t(`queue.age.${v}`)),
    select('sort', t('queue.sort'), ['-created', 'created', 'due', '-due', 'level'], v => t(`queue.sort.${v}`)),
    select('size', t('queue.size'), ['10', '20', '50', '100'], v => v),
    h('div', {class: 'field checkbox'},
      h('input', {type: 'checkbox', id: 'f-overdue', name: 'overdue', value: 'true', checked: filters.overdue === 'true'}),
      h('label', {for: 'f-overdue'}, t('queue.overdueOnly'))),
    h('div', {class: 'field actions'},
      h('button', {type: 'submit', id: 'apply-filters'}, t('queue.apply')),
      h('button', {type: 'button', class: 'secondary', onclick: () => navigate('#queue')}, t('queue.reset'))));
  const read = () => {
    const f = new FormData(form);
    return {level: f.get('level'), status: f.get('status'), kind: f.get('kind'), reason: f.get('reason'), olderThan: f.get('olderThan'),
      sort: f.get('sort'), size: f.get('size'), overdue: f.get('overdue') ? 'true' : ''};
  };
  form.addEventListener('submit', e => { e.preventDefault(); go(read()); });
  form.addEventListener('change', () => go(read()));

  const chip = (label, value, changes, cls) => h('li', {},
    h('button', {type: 'button', class: `chip ${cls || ''}`, 'data-count': value, onclick: () => go(changes)},
      h('span', {class: 'chip-label'}, label), ' ', h('strong', {}, String(value))));
  const counts = h('ul', {class: 'counts', id: 'queue-counts', 'aria-label': t('queue.counts')},
    chip(t('queue.redOpen'), data.byLevel.red ?? 0, {level: 'red', status: 'open', kind: '', reason: '', overdue: ''}, 'level-red'),
    chip(t('queue.yellowOpen'), data.byLevel.yellow ?? 0, {level: 'yellow', status: 'open', kind: '', reason: '', overdue: ''}, 'level-yellow'),
    chip(t('queue.open'), data.byStatus.open ?? 0, {level: '', status: 'open', overdue: ''}),
    chip(t('queue.approved'), data.byStatus.approved ?? 0, {level: '', status: 'approved', overdue: ''}),
    chip(t('queue.rejected'), data.byStatus.rejected ?? 0, {level: '', status: 'rejected', overdue: ''}),
    chip(t('queue.overdue'), data.overdue ?? 0, {status: 'open', overdue: 'true'}, 'overdue'));

  const rows = data.items.map(c => h('tr', {class: c.overdue ? 'overdue' : '', dataset: {caseId: c.id}},
    h('td', {}, badge('level', c.level)),
    h('td', {}, t(`kind.${c.kind}`)),
    h('td', {}, badge('status', c.status)),
    h('td', {class: 'summary'}, c.summary),
    h('td', {}, c.reasons.map(reasonName).join(', ')),
    h('td', {}, c.customerId || '–'),
    h('td', {}, age(c.ageMinutes)),
    h('td', {}, formatTime(c.dueAt, lang()), c.overdue ? h('span', {class: 'badge overdue'}, t('queue.isOverdue')) : null),
    h('td', {}, h('a', {href: `#case/${c.id}`, class: 'open-case', 'data-case-id': c.id}, t('queue.openCase')))));
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  const pager = h('nav', {class: 'pager', 'aria-label': 'pages'},
    h('button', {type: 'button', class: 'secondary', disabled: data.page <= 0, onclick: () => go({...filters, page: String(data.page - 1)})},
      t('queue.prev')),
    h('span', {id: 'queue-page'}, t('queue.page', {page: data.page + 1, pages, total: data.total})),
    h('button', {type: 'button', class: 'secondary', disabled: data.page + 1 >= pages, onclick: () => go({...filters, page: String(data.page + 1)})},
      t('queue.next')));

  return [
    h('h1', {}, t('queue.title')),
    counts,
    form,
    data.items.length
      ? table('cases', [t('queue.col.level'), t('queue.col.kind'), t('queue.col.status'), t('queue.col.summary'), t('queue.col.reasons'),
        t('queue.col.customer'), t('queue.col.age'), t('queue.col.due'), t('queue.col.open')], rows)
      : h('p', {class: 'muted'}, t('queue.empty')),
    pager];
}

// ---- one case ------------------------------------------------------------------------------------------------

function pretty(json) {
  if (json === null || json === undefined) return '';
  try {
    return JSON.stringify(typeof json === 'string' ? JSON.parse(json) : json, null, 2);
  } catch {
    return String(json);
  }
}

function author(m) {
  return m.role === 'agent' && m.author ? `${t('role.agent')} · ${m.author}` : t(`role.${m.role}`);
}

/**
 * A transcript. flaggedTurns are the turns that raised a case (from the case API): the customer message and the
 * answer it got are highlighted, and the turn's reasons are written out in words next to the message. Other
 * messages keep their own risk badge but are not highlighted, even when they were red or yellow.
 */
function transcript(messages, flaggedTurns = []) {
  const flagged = new Map();
  for (const turn of flaggedTurns) {
    flagged.set(turn.messageId, {turn, part: 'message'});
    if (turn.answerId) flagged.set(turn.answerId, {turn, part: 'answer'});
  }
  const zh = lang() === 'zh';
  return h('ol', {class: 'transcript'}, messages.map(m => {
    const f = flagged.get(m.id);
    const data = f ? {messageId: m.id, flagged: f.part} : {messageId: m.id};
    return h('li', {class: `message ${m.role}${f ? ` flagged level-${f.turn.level}` : ''}`, dataset: data},
      h('div', {class: 'meta'},
        h('span', {class: 'author'}, author(m)),
        ' · ', formatTime(m.createdAt, lang()),
        m.intent ? ` · ${m.intent}` : '',
        m.riskLevel ? [' ', badge('level', m.riskLevel)] : null,
        f ? h('span', {class: 'flag'}, t(f.part === 'message' ? 'case.flaggedMessage' : 'case.flaggedAnswer')) : null),
      h('div', {class: 'text'}, m.content),
      f && f.part === 'message'
        ? h('div', {class: 'turn-reasons'}, h('p', {class: 'small'}, h('strong', {}, t('case.turnReasons'))),
          h('ul', {}, f.turn.reasons.map(r => h('li', {dataset: {reason: r.code}}, badge('level', r.level), ' ', zh ? r.chinese : r.english))))
        : null,
      !f && m.riskReasons && m.riskReasons.length ? h('p', {class: 'muted small'}, m.riskReasons.map(reasonName).join(', ')) : null);
  }));
}

function toolCalls(calls) {
  if (!calls.length) return h('p', {class: 'muted'}, t('case.noTools'));
  return h('ol', {class: 'tool-calls'}, calls.map(c => h('li', {class: 'tool-call', dataset: {tool: c.name}},
    h('div', {class: 'meta'}, h('code', {}, c.name), ' · ', formatTime(c.createdAt, lang()), ' ', badge('level', c.riskLevel), ' ',
      h('span', {class: c.executed ? 'ok' : 'muted'}, c.executed ? t('case.tool.executed') : t('case.tool.notExecuted')),
      c.riskReasons && c.riskReasons.length ? ` · ${c.riskReasons.map(reasonName).join(', ')}` : ''),
    h('div', {class: 'tool-io'},
      h('div', {}, h('h4', {}, t('case.tool.arguments')), h('pre', {}, pretty(c.arguments))),
      h('div', {}, h('h4', {}, t('case.tool.result')), h('pre', {}, pretty(c.result)))))));
}

function sourcesOf(messages) {
  const seen = new Map();
  for (const m of messages) {
    for (const s of m.sources || []) if (!seen.has(s.citationId)) seen.set(s.citationId, {...s, cited: false});
    for (const c of m.citations || []) seen.set(c.citationId, {...(seen.get(c.citationId) || c), cited: true});
  }
  if (!seen.size) return h('p', {class: 'muted'}, t('case.noSources'));
  return h('ul', {class: 'case-sources'}, [...seen.values()].map(s => h('li', {},
    h('button', {type: 'button', class: 'link source', 'data-cite': s.citationId, onclick: () => openPassage(s)}, s.citation),
    s.cited ? h('span', {class: 'badge cited'}, t('case.sources.cited')) : null,
    s.snippet ? h('p', {class: 'muted small'}, s.snippet) : null)));
}

function auditTrail(entries) {
  return table('audit', [t('case.audit.seq'), t('case.audit.at'), t('case.audit.actor'), t('case.audit.action'), t('case.audit.subject'),
    t('case.audit.detail')], entries.map(e => h('tr', {dataset: {action: e.action}},
    h('td', {}, e.seq), h('td', {}, formatTime(e.at, lang())), h('td', {}, e.actor), h('td', {class: 'action'}, h('code', {}, e.action)),
    h('td', {}, `${e.subjectType} ${String(e.subjectId).slice(0, 8)}`),
    h('td', {}, h('code', {class: 'detail'}, e.detail && e.detail.length > 160 ? e.detail.slice(0, 160) + '…' : e.detail)))));
}

function decision(c) {
  if (c.summary.status !== 'open') {
    return h('p', {id: 'decided'}, t('case.decidedAlready'));
  }
  const comment = h('textarea', {id: 'decision-comment', name: 'comment', rows: 3, maxlength: 2000, 'aria-required': 'true'});
  const error = h('p', {id: 'decision-error', class: 'error', role: 'alert', hidden: true});
  const decide = verb => submit(form, error, {required: comment, missingKey: 'case.commentRequired'}, async () => {
    await api(`/api/review/cases/${c.summary.id}/${verb}`, {method: 'POST', body: {comment: comment.value.trim()}});
    await render(true);
  });
  const form = h('form', {id: 'decision', class: 'decision', onsubmit: e => e.preventDefault()},
    h('label', {for: 'decision-comment'}, t('case.comment')), comment,
    h('div', {class: 'actions'},
      h('button', {type: 'button', id: 'approve', class: 'approve', onclick: () => decide('approve')}, t('case.approve')),
      h('button', {type: 'button', id: 'reject', class: 'reject', onclick: () => decide('reject')}, t('case.reject'))),
    error);
  return form;
}

async function caseView(id) {
  const c = await api(`/api/review/cases/${encodeURIComponent(id)}`);
  const s = c.summary;
  const zh = lang() === 'zh';
  const messages = c.transcript ? c.transcript.messages : [];
  return [
    h('p', {}, h('a', {href: '#queue'}, t('case.back'))),
    h('h1', {}, t('case.title', {id: s.id.slice(0, 8)}), ' ', badge('level', s.level), ' ', badge('status', s.status), ' ',
      h('span', {class: 'badge'}, t(`kind.${s.kind}`))),
    h('p', {class: 'case-summary'}, s.summary),
    h('dl', {class: 'facts'},
      h('dt', {}, t('case.customer')), h('dd', {}, s.customerId || '–'),
      h('dt', {}, t('case.created')), h('dd', {}, formatTime(s.createdAt, lang())),
      h('dt', {}, t('case.due')), h('dd', {}, formatTime(s.dueAt, lang()), s.overdue ? h('span', {class: 'badge overdue'}, t('queue.isOverdue')) : null),
      s.decidedBy ? [h('dt', {}, t('case.outcome')), h('dd', {id: 'case-outcome'}, `${s.outcome || ''} · ${t('case.decided', {by: s.decidedBy,
        at: formatTime(s.decidedAt, lang())})}`)] : null),
    h('section', {class: 'panel', 'aria-labelledby': 'h-reasons'},
      h('h2', {id: 'h-reasons'}, t('case.reasons')),
      h('ul', {class: 'reasons'}, c.reasons.map(r => h('li', {dataset: {reason: r.code}}, badge('level', r.level), ' ', zh ? r.chinese : r.english,
        h('span', {class: 'muted small'}, ` (${r.code})`))))),
    c.transfer ? h('section', {class: 'panel', 'aria-labelledby': 'h-transfer'},
      h('h2', {id: 'h-transfer'}, t('case.transfer')),
      h('dl', {class: 'facts'},
        h('dt', {}, t('case.amount')), h('dd', {class: 'amount'}, formatMoney(c.transfer.amount, c.transfer.currency, lang())),
        h('dt', {}, t('case.from')), h('dd', {}, c.transfer.fromAccount),
        h('dt', {}, t('case.payee')), h('dd', {}, `${c.transfer.payeeName} (${c.transfer.payeeAccount})`),
        h('dt', {}, t('case.riskScore')), h('dd', {}, `${c.transfer.riskScore} ${c.transfer.riskReasons.length ? '· ' + c.transfer.riskReasons.join(', ') : ''}`),
        h('dt', {}, t('transfer.status')), h('dd', {id: 'transfer-status', 'data-status': c.transfer.status}, t(`transfer.${c.transfer.status}`)))) : null,
    h('section', {class: 'panel', 'aria-labelledby': 'h-decision'}, h('h2', {id: 'h-decision'}, t('case.decision')), decision(c)),
    h('section', {class: 'panel', 'aria-labelledby': 'h-transcript'}, h('h2', {id: 'h-transcript'}, t('case.transcript')),
      c.transcript ? transcript(messages, c.flaggedTurns || []) : h('p', {class: 'muted'}, t('case.noTranscript'))),
    h('section', {class: 'panel', 'aria-labelledby': 'h-tools'}, h('h2', {id: 'h-tools'}, t('case.tools')), toolCalls(c.toolCalls || [])),
    h('section', {class: 'panel', 'aria-labelledby': 'h-sources'}, h('h2', {id: 'h-sources'}, t('case.sources')), sourcesOf(messages)),
    h('section', {class: 'panel', id: 'audit-trail', 'aria-labelledby': 'h-audit'}, h('h2', {id: 'h-audit'}, t('case.audit')), auditTrail(c.audit || []))];
}

// ---- human-agent queue ---------------------------------------------------------------------------------------

async function handoffs() {
  const list = await api('/api/review/handoffs');
  return [
    h('h1', {}, t('handoffs.title')),
    list.length
      ? table('handoffs', [t('handoffs.customer'), t('handoffs.channel'), t('handoffs.language'), t('handoffs.updated'), ''],
        list.map(c => h('tr', {dataset: {conversationId: c.conversationId}},
          h('td', {}, c.customerId || '–'), h('td', {}, c.channel), h('td', {}, c.language), h('td', {}, formatTime(c.updatedAt, lang())),
          h('td', {}, h('a', {href: `#handoff/${c.conversationId}`, class: 'open-handoff'}, t('handoffs.open'))))))
      : h('p', {class: 'muted'}, t('handoffs.empty'))];
}

/** One handed-off conversation: read it, answer the customer in person, close the hand-over. */
async function handoffView(id) {
  const d = await api(`/api/review/handoffs/${encodeURIComponent(id)}`);
  const c = d.handoff;
  const waiting = c.state === 'handed_off';
  const thread = h('div', {id: 'handoff-thread'}, transcript(d.transcript.messages));
  let shown = d.transcript.messages.length;
  if (waiting) {
    // New customer messages appear while the reviewer writes; the plain transcript is read, so polling is not audited as a view.
    refresher = setInterval(async () => {
      try {
        const tr = await api(`/api/conversations/${encodeURIComponent(id)}`);
        if (tr.messages.length !== shown) {
          shown = tr.messages.length;
          fill(thread, transcript(tr.messages));
        }
      } catch {
        // the next tick tries again
      }
    }, 5000);
  }

  const reply = h('textarea', {id: 'agent-reply', name: 'message', rows: 4, maxlength: 2000, 'aria-required': 'true'});
  const replyError = h('p', {id: 'reply-error', class: 'error', role: 'alert', hidden: true});
  const sendReply = () => submit(replyForm, replyError, {required: reply, missingKey: 'handoffs.replyRequired', context: 'handoff'}, async () => {
    await api(`/api/review/handoffs/${encodeURIComponent(id)}/reply`, {method: 'POST', body: {message: reply.value}});
    reply.value = '';
    const tr = await api(`/api/conversations/${encodeURIComponent(id)}`);
    shown = tr.messages.length;
    fill(thread, transcript(tr.messages));
    thread.querySelector('li:last-child').scrollIntoView({block: 'nearest'});
  });
  const replyForm = h('form', {id: 'reply-form', class: 'decision', onsubmit: e => { e.preventDefault(); sendReply(); }},
    h('label', {for: 'agent-reply'}, t('handoffs.reply')),
    h('p', {class: 'muted small'}, t('handoffs.replyNote', {name: me.name})),
    reply,
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'send-reply'}, t('handoffs.send'))),
    replyError);

  const note = h('textarea', {id: 'close-note', name: 'note', rows: 2, maxlength: 2000});
  const closeError = h('p', {id: 'close-error', class: 'error', role: 'alert', hidden: true});
  const closeForm = h('form', {id: 'close-form', class: 'decision', onsubmit: e => {
    e.preventDefault();
    submit(closeForm, closeError, {context: 'handoff'}, async () => {
      await api(`/api/review/handoffs/${encodeURIComponent(id)}/close`, {method: 'POST', body: {note: note.value}});
      await render(true);
    });
  }},
    h('label', {for: 'close-note'}, t('handoffs.note')), note,
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'close-handoff', class: 'secondary'}, t('handoffs.close'))),
    closeError);

  return [
    h('p', {}, h('a', {href: '#handoffs'}, t('handoffs.back'))),
    h('h1', {}, t('handoffs.heading', {customer: c.customerId || '–'}), ' ',
      h('span', {class: `badge state-${c.state}`, id: 'handoff-state', 'data-state': c.state}, t(`state.${c.state}`))),
    h('dl', {class: 'facts'},
      h('dt', {}, t('handoffs.channel')), h('dd', {}, c.channel),
      h('dt', {}, t('handoffs.language')), h('dd', {}, c.language),
      h('dt', {}, t('handoffs.started')), h('dd', {}, formatTime(d.transcript.createdAt, lang())),
      h('dt', {}, t('handoffs.updated')), h('dd', {}, formatTime(c.updatedAt, lang()))),
    h('section', {id: 'handoff-transcript', class: 'panel', 'aria-labelledby': 'h-thread'},
      h('h2', {id: 'h-thread'}, t('handoffs.transcript', {id: id.slice(0, 8)})), thread),
    waiting
      ? [h('section', {class: 'panel', 'aria-labelledby': 'h-reply'}, h('h2', {id: 'h-reply'}, t('handoffs.replyTitle')), replyForm),
        h('section', {class: 'panel', 'aria-labelledby': 'h-close'}, h('h2', {id: 'h-close'}, t('handoffs.closeTitle')), closeForm)]
      : h('p', {id: 'handoff-closed', class: 'banner', role: 'status'}, t('handoffs.closed')),
    h('section', {class: 'panel', id: 'audit-trail', 'aria-labelledby': 'h-audit'}, h('h2', {id: 'h-audit'}, t('case.audit')), auditTrail(d.audit || []))];
}

// ---- analytics -----------------------------------------------------------------------------------------------

async function analytics(params) {
  const days = params.get('days') || '30';
  const a = await api(`/api/analytics?days=${encodeURIComponent(days)}`);
  const l = lang();
  const tile = (label, value, id) => h('div', {class: 'tile', id}, h('span', {class: 'tile-label'}, label), h('strong', {}, value));
  const chooser = h('div', {class: 'field inline'},
    h('label', {for: 'analytics-days'}, t('analytics.days')),
    h('select', {id: 'analytics-days', onchange: e => { location.hash = `#analytics?days=${e.target.value}`; }},
      ['7', '30', '90'].map(n => h('option', {value: n, selected: n === days}, t('analytics.daysN', {n})))));
  const chart = (title, svg, id) => h('section', {class: 'panel chart-panel', id, 'aria-label': title}, h('h2', {}, title), svg);
  const rows = (map, colors) => Object.entries(map).map(([k, v]) => ({label: t(`level.${k}`), value: v, color: colors[k]}));
  return [
    h('h1', {}, t('analytics.title')),
    chooser,
    h('div', {class: 'tiles'},
      tile(t('analytics.conversations'), a.conversations, 'kpi-conversations'),
      tile(t('analytics.turns'), a.turns, 'kpi-turns'),
      tile(t('analytics.answeredAlone'), percent(a.answeredWithoutHuman, l), 'kpi-answered'),
      tile(t('analytics.handoffRate'), percent(a.handoffRate, l), 'kpi-handoff'),
      tile(t('analytics.refusalRate'), percent(a.refusalRate, l), 'kpi-refusal')),
    chart(t('analytics.perDay'), columnChart({label: t('analytics.perDay'), days: a.perDay,
      series: [{key: 'conversations', name: t('analytics.conversations'), color: '#1f5fa8'},
        {key: 'turns', name: t('analytics.turns'), color: '#7a4fb5'}]}), 'chart-per-day'),
    h('div', {class: 'chart-grid'},
      chart(t('analytics.rates'), barChart({label: t('analytics.rates'), max: 1, labelWidth: 190, format: v => percent(v, l), rows: [
        {label: t('analytics.answeredAlone'), value: a.answeredWithoutHuman ?? 0, color: '#1e7d3a'},
        {label: t('analytics.handoffRate'), value: a.handoffRate ?? 0, color: '#b07800'},
        {label: t('analytics.refusalRate'), value: a.refusalRate ?? 0, color: '#b3261e'}]}), 'chart-rates'),
      chart(t('analytics.riskLevels'), barChart({label: t('analytics.riskLevels'), rows: rows(a.turnsByRiskLevel, LEVEL_COLORS)}), 'chart-risk'),
      chart(t('analytics.cases'), barChart({label: t('analytics.cases'), rows: rows(a.casesByLevel, LEVEL_COLORS)}), 'chart-cases'),
      chart(t('analytics.intents'), a.topIntents.length
        ? barChart({label: t('analytics.intents'), rows: a.topIntents.map(i => ({label: i.name.replaceAll('_', ' '), value: i.count}))})
        : h('p', {class: 'muted'}, t('analytics.none')), 'chart-intents')),
    h('section', {class: 'panel chart-panel', id: 'chart-unanswered', 'aria-labelledby': 'h-unanswered'},
      h('h2', {id: 'h-unanswered'}, t('analytics.unanswered')),
      h('p', {class: 'muted small'}, t('analytics.unansweredNote')),
      a.unanswered.length
        ? [barChart({label: t('analytics.unanswered'), width: 900, labelWidth: 420, wide: true, color: '#8a4b08',
          rows: a.unanswered.map(g => ({label: g.question, value: g.count}))}),
        h('ol', {class: 'unanswered'}, a.unanswered.map(g => h('li', {}, h('strong', {}, `${g.count} × `), g.question,
          g.variants.length ? h('span', {class: 'muted small'}, ` — ${t('analytics.variants', {list: g.variants.join(' · ')})}`) : null)))]
        : h('p', {class: 'muted'}, t('analytics.none')))];
}

// ---- evaluation runs -----------------------------------------------------------------------------------------

async function evals() {
  const runs = await api('/api/evals/runs');
  const report = h('section', {id: 'eval-report', class: 'panel', hidden: true});
  const show = async run => {
    const html = await apiText(`/api/evals/runs/${run.id}/report.html`);
    // The report is the service's own HTML; sandboxed all the same, without scripts.
    fill(report, h('h2', {}, t('evals.reportOf', {id: run.id.slice(0, 8)})),
      h('iframe', {class: 'report', title: t('evals.reportOf', {id: run.id.slice(0, 8)}), sandbox: '', srcdoc: html}));
    report.hidden = false;
    report.scrollIntoView({block: 'start'});
  };
  return [
    h('h1', {}, t('evals.title')),
    runs.length
      ? table('evals', [t('evals.started'), t('evals.status'), t('evals.suites'), t('evals.passRate'), t('evals.by'), t('evals.model'), t('evals.report')],
        runs.map(r => h('tr', {dataset: {runId: r.id}},
          h('td', {}, formatTime(r.startedAt, lang())), h('td', {}, h('span', {class: `badge run-${r.status}`}, r.status)),
          h('td', {}, (r.suites || []).join(', ')), h('td', {}, percent(r.passRate, lang())), h('td', {}, r.requestedBy || '–'),
          h('td', {}, [r.target, r.model].filter(Boolean).join(' · ') || '–'),
          h('td', {}, h('button', {type: 'button', class: 'secondary', disabled: !r.finishedAt || r.status === 'error', onclick: () => show(r)},
            t('evals.open'))))))
      : h('p', {class: 'muted'}, t('evals.empty')),
    report];
}

document.getElementById('who').textContent = `${me.name} (${me.user})`;
document.getElementById('sign-out').addEventListener('click', signOut);
languageSwitch(document.getElementById('lang-switch'));
document.addEventListener('langchange', () => render(true));
window.addEventListener('hashchange', () => render());
render();
