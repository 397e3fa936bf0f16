// Dates, amounts and countdowns as the desk's API writes them in its sentences: the locale the API chooses for each
// pair of language and marketplace, its three corrections (1er, 1º, the marketplace's currency symbol), and always the
// marketplace's time zone, never the browser's: the same calendar day everywhere (docs/languages.md).

export const MARKETPLACES = {
  FR: {zone: 'Europe/Paris', currency: 'EUR', language: 'fr'},
  DE: {zone: 'Europe/Berlin', currency: 'EUR', language: 'de'},
  ES: {zone: 'Europe/Madrid', currency: 'EUR', language: 'es'},
  IT: {zone: 'Europe/Rome', currency: 'EUR', language: 'it'},
  UK: {zone: 'Europe/London', currency: 'GBP', language: 'en'},
  US: {zone: 'America/Los_Angeles', currency: 'USD', language: 'en'},
  JP: {zone: 'Asia/Tokyo', currency: 'JPY', language: 'ja'},
};

const HOME = {fr: 'fr-FR', en: 'en-US', de: 'de-DE', es: 'es-ES', it: 'it-IT', ja: 'ja-JP'};
const SYMBOLS = {fr: {GBP: '£', USD: '$\u00a0US', JPY: '¥'}, es: {GBP: '£', JPY: '¥'}, it: {USD: '$', JPY: '¥'}};
const FIRST_OF_MONTH = {fr: '1er', it: '1º'};

// Wording.locale(): each language as at home; English British in Europe, American on the US and JP marketplaces.
export function locale(language, marketplace) {
  if (language === 'en') return marketplace === 'US' || marketplace === 'JP' ? 'en-US' : 'en-GB';
  return HOME[language] || 'en-GB';
}

function firstOfMonth(text, language, day) {
  const first = FIRST_OF_MONTH[language];
  return first && day === 1 && text.startsWith('1 ') ? first + text.slice(1) : text;
}

// A calendar day (yyyy-MM-dd) has no zone: it is written as that day, whatever the zone of the browser.
export function date(iso, language, marketplace) {
  const [year, month, day] = iso.split('-').map(Number);
  const text = new Intl.DateTimeFormat(locale(language, marketplace), {dateStyle: 'long', timeZone: 'UTC'})
    .format(new Date(Date.UTC(year, month - 1, day)));
  return firstOfMonth(text, language, day);
}

// The time of day of an instant on the marketplace's clock, as the API writes it: short, as the locale writes it, and
// French "14 h 05" (no-break spaces), as French typography does.
export function time(instant, language, marketplace) {
  const zone = MARKETPLACES[marketplace].zone;
  const when = new Date(instant);
  if (language === 'fr') {
    const p = partsIn(when, zone);
    return `${Number(p.hour)}\u00a0h\u00a0${p.minute}`;
  }
  // The JDK's locale data puts a plain space before AM and PM where the browser's puts a narrow one.
  return new Intl.DateTimeFormat(locale(language, marketplace), {timeStyle: 'short', timeZone: zone}).format(when)
    .replace(/\u202f/g, ' ');
}

// An instant, as its day and its time on the marketplace's clock.
export function dateTime(instant, language, marketplace) {
  const day = dayIn(new Date(instant), MARKETPLACES[marketplace].zone);
  return `${date(day, language, marketplace)} · ${time(instant, language, marketplace)}`;
}

// An amount given as text at its currency's scale ("59.90"), grouped always as the JDK groups it.
export function money(amount, currency, language, marketplace) {
  const symbol = (SYMBOLS[language] || {})[currency];
  return new Intl.NumberFormat(locale(language, marketplace), {style: 'currency', currency, useGrouping: 'always'})
    .formatToParts(Number(amount))
    .map((part) => (part.type === 'currency' && symbol ? symbol : part.value))
    .join('');
}

export function number(n, language, marketplace) {
  return new Intl.NumberFormat(locale(language, marketplace)).format(n);
}

function partsIn(when, zone) {
  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit',
  }).formatToParts(when)) parts[part.type] = part.value;
  return parts;
}

function dayIn(when, zone) {
  const p = partsIn(when, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

// Today in the marketplace's zone, yyyy-MM-dd.
export function today(marketplace, now = new Date()) {
  return dayIn(now, MARKETPLACES[marketplace].zone);
}

export function daysBetween(from, to) {
  const utc = (iso) => Date.UTC(...iso.split('-').map((v, i) => Number(v) - (i === 1 ? 1 : 0)));
  return Math.round((utc(to) - utc(from)) / 86400000);
}

// A day and time as read on the marketplace's clock (an input's yyyy-MM-ddTHH:mm) as the instant it is, as Java's
// ZonedDateTime reads it: in the hour repeated when clocks go back, the earlier instant; in the hour skipped when they
// go forward, the time one hour on.
export function instantOf(localDateTime, marketplace) {
  const zone = MARKETPLACES[marketplace].zone;
  const [day, time] = localDateTime.split('T');
  const [year, month, date_] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date_, hour, minute);
  const offset = (at) => {
    const p = partsIn(new Date(at), zone);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(at / 1000) * 1000;
  };
  const before = wall - offset(wall - 86400000);
  const after = wall - offset(wall + 86400000);
  const reads = (at) => wall - offset(at) === at;
  const valid = [before, after].filter(reads);
  const at = valid.length ? Math.min(...valid) : before;
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

// An instant as the marketplace's clock shows it, for an input (yyyy-MM-ddTHH:mm).
export function localDateTime(instant, marketplace) {
  const p = partsIn(new Date(instant), MARKETPLACES[marketplace].zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
