// DOM helpers: every piece of data becomes a text node or an attribute value, never markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function safeHref(value) {
  const href = String(value);
  return /^(#|\/(?!\/)|https?:\/\/)/i.test(href) ? href : '#';
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'href') {
      el.setAttribute('href', safeHref(value));
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// h('a', {href: '#/x', class: 'c'}, 'text', otherNode)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

// the same for SVG elements
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

// el.append() that also takes arrays and skips null/false, like h()
export function fill(el, ...children) {
  return append(el, children);
}
