// Builds DOM nodes without innerHTML, so text from customers and models is never parsed as markup.

/** h('p', {class: 'x', onclick: fn}, 'text', child, [more, children]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function formatTime(iso, lang) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'});
}

export function formatMoney(amount, currency, lang) {
  const n = Number(amount);
  const text = Number.isFinite(n)
    ? n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2})
    : String(amount);
  return `${text} ${currency || ''}`.trim();
}

export function percent(share, lang) {
  if (share === null || share === undefined) return '–';
  return (share * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {maximumFractionDigits: 1}) + ' %';
}
