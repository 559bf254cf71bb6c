// Small hand-drawn SVG charts: no library, no network. Each chart is an <svg role="img"> with a label, and every
// bar carries a <title> with its exact value.

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The label cut to about `pixels` wide at 13px: Han characters are about twice as wide as Latin letters. */
function clip(label, pixels) {
  let width = 0;
  for (let i = 0; i < label.length; i++) {
    width += /[\u2e80-\u9fff\uff00-\uffef]/.test(label[i]) ? 13 : 7.2;
    if (width > pixels) return label.slice(0, Math.max(1, i - 1)) + '…';
  }
  return label;
}

/**
 * Horizontal bars, one per row: rows = [{label, value, color?, text?}]; format(value) writes the value after the bar.
 */
export function barChart({label, rows, format = v => String(v), max, color = '#1f5fa8', labelWidth = 150, width = 420, wide = false}) {
  const rowHeight = 28;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const top = max ?? niceMax(Math.max(0, ...rows.map(r => r.value)));
  const barSpace = width - labelWidth - 70;
  const svg = s('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: `chart bar-chart${wide ? ' wide' : ''}`}, s('title', {}, label));
  rows.forEach((row, i) => {
    const y = 4 + i * rowHeight;
    const w = top ? Math.max(row.value > 0 ? 2 : 0, (row.value / top) * barSpace) : 0;
    const text = clip(row.label, labelWidth - 12);
    svg.append(
      s('text', {x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', class: 'chart-label'}, text, s('title', {}, row.label)),
      s('rect', {x: labelWidth, y: y + 4, width: w, height: rowHeight - 10, rx: 3, fill: row.color || color, 'data-value': row.value},
        s('title', {}, `${row.label}: ${format(row.value)}`)),
      s('text', {x: labelWidth + w + 6, y: y + 18, class: 'chart-value'}, row.text ?? format(row.value)));
  });
  return svg;
}

/**
 * Columns per day for several series side by side: days = [{date, ...}], series = [{key, name, color}].
 */
export function columnChart({label, days, series}) {
  const width = 720;
  const height = 260;
  const left = 44;
  const bottom = 36;
  const top = 12;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...days.flatMap(d => series.map(x => d[x.key]))));
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, (slot * 0.8) / series.length);
  const svg = s('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart column-chart'}, s('title', {}, label));
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = top + plotHeight - (plotHeight * i) / 4;
    svg.append(s('line', {x1: left, x2: width - 10, y1: y, y2: y, class: 'grid'}),
      s('text', {x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-axis'}, Number.isInteger(value) ? value : value.toFixed(1)));
  }
  const every = Math.ceil(days.length / 10);
  days.forEach((d, i) => {
    const x0 = left + i * slot + slot * 0.1;
    series.forEach((x, j) => {
      const h = (d[x.key] / max) * plotHeight;
      svg.append(s('rect', {x: x0 + j * barWidth, y: top + plotHeight - h, width: barWidth, height: h, fill: x.color, 'data-value': d[x.key]},
        s('title', {}, `${d.date} · ${x.name}: ${d[x.key]}`)));
    });
    if (i % every === 0) {
      svg.append(s('text', {x: left + i * slot + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'chart-axis'}, d.date.slice(5)));
    }
  });
  const legend = s('g', {class: 'legend'});
  series.forEach((x, j) => {
    legend.append(s('rect', {x: left + j * 150, y: height - 14, width: 12, height: 12, fill: x.color}),
      s('text', {x: left + j * 150 + 18, y: height - 3, class: 'chart-label'}, x.name));
  });
  svg.append(legend);
  return svg;
}
