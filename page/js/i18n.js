// The page's own words, one catalogue per language (labels/<language>.json), like the API's message files. The
// sentences the desk writes (explanations, consequences, drafts, what to do) come from the API in the same language.

export const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'ja'];
const NAMES = {fr: 'Français', en: 'English', de: 'Deutsch', es: 'Español', it: 'Italiano', ja: '日本語'};

const catalogues = {};
let words = {};
let current = 'en';

export function languageName(code) {
  return NAMES[code];
}

export function language() {
  return current;
}

export async function use(language) {
  if (!LANGUAGES.includes(language)) language = 'en';
  if (!catalogues[language]) {
    const response = await fetch(`labels/${language}.json`, {cache: 'no-cache'});
    catalogues[language] = await response.json();
  }
  words = catalogues[language];
  current = language;
  document.documentElement.lang = language;
  translate(document);
}

// A label; {name} takes args.name. A label with a count has the plural forms of the language: key.one, key.other.
export function t(key, args = {}) {
  let text = words[key];
  if (text === undefined && typeof args.n === 'number') {
    const form = new Intl.PluralRules(current).select(args.n);
    text = words[`${key}.${form}`] ?? words[`${key}.other`];
  }
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

// The label of a code the API gives (a status, an option, an event), or the code itself when the page has none.
export function name(prefix, code) {
  const key = `${prefix}.${code}`;
  return key in words ? words[key] : code;
}

export function translate(root) {
  for (const node of root.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const node of root.querySelectorAll('[data-t-label]')) node.setAttribute('aria-label', t(node.dataset.tLabel));
}
