// The desk's sentences and drafts, as the API writes them: each sentence beside the rule it rests on.

import {el, id} from './dom.js';
import {t, name} from './i18n.js';

export function sentence(s) {
  return el('li', {class: 'sentence'}, el('span', {class: 'rule', title: t('rule.title'), text: s.rule}), ' ',
    el('span', {class: 'text', text: s.text}));
}

export function sentences(list, className = 'sentences') {
  return el('ul', {class: className}, (list || []).map(sentence));
}

// A message to send the buyer as it is, in the buyer's language, with a button that copies it.
export function draft(d) {
  const textId = id('draft');
  const status = el('span', {class: 'copy-status', role: 'status', 'aria-live': 'polite'});
  const copy = el('button', {
    type: 'button', class: 'copy', 'aria-describedby': textId, text: t('draft.copy'),
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(d.text);
        status.textContent = t('draft.copied');
      } catch (e) {
        // No clipboard here (an old browser, a denied permission): select the text for the keyboard's copy.
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(textId));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        status.textContent = t('draft.select');
      }
    },
  });
  return el('figure', {class: 'draft', dataset: {purpose: d.purpose}},
    el('figcaption', {}, el('span', {text: t('draft.title')}), ' ', el('span', {class: 'rule', text: d.rule}),
      ' ', el('span', {class: 'purpose', text: name('draft', d.purpose)})),
    el('pre', {id: textId, lang: d.language, text: d.text}),
    el('div', {class: 'buttons'}, copy, status));
}
