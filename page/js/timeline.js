// The case's timeline as a picture: the API's timeline (order, latest delivery or service date, the claim window's
// opening and deadline, refunds, arrivals, the claim and its outcome) on a vertical time axis, the claim window as a
// band, and today's marker. Marks sit where their day falls; their labels are pushed down where days crowd.

import {svg} from './dom.js';
import {t, name} from './i18n.js';
import * as format from './format.js';

const WIDTH = 470;
const AXIS = 180;
const ROW = 22;
const TOP = 14;

function label(entry, language, marketplace, currency) {
  let text = name('timeline', entry.what);
  if (entry.amount) text += ` · ${format.money(entry.amount, currency, language, marketplace)}`;
  if (entry.source) text += ` · ${name('source', entry.source)}`;
  return text;
}

export function timeline(view, language) {
  const {caseView, evaluation} = view;
  const marketplace = caseView.marketplace;
  const today = evaluation.asOf;
  const marks = view.timeline.map((entry) => ({...entry, text: label(entry, language, marketplace, caseView.currency)}));
  marks.push({on: today, what: 'TODAY', text: t('timeline.today')});
  marks.sort((a, b) => a.on.localeCompare(b.on));
  const first = marks[0].on;
  const span = Math.max(1, format.daysBetween(first, marks[marks.length - 1].on));
  const height = Math.min(560, Math.max(240, marks.length * ROW * 2));
  const at = (day) => TOP + (format.daysBetween(first, day) / span) * height;

  let next = 0;
  const rows = marks.map((mark) => {
    const y = at(mark.on);
    const row = Math.max(y, next);
    next = row + ROW;
    return {mark, y, row};
  });
  const total = Math.max(height + TOP * 2, next + TOP) + ROW * 2;

  const window_ = evaluation.claimWindow;
  const band = svg('rect', {
    class: 'band', x: AXIS - 7, width: 14, y: at(window_.opensOn), height: Math.max(2, at(window_.deadline) - at(window_.opensOn)),
  }, svg('title', {text: t('timeline.window')}));

  const drawn = rows.map(({mark, y, row}) => {
    const today_ = mark.what === 'TODAY';
    return svg('g', {class: today_ ? 'mark today' : 'mark', dataset: {what: mark.what, on: mark.on}},
      today_
        ? svg('line', {class: 'today-line', x1: AXIS - 9, x2: AXIS + 9, y1: y, y2: y})
        : svg('circle', {cx: AXIS, cy: y, r: 4.5}),
      row !== y ? svg('line', {class: 'leader', x1: AXIS + 5, y1: y, x2: AXIS + 12, y2: row}) : null,
      svg('text', {class: 'day', x: AXIS - 12, y: row + 4, 'text-anchor': 'end'}, format.date(mark.on, language, marketplace)),
      svg('text', {class: 'what', x: AXIS + 14, y: row + 4}, mark.text));
  });

  const legendY = total - ROW;
  return svg('svg', {
    class: 'timeline', viewBox: `0 0 ${WIDTH} ${total}`, role: 'img', 'aria-labelledby': 'timeline-title',
    preserveAspectRatio: 'xMinYMin meet',
  },
  svg('title', {id: 'timeline-title', text: t('case.timeline')}),
  svg('line', {class: 'axis', x1: AXIS, x2: AXIS, y1: TOP - 6, y2: total - ROW * 2}),
  band,
  drawn,
  svg('g', {class: 'legend'},
    svg('rect', {class: 'band', x: 4, y: legendY - 9, width: 14, height: 12}),
    svg('text', {x: 24, y: legendY + 2}, t('timeline.window')),
    svg('line', {class: 'today-line', x1: 240, x2: 262, y1: legendY - 3, y2: legendY - 3}),
    svg('text', {x: 270, y: legendY + 2}, t('timeline.today'))));
}
