// Labels and small formatting helpers shared by the views.
import { h } from './dom.js';

export const EVENT_TYPES = ['agreement', 'meeting', 'visit', 'conference', 'program', 'release'];
export const STATUSES = ['occurred', 'planned', 'historical'];

const regionNames = typeof Intl.DisplayNames === 'function'
  ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

export function countryName(code) {
  if (!code) return '';
  if (/^[A-Z]{2}$/.test(code) && code !== 'EU' && regionNames) {
    try {
      return regionNames.of(code) || code;
    } catch (_) {
      return code;
    }
  }
  return code === 'EU' ? 'European Union' : code.replace(/_/g, ' ');
}

export function pairLabel(a, b) {
  return `${a}–${b}`;
}

export function capital(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

export function eventTitle(e) {
  if (e.name) return e.name;
  const parts = [capital(e.type)];
  if (e.countries && e.countries.length) parts.push(e.countries.join('–'));
  if (e.place && e.place.name) parts.push(`in ${e.place.name}`);
  return parts.join(' · ');
}

export function dateRange(e) {
  if (!e.date) return 'undated';
  return e.end_date && e.end_date !== e.date ? `${e.date} – ${e.end_date}` : e.date;
}

export function typeBadge(type) {
  return h('span', { class: `badge t-${EVENT_TYPES.includes(type) ? type : 'other'}` }, type);
}

export function personLabel(p) {
  return p.name || p.title || 'unnamed';
}

export function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
