import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

function daysInMonth(monthKey) {
  const [y, m] = monthKey.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Pooled minutes used by the end of each day so far (bars, cumulative) against the pool and the straight line of this
 * month's rate, which meets the pool on the run-dry day. Plain SVG, as the pools chart is plain DOM.
 * @param {{ month: string, minutes: number, usedByDay: number[], burnPerDay: number, runsDryOn: string|null, summary: string }} pool
 */
export function poolForecastChart(pool) {
  const days = daysInMonth(pool.month);
  const width = 620, height = 220, left = 40, bottom = 24, top = 10, right = 10;
  const plotW = width - left - right, plotH = height - top - bottom;
  const cumulative = [];
  pool.usedByDay.reduce((sum, n, i) => (cumulative[i] = sum + n), 0);
  const max = Math.max(1, pool.minutes, ...cumulative);
  const x = (day) => left + (day / days) * plotW;           // day 0 = 00:00 UTC on the 1st
  const y = (minutes) => top + plotH - (Math.min(minutes, max) / max) * plotH;
  const barW = Math.max(2, plotW / days - 3);

  const bars = cumulative.map((used, i) => s('rect', {
    class: 'fc-bar', x: x(i) + 1.5, y: y(used), width: barW, height: Math.max(0.5, top + plotH - y(used)),
    'data-day': i + 1, 'data-used': used,
  }, s('title', {}, `Day ${i + 1}: ${used} pooled minutes used by the end of the day`)));

  // The rate line from the month's start: it reaches the pool on the run-dry day (or the month's end, where it stops).
  const dryDay = pool.runsDryOn ? Number(pool.runsDryOn.slice(8, 10)) : null;
  const lineEndDay = pool.burnPerDay > 0 ? Math.min(days, pool.minutes > 0 ? pool.minutes / pool.burnPerDay : days) : days;
  const rateLine = pool.burnPerDay > 0
    ? s('line', { class: 'fc-rate', x1: x(0), y1: y(0), x2: x(lineEndDay), y2: y(pool.burnPerDay * lineEndDay), 'data-testid': 'forecast-rate-line' })
    : null;
  const poolLine = pool.minutes > 0 ? s('line', { class: 'fc-pool', x1: x(0), y1: y(pool.minutes), x2: x(days), y2: y(pool.minutes) }) : null;
  const dryMark = dryDay ? s('line', { class: 'fc-dry', x1: x(dryDay - 0.5), y1: top, x2: x(dryDay - 0.5), y2: top + plotH, 'data-testid': 'forecast-dry-mark' }) : null;

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'forecast-chart', role: 'img', 'aria-label': pool.summary, 'data-testid': 'forecast-chart' },
    s('line', { class: 'fc-axis', x1: left, y1: top + plotH, x2: width - right, y2: top + plotH }),
    s('line', { class: 'fc-axis', x1: left, y1: top, x2: left, y2: top + plotH }),
    s('text', { class: 'fc-label', x: left - 4, y: y(max) + 4, 'text-anchor': 'end' }, String(Math.round(max))),
    s('text', { class: 'fc-label', x: left - 4, y: top + plotH, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'fc-label', x: x(0.5), y: height - 6, 'text-anchor': 'middle' }, '1'),
    s('text', { class: 'fc-label', x: x(days - 0.5), y: height - 6, 'text-anchor': 'middle' }, String(days)),
    bars, poolLine, rateLine, dryMark);

  return h('figure', { class: 'chart' }, svg,
    h('figcaption', { class: 'legend' },
      h('span', { class: 'l-used' }, 'Pooled minutes used (to date)'),
      h('span', { class: 'l-rate' }, "At this month's rate"),
      h('span', { class: 'l-pool' }, `Pool: ${pool.minutes} min`),
      dryDay ? h('span', { class: 'l-dry' }, `Runs dry ${pool.runsDryOn}`) : null));
}
