// Expected payments year by year (SVG bar chart, with the same figures as a table).
import { h } from './dom.js';
import { euros } from './format.js';

export function timeline(aids) {
  const years = new Map();
  for (const aid of aids) {
    for (const p of aid.montant?.echeancier || []) {
      if (!p.date || p.montant == null) continue;
      const y = Number(p.date.slice(0, 4));
      if (!years.has(y)) years.set(y, new Map());
      const perAid = years.get(y);
      perAid.set(aid.nom, (perAid.get(aid.nom) || 0) + p.montant);
    }
  }
  if (!years.size) return null;
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const all = [];
  for (let y = sorted[0]; y <= sorted[sorted.length - 1]; y++) all.push(y);
  const totals = all.map((y) => [...(years.get(y)?.values() || [])].reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const W = 640, H = 240, left = 20, bottom = 40, top = 30;
  const slot = (W - left * 2) / all.length;
  const barW = Math.min(80, slot * 0.6);
  const total = totals.reduce((a, b) => a + b, 0);
  const label = `Versements attendus, par année : ${all.map((y, i) => `${y} : ${euros(totals[i])}`).join(' ; ')}. Total ${euros(total)}.`;
  return [
    h('h3', { class: 'fr-h6 fr-mt-3w', id: 'titre-frise' }, 'Versements attendus, année par année'),
    h('svg:svg', { class: 'cs-frise', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'titre-frise frise-desc', focusable: 'false' },
      h('svg:desc', { id: 'frise-desc' }, label),
      h('svg:line', { x1: left, y1: H - bottom, x2: W - left, y2: H - bottom, class: 'cs-frise__axe' }),
      all.map((y, i) => {
        const bh = Math.round(((H - bottom - top) * totals[i]) / max);
        const x = left + i * slot + (slot - barW) / 2;
        const yTop = H - bottom - bh;
        return h('svg:g', { class: 'cs-frise__annee', 'data-annee': y, 'data-montant': totals[i] },
          h('svg:rect', { x: x.toFixed(1), y: yTop, width: barW.toFixed(1), height: bh, class: 'cs-frise__barre' },
            h('svg:title', {}, `${y} : ${euros(totals[i])}`)),
          h('svg:text', { x: (x + barW / 2).toFixed(1), y: yTop - 8, 'text-anchor': 'middle', class: 'cs-frise__montant' }, totals[i] ? euros(totals[i]) : ''),
          h('svg:text', { x: (x + barW / 2).toFixed(1), y: H - bottom + 22, 'text-anchor': 'middle', class: 'cs-frise__label' }, String(y)));
      })),
    h('details', { class: 'cs-details' }, h('summary', {}, 'Voir les versements en tableau'),
      h('table', { class: 'cs-table' }, h('caption', { class: 'fr-sr-only' }, 'Versements attendus par année et par aide'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Année'), h('th', { scope: 'col' }, 'Aide'), h('th', { scope: 'col' }, 'Montant'))),
        h('tbody', {}, all.flatMap((y) => [...(years.get(y) || new Map())].map(([nom, v]) =>
          h('tr', {}, h('td', {}, String(y)), h('td', {}, nom), h('td', {}, euros(v)))))))),
  ];
}
