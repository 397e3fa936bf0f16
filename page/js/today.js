// What needs the team: the API's to-do list, most urgent first, one page at a time (its "next" token), with what to
// do in one sentence and by when, counted in days, or in hours where the deadline is an instant.

import {el, replace} from './dom.js';
import {t, name} from './i18n.js';
import * as format from './format.js';
import {call, query} from './api.js';
import {sentence} from './sentences.js';

// CLOSED lists the granted claims that can still be appealed (R10).
const STATUSES = ['OPEN', 'CLAIM_FILED', 'LATE_ARRIVAL_FLAGGED', 'CLOSED'];

// By when, in the words of the page's language and the formats of the case's marketplace.
export function due(entry, language) {
  const m = entry.marketplace;
  if (typeof entry.hoursLeft === 'number') {
    const h = entry.hoursLeft;
    const when = format.dateTime(entry.dueAt, language, m);
    return {late: h < 0, text: h < 0 ? t('due.hoursLate', {n: -h}) : t('due.hoursLeft', {n: h}), when};
  }
  const days = format.daysBetween(format.today(m), entry.dueOn);
  const text = days === 0 ? t('due.today') : days > 0 ? t('due.inDays', {n: days}) : t('due.daysLate', {n: -days});
  return {late: days < 0, text, when: format.date(entry.dueOn, language, m)};
}

export async function showToday(main, ctx) {
  const language = ctx.language();
  const filters = ctx.filters;
  const select = (id, label, values, current, names) => el('div', {class: 'field inline'},
    el('label', {for: id, text: t(label)}),
    el('select', {id, onchange: (e) => {
      filters[id === 'filter-marketplace' ? 'marketplace' : 'status'] = e.target.value;
      showToday(main, ctx);
    }}, el('option', {value: '', text: t('filter.all')}),
    values.map((v) => el('option', {value: v, selected: v === current || null, text: names ? name(names, v) : v}))));

  const list = el('ol', {class: 'due-list', id: 'due-list'});
  const more = el('button', {type: 'button', class: 'more', hidden: true, text: t('today.more')});
  const state = el('p', {class: 'today-state', role: 'status', 'aria-live': 'polite', text: t('loading')});
  replace(main,
    el('h2', {tabindex: -1, text: t('today.title')}),
    el('div', {class: 'filters'},
      select('filter-marketplace', 'filter.marketplace', Object.keys(format.MARKETPLACES), filters.marketplace),
      select('filter-status', 'filter.status', STATUSES, filters.status, 'status')),
    state, list, more);
  ctx.focus();

  const load = async (next, pages = 1) => {
    const answer = await call('GET', `/cases${query({
      // One language on the screen: the page's, for the sentences too (the API would speak each case's own).
      marketplace: filters.marketplace, status: filters.status, limit: 20, next, language,
    })}`);
    if (!answer.ok) {
      state.textContent = answer.network ? t('result.unreachable') : answer.error.message;
      state.className = 'today-state field-error';
      return;
    }
    for (const entry of answer.data.cases) {
      const when = due(entry, language);
      list.append(el('li', {class: `due${when.late ? ' late' : ''}`, dataset: {orderId: entry.orderId}},
        el('p', {class: 'due-head'},
          el('a', {href: `#/case/${encodeURIComponent(entry.orderId)}`, text: entry.orderId}), ' ',
          el('span', {class: 'badge', text: entry.marketplace}), ' ',
          el('span', {class: `status status-${entry.status}`, text: name('status', entry.status)})),
        entry.todo ? el('ul', {class: 'sentences'}, sentence(entry.todo)) : null,
        el('p', {class: 'due-when'}, el('strong', {class: 'countdown', text: when.text}), ' · ', el('span', {text: when.when}))));
    }
    // A page may hold none of the filtered cases and still have a next one: read on rather than say "nothing" or
    // leave a button that added nothing.
    if (answer.data.cases.length === 0 && answer.data.next && pages < 20) {
      await load(answer.data.next, pages + 1);
      return;
    }
    const none = list.children.length === 0;
    state.textContent = none ? t('today.empty') : '';
    state.className = none ? 'today-state empty' : 'today-state';
    more.hidden = !answer.data.next;
    more.onclick = () => load(answer.data.next);
  };
  await load(null);
}
