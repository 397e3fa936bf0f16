// The desk page: reads its runtime configuration (config.json: where the API is, and how to sign in on AWS), signs
// in if it must, and shows one screen at a time from the address: #/ what needs the team, #/open a new case,
// #/case/<order id> one case.

import {el, replace} from './dom.js';
import {use, t, LANGUAGES, languageName, language} from './i18n.js';
import * as auth from './auth.js';
import {configure} from './api.js';
import {forgetAll} from './forms.js';
import {showToday} from './today.js';
import {showOpen} from './open.js';
import {showCase} from './case.js';

const CHOSEN = 'desk.language';
const main = document.getElementById('main');
const notice = document.getElementById('notice');
const userBox = document.getElementById('user');
const picker = document.getElementById('language');

// The language the reader chose, if any: else a case speaks its marketplace's language, the list the browser's.
function chosen() {
  return sessionStorage.getItem(CHOSEN);
}

function browserLanguage() {
  const preferred = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(preferred) ? preferred : 'en';
}

async function display(code) {
  const wanted = chosen() || code;
  if (wanted !== language() || !document.documentElement.dataset.ready) await use(wanted);
  document.documentElement.dataset.ready = 'true';
  picker.value = language();
  renderUser();
}

const ctx = {
  language,
  chosen,
  display,
  filters: {marketplace: '', status: ''},
  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  focus() {
    const heading = main.querySelector('h2');
    if (heading) heading.focus({preventScroll: true});
  },
};

function renderUser() {
  const user = auth.user();
  if (!auth.required()) {
    replace(userBox, el('span', {class: 'local', text: t('auth.local')}));
  } else if (user) {
    replace(userBox, el('span', {class: 'who', text: t('auth.signedInAs', {name: user.name})}), ' ',
      el('button', {type: 'button', id: 'sign-out', onclick: () => {
        forgetAll();
        auth.signOut();
      }, text: t('auth.signOut')}));
  } else {
    replace(userBox, el('button', {type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn(), text: t('auth.signIn')}));
  }
}

function say(key, kind) {
  replace(notice, key ? el('p', {class: `notice ${kind || ''}`, role: 'alert', text: t(key)}) : null);
}

async function route() {
  const hash = location.hash || '#/';
  if (auth.required() && !auth.user()) {
    await display(browserLanguage());
    replace(main, el('h2', {tabindex: -1, text: t('auth.title')}), el('p', {text: t('auth.needed')}),
      el('button', {type: 'button', class: 'primary', id: 'sign-in-main', onclick: () => auth.signIn(), text: t('auth.signIn')}));
    return;
  }
  const match = hash.match(/^#\/case\/(.+)$/);
  if (match) {
    await showCase(main, ctx, decodeURIComponent(match[1]));
  } else if (hash === '#/open') {
    await display(browserLanguage());
    showOpen(main, ctx);
  } else {
    await display(browserLanguage());
    await showToday(main, ctx);
  }
}

async function boot() {
  let config = {api: '', signIn: null};
  try {
    config = await (await fetch('config.json', {cache: 'no-cache'})).json();
  } catch (e) {
    // No configuration: the page's own origin, no sign-in, as dev mode serves it.
  }
  configure({base: config.api || '', token: auth.token, unauthorized: auth.refused});
  const signedIn = await auth.init(config, () => {
    // The session ended (its token expired, or the API refused it): what was typed stays in this tab.
    say('auth.ended', 'warning');
    route();
  });
  for (const code of LANGUAGES) picker.append(el('option', {value: code, text: languageName(code)}));
  picker.addEventListener('change', () => {
    sessionStorage.setItem(CHOSEN, picker.value);
    route();
  });
  document.getElementById('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    const orderId = document.getElementById('lookup-order').value.trim();
    if (orderId) ctx.navigate(`#/case/${encodeURIComponent(orderId)}`);
  });
  window.addEventListener('hashchange', () => {
    say(null);
    route();
  });
  await display(browserLanguage());
  if (signedIn.failed) say('auth.failed', 'warning');
  await route();
}

boot();
