// The forms that record what happened on a case: a refund, the parcel's arrival, what followed it, the buyer's A-to-z
// claim with the answer to Amazon and its outcome, and setting the case aside. Each calls one route of the API.

import {el} from './dom.js';
import {t} from './i18n.js';
import * as format from './format.js';
import {call} from './api.js';
import {form, failed, options} from './forms.js';
import {mayRecord} from './auth.js';
import {flash} from './case.js';

const SOURCES = ['CARRIER', 'BUYER', 'SELLER'];
const FOLLOW_UPS = ['CONSENT_GIVEN', 'CONSENT_REFUSED', 'RETURN_RECEIVED', 'REPLACEMENT_ORDERED'];
const OUTCOMES = ['GRANTED', 'DENIED', 'WITHDRAWN'];
const NOTES = ['CONTACTED_BUYER', 'WAITING_FOR_CARRIER', 'WAITING_FOR_BUYER', 'OTHER'];

// A refund's id, chosen once per refund and kept until the desk answers: sent again after a lost answer, the same
// refund is recognised (a replay), never recorded twice.
function refundId(orderId) {
  const key = `desk.draft.refundId.${orderId}`;
  let value = sessionStorage.getItem(key);
  if (!value) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    value = `rf-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    sessionStorage.setItem(key, value);
  }
  return {value, done: () => sessionStorage.removeItem(key)};
}

function given(body) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

export function actions(view, language, ctx, reload) {
  const c = view.caseView;
  const m = c.marketplace;
  const today = view.evaluation.asOf;
  const path = (route) => `/cases/${encodeURIComponent(c.orderId)}/${route}`;
  const disabled = !mayRecord();
  const send = async (route, body, handle, after) => {
    const answer = await call('POST', path(route), {...body, language});
    if (!answer.ok) {
      failed(answer, handle);
      return;
    }
    handle.done();
    if (after) after(answer.data);
  };

  const refund = form({
    id: 'refund-form', store: `refund.${c.orderId}`, label: 'form.refund', submit: 'submit.refund', disabled,
    fields: [
      {name: 'kind', label: 'field.refundKind', type: 'select', options: options('refundKind', ['PARTIAL', 'FULL']), value: 'PARTIAL'},
      {name: 'amount', label: 'field.amount', inputmode: 'decimal', value: c.remaining, hint: 'hint.amount'},
      {name: 'reorderRequested', label: 'field.reorder', type: 'checkbox'},
      {name: 'reason', label: 'field.reason', type: 'textarea', rows: 2},
      {name: 'refundedOn', label: 'field.refundedOn', type: 'date', value: today},
    ],
    onSubmit: (v, handle) => {
      const id = refundId(c.orderId);
      return send('refunds', given({
        refundId: id.value, amount: v.kind === 'FULL' ? 'full' : v.amount.trim(), currency: c.currency,
        reorderRequested: v.reorderRequested, reason: v.reason.trim(), refundedOn: v.refundedOn,
      }), handle, (data) => {
        id.done();
        reload(flash(data.replay ? 'replay' : 'recorded', [], data.draft ? [data.draft] : []));
      });
    },
  });
  const fullOrPartial = () => refund.show('amount', refund.values().kind !== 'FULL');
  refund.inputs.kind.addEventListener('change', fullOrPartial);
  fullOrPartial();

  const arrival = form({
    id: 'arrival-form', store: `arrival.${c.orderId}`, label: 'form.arrival', submit: 'submit.arrival', disabled,
    fields: [
      {name: 'deliveredOn', label: 'field.deliveredOn', type: 'date', value: today},
      {name: 'source', label: 'field.source', type: 'select', options: options('source', SOURCES)},
    ],
    onSubmit: (v, handle) => send('arrivals', given(v), handle, (data) => {
      const a = data.arrival;
      reload(flash(a.replay ? 'replay' : 'recorded', a.nextSteps, a.drafts));
    }),
  });

  const followUp = form({
    id: 'follow-up-form', store: `followUp.${c.orderId}`, label: 'form.followUp', submit: 'submit.followUp', disabled,
    fields: [
      {name: 'followUp', label: 'field.followUp', type: 'select', options: options('followUp', FOLLOW_UPS)},
      {name: 'replacementOrderId', label: 'field.replacementOrderId'},
    ],
    onSubmit: (v, handle) => send('arrivals', given({
      followUp: v.followUp, replacementOrderId: v.followUp === 'REPLACEMENT_ORDERED' ? v.replacementOrderId.trim() : '',
    }), handle, (data) => reload(flash(data.followUp.replay ? 'replay' : 'recorded', data.followUp.says))),
  });
  const replacement = () => followUp.show('replacementOrderId', followUp.values().followUp === 'REPLACEMENT_ORDERED');
  followUp.inputs.followUp.addEventListener('change', replacement);
  replacement();

  const instant = (local) => (local ? format.instantOf(local, m) : '');
  const claim = form({
    id: 'claim-form', store: `claim.${c.orderId}`, label: 'form.claim', submit: 'submit.claim', disabled,
    intro: t('form.claim.intro'),
    fields: [
      {name: 'filedOn', label: 'field.filedOn', type: 'date'},
      {name: 'filedAt', label: 'field.filedAt', type: 'datetime-local', hint: 'hint.marketplaceClock'},
      {name: 'reference', label: 'field.reference'},
      {name: 'respondedAt', label: 'field.respondedAt', type: 'datetime-local', hint: 'hint.marketplaceClock'},
      {name: 'outcome', label: 'field.outcome', type: 'select', options: options('outcome', OUTCOMES, 'choice.none')},
      {name: 'decidedOn', label: 'field.decidedOn', type: 'date'},
    ],
    onSubmit: (v, handle) => send('claim', given({
      filedOn: v.filedAt ? '' : v.filedOn, filedAt: instant(v.filedAt), reference: v.reference.trim(),
      respondedAt: instant(v.respondedAt), outcome: v.outcome, decidedOn: v.decidedOn,
    }), handle, (data) => reload(flash(data.replay ? 'replay' : 'recorded', data.says))),
  });

  const setAside = form({
    id: 'set-aside-form', store: `setAside.${c.orderId}`, label: 'form.setAside', submit: 'submit.setAside', disabled,
    fields: [
      {name: 'until', label: 'field.until', type: 'date'},
      {name: 'note', label: 'field.note', type: 'select', options: options('note', NOTES)},
    ],
    onSubmit: (v, handle) => send('set-aside', given(v), handle, (data) => reload(flash(data.replay ? 'replay' : 'recorded', data.says))),
  });

  const section = (key, f, open) => el('details', {class: 'action-box', open: open || null},
    el('summary', {text: t(key)}), f.node);
  return el('section', {class: 'actions', 'aria-labelledby': 'actions-title'},
    el('h3', {id: 'actions-title', text: t('case.actions')}),
    section('form.refund', refund), section('form.arrival', arrival), section('form.followUp', followUp),
    section('form.claim', claim), section('form.setAside', setAside));
}
