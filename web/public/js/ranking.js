// "Où m'installer ?": the communes of a département, a region or all of
// France ranked by the best legal total for the current situation, with a
// map drawn from the communes' coordinates (SVG, no tile server) and a text
// list beside it. Communes whose zone is unconfirmed on the date stand apart.
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
  const body = { situation: { ...state.situation }, annees: HORIZON_YEARS, limite: 1000 };
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
function colourOf(total, bounds) {
  if (!(total > 0)) return COLOURS[0];
  let i = 0;
  while (i + 1 < bounds.length && total >= bounds[i + 1]) i++;
  return COLOURS[Math.min(COLOURS.length - 1, i + 1)];
}

// Equirectangular projection scaled by the cosine of the mean latitude.
function map(points) {
  const located = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  if (!located.length) return null;
  const lat0 = located.reduce((s, p) => s + p.latitude, 0) / located.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = located.map((p) => p.longitude * k);
  const ys = located.map((p) => -p.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const W = 600;
  const span = Math.max(maxX - minX, maxY - minY, 0.01);
  const scale = (W - 20) / span;
  const H = Math.max(200, Math.round((maxY - minY) * scale + 20));
  const r = located.length > 5000 ? 1.2 : located.length > 800 ? 2.2 : 4;
  const bounds = classes(located);
  const focusable = located.length <= 600;
  const tip = h('p', { class: 'cs-carte-info', id: 'carte-info' }, 'Survolez ou parcourez la carte pour voir une commune.');
  const show = (p) => { tip.textContent = `${p.nom} : ${euros(totalOf(p))}${unconfirmed(p) ? ' (sous réserve)' : ''}`; };
  const dots = located.map((p, i) => {
    const attrs = {
      cx: (xs[i] - minX) * scale + 10, cy: (ys[i] - minY) * scale + 10, r,
      fill: colourOf(totalOf(p), bounds), class: unconfirmed(p) ? 'cs-point cs-point--reserve' : 'cs-point', 'data-code': p.code,
    };
    if (focusable) Object.assign(attrs, { tabindex: '0', role: 'button', 'aria-label': `${p.nom} : ${euros(totalOf(p))}${unconfirmed(p) ? ', sous réserve' : ''}` });
    const dot = h('svg:circle', attrs, h('svg:title', {}, `${p.nom} : ${euros(totalOf(p))}`));
    dot.addEventListener('mouseenter', () => show(p));
    dot.addEventListener('focus', () => show(p));
    dot.addEventListener('click', () => onOpen?.(p));
    dot.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen?.(p); } });
    return dot;
  });
  const legend = h('ul', { class: 'cs-legende', 'aria-label': 'Légende de la carte' },
    h('li', {}, h('span', { class: 'cs-pastille', 'data-couleur': 0 }), 'aucune aide'),
    bounds.map((b, i) => h('li', {}, h('span', { class: 'cs-pastille', 'data-couleur': i + 1 }), `à partir de ${euros(b)}`)),
    h('li', {}, h('span', { class: 'cs-pastille cs-pastille--reserve' }), 'zonage à confirmer (contour)'));
  return h('figure', { class: 'cs-carte-france' },
    h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'cs-carte-svg', role: focusable ? 'group' : 'img',
      'aria-label': `Carte : ${plural(located.length, 'commune', 'communes')}, couleur selon le total des aides` }, dots),
    tip, legend,
    h('figcaption', { class: 'fr-text--sm' }, focusable ? 'Chaque point est une commune : Entrée ouvre sa simulation. La liste ci-contre donne les mêmes informations.'
      : 'Chaque point est une commune ; cliquez pour ouvrir sa simulation. La liste ci-contre donne les mêmes informations.'));
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
  const points = [...confirmed, ...pending];
  fill($('#resultat-classement'),
    h('p', {}, `Au ${frenchDate(answer.date)}, ${plural(answer.communes_evaluees, 'commune évaluée', 'communes évaluées')}, total sur ${answer.annees} ans de la meilleure combinaison d'aides permise. À total égal, la commune la plus peuplée vient en premier.`),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-7' }, map(points)),
      h('div', { class: 'fr-col-12 fr-col-md-5' },
        h('h3', { class: 'fr-h6' }, `Les ${Math.min(LIST_LENGTH, confirmed.length)} premières`),
        list(confirmed, answer),
        pending.length ? [h('h3', { class: 'fr-h6 fr-mt-3w' }, `Zonage à confirmer à cette date : ${plural(pending.length, 'commune', 'communes')} (montants sous réserve)`),
          answer.note_a_confirmer ? h('p', { class: 'fr-text--sm' }, answer.note_a_confirmer) : null,
          list(pending, answer)] : null)));
}
