// Opening a case: the order's facts written out, or an order as Amazon's Selling Partner API returns it (v0 or
// v2026-01-01), with what SP-API lacks beside it. evaluateClaim opens the case (or updates it) and says where the
// buyer stands; the page then shows the case.

import {el, replace} from './dom.js';
import {t} from './i18n.js';
import * as format from './format.js';
import {call} from './api.js';
import {form, failed, options} from './forms.js';
import {mayRecord} from './auth.js';

const STATUSES = ['UNKNOWN', 'IN_TRANSIT', 'DELIVERED', 'LOST_IN_TRANSIT', 'WRONG_ADDRESS'];
const CURRENCIES = ['EUR', 'GBP', 'USD', 'JPY'];

function yesNo(value) {
  return value === 'YES' ? true : value === 'NO' ? false : undefined;
}

function compact(object) {
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === '' || value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = compact(value);
      if (Object.keys(inner).length) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

// A pasted answer of getOrder ({"payload": ...} in v0, {"order": ...} in v2026-01-01) gives its order.
function orderOf(json) {
  if (json && typeof json === 'object') {
    if (json.payload && json.payload.AmazonOrderId) return json.payload;
    if (json.order && json.order.orderId) return json.order;
  }
  return json;
}

export function showOpen(main, ctx) {
  const marketplaces = Object.keys(format.MARKETPLACES);
  const tristate = options('choice', ['UNKNOWN', 'YES', 'NO']);
  const disabled = !mayRecord();
  const opened = (answer, handle) => {
    if (!answer.ok) {
      failed(answer, handle);
      return;
    }
    handle.done();
    ctx.navigate(`#/case/${encodeURIComponent(answer.data.orderId)}`);
  };

  const fields = form({
    id: 'open-form', store: 'open.fields', label: 'open.fields', submit: 'submit.open', disabled,
    fields: [
      {name: 'orderId', label: 'field.orderId', required: true},
      {name: 'marketplace', label: 'field.marketplace', type: 'select', options: marketplaces.map((v) => ({value: v, label: v}))},
      {name: 'fulfilment', label: 'field.fulfilment', type: 'select', options: options('fulfilment', ['SELLER', 'MARKETPLACE'])},
      {name: 'orderDate', label: 'field.orderDate', type: 'date'},
      {name: 'maxDeliveryDate', label: 'field.maxDeliveryDate', type: 'date'},
      {name: 'serviceDate', label: 'field.serviceDate', type: 'date', hint: 'hint.serviceDate'},
      {name: 'orderTotal', label: 'field.orderTotal', inputmode: 'decimal', hint: 'hint.currency'},
      {name: 'carrier', label: 'field.carrier', api: 'shipment.carrier'},
      {name: 'trackingId', label: 'field.trackingId', hint: 'hint.trackingId', api: 'shipment.trackingId'},
      {name: 'tracking', label: 'field.tracking', type: 'checkbox', api: 'shipment.tracking'},
      {name: 'insured', label: 'field.insured', type: 'checkbox', api: 'shipment.insured'},
      {name: 'status', label: 'field.carrierStatus', type: 'select', options: options('carrierStatus', STATUSES), api: 'shipment.status'},
      {name: 'claimsProtected', label: 'field.claimsProtected', type: 'select', options: tristate, api: 'shipment.claimsProtected'},
      {name: 'shippedOnTime', label: 'field.shippedOnTime', type: 'select', options: tristate, api: 'shipment.shippedOnTime'},
      {name: 'reportedOn', label: 'field.reportedOn', type: 'date'},
    ],
    onSubmit: async (v, handle) => {
      const body = compact({
        orderId: v.orderId.trim(), marketplace: v.marketplace, fulfilment: v.fulfilment, orderDate: v.orderDate,
        maxDeliveryDate: v.maxDeliveryDate, serviceDate: v.serviceDate, orderTotal: v.orderTotal.trim(),
        currency: format.MARKETPLACES[v.marketplace].currency, reportedOn: v.reportedOn,
        shipment: {
          carrier: v.carrier.trim(), trackingId: v.trackingId.trim(), tracking: v.tracking, insured: v.insured, status: v.status === 'UNKNOWN' ? '' : v.status,
          claimsProtected: yesNo(v.claimsProtected), shippedOnTime: yesNo(v.shippedOnTime),
        },
      });
      opened(await call('POST', '/claims/evaluate', body), handle);
    },
  });

  const spapi = form({
    id: 'open-spapi-form', store: 'open.spapi', label: 'open.spapi', submit: 'submit.open', disabled,
    fields: [
      {name: 'spapiOrder', label: 'field.spapiOrder', type: 'textarea', rows: 10, hint: 'hint.spapiOrder'},
      {name: 'maxDeliveryDate', label: 'field.maxDeliveryDate', type: 'date', hint: 'hint.spapiDelivery'},
      {name: 'orderTotal', label: 'field.orderTotal', inputmode: 'decimal', hint: 'hint.spapiTotal'},
      {name: 'currency', label: 'field.currency', type: 'select', options: [{value: '', label: t('choice.none')},
        ...CURRENCIES.map((v) => ({value: v, label: v}))]},
      {name: 'reportedOn', label: 'field.reportedOn', type: 'date'},
    ],
    onSubmit: async (v, handle) => {
      let order;
      try {
        order = orderOf(JSON.parse(v.spapiOrder));
      } catch (e) {
        handle.refused({field: 'spapiOrder', message: t('open.notJson', {reason: e.message})});
        return;
      }
      const body = compact({maxDeliveryDate: v.maxDeliveryDate, orderTotal: v.orderTotal.trim(), currency: v.currency,
        reportedOn: v.reportedOn});
      body.spapiOrder = order;
      opened(await call('POST', '/claims/evaluate', body), handle);
    },
  });

  replace(main,
    el('h2', {tabindex: -1, text: t('open.title')}),
    el('p', {class: 'hint', text: t('open.intro')}),
    el('div', {class: 'columns'},
      el('section', {class: 'column', 'aria-labelledby': 'open-fields-title'},
        el('h3', {id: 'open-fields-title', text: t('open.fields')}), fields.node),
      el('section', {class: 'column', 'aria-labelledby': 'open-spapi-title'},
        el('h3', {id: 'open-spapi-title', text: t('open.spapi')}), spapi.node)));
  ctx.focus();
}
