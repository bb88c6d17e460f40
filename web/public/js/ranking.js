// "Où m'installer ?": the communes of a département, a region or all of
// France ranked by the best legal total for the current situation, with a
// map of every ranked commune drawn from their coordinates (canvas, no tile
// server) and a text list beside it. Communes whose zone is unconfirmed on the date stand apart.
import { h, fill, $ } from './dom.js';
import { euros, frenchDate, plural } from './format.js';
import { valueLabel } from './vocab.js';
import { state, writeUrl } from './state.js';
import { rank } from './api.js';

const HORIZON_YEARS = 5;
const LIST_LENGTH = 30;
const COLOURS = ['#e5e5e5', '#c3dafe', '#7fa7e5', '#3d6fc4', '#000091']; // 0, then four classes
let onOpen = null;

export function initRanking({ openCommune }) {
  onOpen = openCommune;
  $('#form-classement').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  $('#perimetre-type').addEventListener('change', syncScopeInputs);
}

function syncScopeInputs() {
  const type = $('#perimetre-type').value;
  $('#perimetre-code-groupe').hidden = type === 'france';
  $('#perimetre-code-libelle').firstChild.textContent = type === 'region' ? 'Code de la région (INSEE)' : 'Code du département';
}

// Fills the form from the address (perimetre=departement:36) or the commune.
export function prefill(result) {
  const [type, code] = (state.scope || '').split(':');
  if (type) {
    $('#perimetre-type').value = type;
    $('#perimetre-code').value = code || '';
  } else if (result?.commune && !$('#perimetre-code').value) {
    $('#perimetre-code').value = result.commune.departement || '';
  }
  syncScopeInputs();
}

function request() {
  const type = $('#perimetre-type').value;
  const code = $('#perimetre-code').value.trim().toUpperCase();
  const body = { situation: { ...state.situation }, annees: HORIZON_YEARS, limite: LIST_LENGTH, carte: true };
  delete body.situation.commune;
  if (type === 'france') body.france = true;
  else if (!code) return { error: type === 'region' ? 'Indiquez le code de la région (par exemple 24).' : 'Indiquez le code du département (par exemple 36).' };
  else body[type] = code;
  state.scope = type === 'france' ? 'france' : `${type}:${code}`;
  return { body };
}

export async function run() {
  const err = $('#erreur-classement');
  err.classList.add('fr-hidden');
  $('#perimetre-code').removeAttribute('aria-invalid');
  if (state.situation.profession === undefined) {
    err.textContent = 'Indiquez d\'abord votre profession dans le questionnaire.';
    err.classList.remove('fr-hidden');
    return;
  }
  const { body, error } = request();
  if (error) {
    err.textContent = error;
    err.classList.remove('fr-hidden');
    $('#perimetre-code').setAttribute('aria-invalid', 'true');
    $('#perimetre-code').focus();
    return;
  }
  state.view = 'classement';
  writeUrl();
  const out = $('#resultat-classement');
  fill(out, h('p', {}, 'Classement en cours…'));
  try {
    const answer = await rank(body);
    render(answer);
    $('#annonce').textContent = `Classement prêt : ${plural(answer.communes_evaluees, 'commune évaluée', 'communes évaluées')}.`;
  } catch (ex) {
    fill(out);
    err.textContent = ex.message;
    err.classList.remove('fr-hidden');
    if (ex.field) $('#perimetre-code').setAttribute('aria-invalid', 'true');
  }
}

// Communes whose zoning is unconfirmed on the date come apart, with their
// amount under the previous decree (`total_sous_reserve`).
const unconfirmed = (c) => c.total_sous_reserve !== undefined;
const totalOf = (c) => (unconfirmed(c) ? c.total_sous_reserve : c.total);

function classes(points) {
  const totals = [...new Set(points.map(totalOf).filter((t) => t > 0))].sort((a, b) => a - b);
  if (!totals.length) return [0];
  const q = (f) => totals[Math.min(totals.length - 1, Math.floor(f * totals.length))];
  return [...new Set([q(0), q(0.25), q(0.5), q(0.75)])];
}
// The colour index of class i of n: the classes spread over the whole scale,
// so that two classes are light and dark blue, not two light blues.
const classIndex = (i, n) => (n <= 1 ? COLOURS.length - 1 : 1 + Math.round((i * (COLOURS.length - 2)) / (n - 1)));
function colourOf(total, bounds) {
  if (!(total > 0)) return COLOURS[0];
  let i = 0;
  while (i + 1 < bounds.length && total >= bounds[i + 1]) i++;
  return COLOURS[classIndex(i, bounds.length)];
}

// Every ranked commune of the answer's `carte` (compact rows), as objects.
function mapPoints(answer) {
  const carte = answer.carte;
  if (!carte) return [];
  const at = Object.fromEntries(carte.colonnes.map((c, i) => [c, i]));
  return carte.points.map((row) => ({
    code: row[at.code], nom: row[at.nom], latitude: row[at.latitude], longitude: row[at.longitude],
    total: row[at.total], reserve: row[at.sous_reserve],
    departement: row[at.code].startsWith('97') ? row[at.code].slice(0, 3) : row[at.code].slice(0, 2),
  }));
}

// Frames of the map: metropolitan France, and one inset per overseas
// département (communes 97x), each with the equirectangular projection
// scaled by the cosine of its mean latitude.
function frames(points, W) {
  const groups = new Map();
  for (const p of points) {
    const key = p.code.startsWith('97') ? p.code.slice(0, 3) : 'metropole';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  const insets = [...groups.keys()].filter((k) => k !== 'metropole').sort();
  const insetSize = 90;
  const out = [];
  const fit = (list, x0, y0, w, hMax) => {
    const lat0 = list.reduce((s, p) => s + p.latitude, 0) / list.length;
    const k = Math.cos((lat0 * Math.PI) / 180);
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of list) {
      const x = p.longitude * k; const y = -p.latitude;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const scale = Math.min((w - 10) / Math.max(maxX - minX, 0.01), (hMax - 10) / Math.max(maxY - minY, 0.01));
    const h = Math.max(40, (maxY - minY) * scale + 10);
    for (const p of list) {
      p.x = x0 + 5 + (p.longitude * k - minX) * scale;
      p.y = y0 + 5 + (-p.latitude - minY) * scale;
    }
    return h;
  };
  let height = 0;
  if (groups.has('metropole')) height = fit(groups.get('metropole'), 0, 0, W, W * 1.1);
  insets.forEach((key, i) => {
    const perRow = Math.floor(W / insetSize);
    const x0 = (i % perRow) * insetSize;
    const y0 = height + 10 + Math.floor(i / perRow) * insetSize;
    fit(groups.get(key), x0, y0, insetSize - 8, insetSize - 8);
    out.push({ x: x0, y: y0, key });
  });
  if (insets.length) height += 10 + Math.ceil(insets.length / Math.floor(W / insetSize)) * insetSize;
  return { height: Math.max(200, Math.ceil(height)), insets: out };
}

// A canvas map of every ranked commune (one dot each, coloured by total), a
// legend, hover or keyboard focus showing the commune and its amount; the
// text list beside it gives the same information to screen readers.
function map(answer) {
  const points = mapPoints(answer).filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  if (!points.length) return null;
  const started = performance.now();
  const W = 600;
  const { height: H, insets } = frames(points, W);
  const bounds = classes(points.map((p) => ({ total: p.total })));
  const ratio = window.devicePixelRatio || 1;
  const canvas = h('canvas', {
    class: 'cs-carte-canvas', width: Math.round(W * ratio), height: Math.round(H * ratio), tabindex: '0',
    role: 'img', 'data-points': points.length,
    'aria-label': `Carte : ${plural(points.length, 'commune', 'communes')}, couleur selon le total des aides. Flèches : parcourir les communes dans l'ordre du classement ; Entrée : ouvrir sa simulation.`,
    'aria-describedby': 'carte-info',
  });
  const ctx = canvas.getContext('2d');
  const r = points.length > 5000 ? 1.1 : points.length > 800 ? 2 : 3.5;
  let current = -1;
  // The dots are drawn once, one path per colour (lowest totals first: the
  // best places stay on top); a hover or a key only redraws the highlight.
  const base = document.createElement('canvas');
  base.width = canvas.width;
  base.height = canvas.height;
  const b = base.getContext('2d');
  b.setTransform(ratio, 0, 0, ratio, 0, 0);
  b.strokeStyle = '#929292';
  for (const f of insets) b.strokeRect(f.x + 1, f.y + 1, 80, 80);
  // Confirmed places in full colour, places whose zone is to be confirmed
  // faded ("sous réserve").
  for (const faded of [true, false]) {
    const byColour = new Map();
    for (const p of points.filter((q) => Boolean(q.reserve) === faded).sort((x, y) => x.total - y.total)) {
      const c = colourOf(p.total, bounds);
      if (!byColour.has(c)) byColour.set(c, []);
      byColour.get(c).push(p);
    }
    b.globalAlpha = faded ? 0.35 : 1;
    for (const [colour, list] of byColour) {
      b.fillStyle = colour;
      b.beginPath();
      for (const p of list) b.rect(p.x - r, p.y - r, 2 * r, 2 * r);
      b.fill();
    }
  }
  b.globalAlpha = 1;
  const draw = () => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(base, 0, 0);
    if (current < 0) return;
    const p = points[current];
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.strokeStyle = '#161616';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.x, p.y, r + 5, 0, 2 * Math.PI);
    ctx.stroke();
  };
  const tip = h('p', { class: 'cs-carte-info', id: 'carte-info', 'aria-live': 'polite' }, 'Survolez la carte, ou donnez-lui le focus et utilisez les flèches, pour voir une commune.');
  const show = (i) => {
    current = i;
    const p = points[i];
    tip.textContent = `${p.nom} (${p.departement}) : ${euros(p.total)}${p.reserve ? ' (sous réserve)' : ''}`;
    requestAnimationFrame(draw);
  };
  const nearest = (e) => {
    const box = canvas.getBoundingClientRect();
    const x = ((e.clientX - box.left) * W) / box.width;
    const y = ((e.clientY - box.top) * H) / box.height;
    let best = -1; let bestD = 64;
    for (let i = 0; i < points.length; i++) {
      const d = (points[i].x - x) ** 2 + (points[i].y - y) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  };
  canvas.addEventListener('mousemove', (e) => { const i = nearest(e); if (i >= 0 && i !== current) show(i); });
  canvas.addEventListener('click', (e) => { const i = nearest(e); if (i >= 0) onOpen?.(points[i]); });
  canvas.addEventListener('focus', () => show(current >= 0 ? current : 0));
  canvas.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step) { e.preventDefault(); show(Math.max(0, Math.min(points.length - 1, current + step))); }
    else if (e.key === 'Home') { e.preventDefault(); show(0); }
    else if (e.key === 'End') { e.preventDefault(); show(points.length - 1); }
    else if ((e.key === 'Enter' || e.key === ' ') && current >= 0) { e.preventDefault(); onOpen?.(points[current]); }
  });
  draw();
  canvas.dataset.dessinMs = String(Math.round(performance.now() - started));
  const legend = h('ul', { class: 'cs-legende', 'aria-label': 'Légende de la carte' },
    h('li', {}, h('span', { class: 'cs-pastille', 'data-couleur': 0 }), 'aucune aide'),
    bounds.map((b, i) => h('li', {}, h('span', { class: 'cs-pastille', 'data-couleur': classIndex(i, bounds.length) }), `à partir de ${euros(b)}`)),
    points.some((p) => p.reserve) ? h('li', {}, h('span', { class: 'cs-pastille cs-pastille--reserve' }), 'zonage à confirmer : point pâle (montant sous réserve)') : null);
  return h('figure', { class: 'cs-carte-france' }, canvas, tip, legend,
    h('figcaption', { class: 'fr-text--sm' }, `Chaque point est une commune (${plural(points.length, 'commune', 'communes')}) ; cliquez, ou Entrée au clavier, pour ouvrir sa simulation. `,
      insets.length ? 'Les départements d\'outre-mer sont en encadrés sous la métropole. ' : '', 'La liste ci-contre donne les mêmes informations.'));
}

function list(communes, answer) {
  const items = communes.slice(0, LIST_LENGTH);
  return h('ol', { class: 'cs-classement' }, items.map((c, i) => {
    const tie = !unconfirmed(c) && ((items[i - 1] && totalOf(items[i - 1]) === totalOf(c)) || (items[i + 1] && totalOf(items[i + 1]) === totalOf(c)));
    return h('li', { 'data-code': c.code, 'data-total': totalOf(c) },
      h('button', { type: 'button', class: 'fr-link cs-lien-commune', onclick: () => onOpen?.(c) }, `${c.nom} (${c.departement})`),
      ` : `, h('strong', {}, euros(totalOf(c))), unconfirmed(c) ? ' (sous réserve)' : '',
      c.zonage_medecin ? ` — zonage médecins : ${valueLabel('zonage.medecin', c.zonage_medecin)}` : '',
      tie ? h('span', { class: 'fr-text--xs cs-egalite' }, ` — ex æquo, départagée par la population (${(c.population || 0).toLocaleString('fr-FR')} hab.)`) : '');
  }));
}

function render(answer) {
  const confirmed = answer.communes || [];
  const pending = answer.communes_a_confirmer || [];
  fill($('#resultat-classement'),
    h('p', {}, `Au ${frenchDate(answer.date)}, ${plural(answer.communes_evaluees, 'commune évaluée', 'communes évaluées')}, total sur ${answer.annees} ans de la meilleure combinaison d'aides permise. À total égal, la commune la plus peuplée vient en premier.`),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-7' }, map(answer)),
      h('div', { class: 'fr-col-12 fr-col-md-5' },
        h('h3', { class: 'fr-h6' }, `Les ${Math.min(LIST_LENGTH, confirmed.length)} premières`),
        list(confirmed, answer),
        pending.length ? [h('h3', { class: 'fr-h6 fr-mt-3w' }, `Zonage à confirmer à cette date : ${plural(pending.length, 'commune', 'communes')} (montants sous réserve)`),
          answer.note_a_confirmer ? h('p', { class: 'fr-text--sm' }, answer.note_a_confirmer) : null,
          list(pending, answer)] : null)));
}
