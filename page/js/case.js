// One case: where it stands, where the buyer stands today, the timeline, the options with their drafts, what was
// recorded, the history, and the forms that record what happens next.

import {el, replace} from './dom.js';
import {t, name} from './i18n.js';
import * as format from './format.js';
import {call, query} from './api.js';
import {timeline} from './timeline.js';
import {sentence, sentences, draft} from './sentences.js';
import {actions} from './actions.js';
import {due} from './today.js';

function phase(p) {
  const days = {NOT_YET_OPEN: p.daysUntilOpen, OPEN: p.daysLeft, LATE: p.daysPast}[p.name];
  return el('p', {class: `phase phase-${p.name}`},
    el('strong', {text: name('phase', p.name)}), ' · ',
    el('span', {text: t(`phase.${p.name}.days`, {n: days})}));
}

function definitions(pairs) {
  return el('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => el('div', {}, el('dt', {text: term}), el('dd', {}, value))));
}

export async function showCase(main, ctx, orderId, flash) {
  replace(main, el('p', {class: 'loading', text: t('loading')}));
  const answer = await call('GET', `/cases/${encodeURIComponent(orderId)}${query({language: ctx.chosen()})}`);
  if (!answer.ok) {
    const message = answer.status === 404 ? t('case.notFound', {orderId}) : answer.network ? t('result.unreachable')
      : answer.error.message;
    replace(main, el('h2', {tabindex: -1, text: t('case.title', {orderId})}), el('p', {class: 'field-error', role: 'alert', text: message}));
    ctx.focus();
    return;
  }
  const view = answer.data;
  const c = view.caseView;
  const language = view.evaluation.language;
  await ctx.display(language);
  const m = c.marketplace;
  const d = (day) => format.date(day, language, m);
  const amount = (value) => format.money(value, c.currency, language, m);
  const reload = (message) => showCase(main, ctx, orderId, message);

  const header = el('header', {class: 'case-head'},
    el('h2', {tabindex: -1, text: t('case.title', {orderId: c.orderId})}),
    el('p', {class: 'meta'},
      el('span', {class: 'badge', text: m}), ' ',
      el('span', {class: `status status-${c.status}`, dataset: {status: c.status}, text: name('status', c.status)}),
      c.closeReason ? el('span', {class: 'close-reason', text: ` · ${name('close', c.closeReason)}`}) : null));

  const result = el('section', {class: 'result', 'aria-live': 'polite', id: 'result'}, flash || null);

  // What the case needs from the team today, most urgent first, as the to-do list counts it.
  const todos = (view.todos || []).length ? el('section', {class: 'todos', 'aria-labelledby': 'todos-title'},
    el('h3', {id: 'todos-title', text: t('case.todos')}),
    el('ul', {class: 'sentences'}, view.todos.map((todo) => {
      const when = due({...todo, marketplace: m}, language);
      return el('li', {class: `sentence todo${when.late ? ' late' : ''}`, dataset: {kind: todo.kind}},
        el('span', {class: 'rule', text: todo.todo.rule}), ' ', el('span', {class: 'text', text: todo.todo.text}), ' ',
        el('strong', {class: 'countdown', text: when.text}), ' · ', el('span', {text: when.when}));
    }))) : null;

  const money = definitions([
    [t('money.total'), amount(c.orderTotal)],
    [t('money.refunded'), amount(c.refunded)],
    [t('money.remaining'), el('span', {id: 'remaining', text: amount(c.remaining)})],
    [t('case.closedOn'), c.closedOn ? d(c.closedOn) : null],
    [t('case.nextAttention'), c.nextAttention ? `${d(c.nextAttention.on)} · ${name('attention', c.nextAttention.kind)}` : null],
  ]);

  const standing = el('section', {class: 'standing', 'aria-labelledby': 'standing-title'},
    el('h3', {id: 'standing-title', text: t('case.standing', {day: d(view.evaluation.asOf)})}),
    phase(view.evaluation.phase),
    el('p', {class: 'window', text: t('case.window', {opens: d(view.evaluation.claimWindow.opensOn),
      deadline: d(view.evaluation.claimWindow.deadline)})}),
    sentences(view.evaluation.explanation, 'sentences explanation'));

  const picture = el('section', {class: 'timeline-box', 'aria-labelledby': 'timeline-heading'},
    el('h3', {id: 'timeline-heading', text: t('case.timeline')}),
    el('figure', {}, timeline(view, language)));

  const options = el('section', {class: 'options', 'aria-labelledby': 'options-title'},
    el('h3', {id: 'options-title', text: t('case.options')}),
    view.evaluation.options.length ? el('ol', {}, view.evaluation.options.map((o) => el('li', {class: 'option', dataset: {kind: o.kind}},
      el('h4', {text: name('option', o.kind)}),
      sentences(o.consequences),
      o.draft ? draft(o.draft) : null))) : el('p', {class: 'hint', text: t('case.noOptions')}));

  const recorded = el('section', {class: 'held', 'aria-labelledby': 'recorded-title'},
    el('h3', {id: 'recorded-title', text: t('case.recorded')}),
    c.refunds.length ? el('div', {},
      el('h4', {text: t('case.refunds')}),
      el('ul', {class: 'refunds'}, c.refunds.map((r) => el('li', {class: 'refund', dataset: {refundId: r.refundId}},
        el('span', {text: `${amount(r.amount)} · ${d(r.refundedOn)}`}),
        r.full ? el('span', {text: ` · ${t('refund.full')}`}) : null,
        r.reorderRequested ? el('span', {text: ` · ${t('refund.reorder')}`}) : null,
        r.reason ? el('q', {class: 'reason', text: r.reason}) : null)))) : null,
    c.arrivals.length ? el('div', {},
      el('h4', {text: t('case.arrivals')}),
      el('ul', {}, c.arrivals.map((a) => el('li', {text: `${d(a.deliveredOn)} · ${name('source', a.source)}`})))) : null,
    c.lateArrival ? definitions([
      [t('late.consent'), c.lateArrival.consentNeeded ? name('consent', c.lateArrival.consent || 'PENDING') : null],
      [t('late.return'), c.lateArrival.returnNeeded ? (c.lateArrival.returnReceived ? t('late.returnReceived') : t('late.returnPending')) : null],
    ]) : null,
    c.replacementOrderId ? definitions([[t('field.replacementOrderId'), c.replacementOrderId]]) : null,
    c.claim ? el('div', {},
      el('h4', {text: t('case.claim')}),
      definitions([
        [t('field.filedOn'), c.claim.filedAt ? format.dateTime(c.claim.filedAt, language, m) : d(c.claim.filedOn)],
        [t('field.reference'), c.claim.reference],
        [t('claim.respondBy'), c.claim.respondBy ? format.dateTime(c.claim.respondBy, language, m) : null],
        [t('field.respondedAt'), c.claim.respondedAt ? format.dateTime(c.claim.respondedAt, language, m) : null],
        [t('field.outcome'), c.claim.outcome ? name('outcome', c.claim.outcome) : null],
        [t('field.decidedOn'), c.claim.decidedOn ? d(c.claim.decidedOn) : null],
        [t('claim.appealBy'), c.claim.appealBy ? d(c.claim.appealBy) : null],
      ])) : null,
    c.setAside ? definitions([[t('case.setAside'), `${d(c.setAside.until)} · ${name('note', c.setAside.note)}`]]) : null,
    !c.refunds.length && !c.arrivals.length && !c.claim ? el('p', {class: 'hint', text: t('case.nothingRecorded')}) : null);

  const history = el('section', {class: 'history', 'aria-labelledby': 'history-title'},
    el('h3', {id: 'history-title', text: t('case.history')}),
    el('ol', {}, c.history.map((h) => el('li', {class: 'entry', dataset: {event: h.event}},
      el('p', {class: 'when'},
        el('time', {datetime: h.at, text: format.dateTime(h.at, language, m)}), ' · ',
        el('strong', {text: name('event', h.event)}), ' · ',
        el('span', {class: 'by', text: t('history.by', {name: h.by})})),
      el('ul', {class: 'sentences'}, h.says.map(sentence))))));

  replace(main, header, result, el('div', {class: 'columns'},
    el('div', {class: 'column'}, todos, money, standing, picture, recorded),
    el('div', {class: 'column'}, options, actions(view, language, ctx, reload), history)));
  ctx.focus();
}

// What the last action answered, shown above the case once it is read again: recorded or already recorded, what the
// desk says of it, and the drafts it wrote.
export function flash(kind, says, drafts) {
  return el('div', {class: `flash ${kind}`, role: 'status'},
    el('p', {class: 'flash-title', text: kind === 'replay' ? t('result.replay') : t('result.recorded')}),
    says && says.length ? sentences(says) : null,
    (drafts || []).map(draft));
}
