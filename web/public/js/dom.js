// DOM building that escapes by construction: text is always a text node,
// attributes are set one by one, so no user or API string is parsed as HTML.

// h('p', {class: 'x', 'aria-live': 'polite', onclick: fn}, 'text', child, [more])
export function h(tag, attrs, ...children) {
  const el = tag.includes(':')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.split(':')[1])
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false || c === '') continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Replaces the children of `el`.
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

// A <details> section, omitted when it has no content.
export function section(title, ...content) {
  const body = content.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false && c !== '');
  if (!body.length) return null;
  return h('details', { class: 'cs-details' }, h('summary', {}, title), body);
}

// Joins nodes/strings with a separator, as a list of children.
export function joinNodes(items, sep) {
  return items.flatMap((x, i) => (i ? [sep, x] : [x]));
}
