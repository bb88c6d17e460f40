// "Mon plan" : the best legal sequences of aids over the coming years for the
// current situation (POST /api/v1/plan), each with its steps on a time line,
// its payments year by year, the assumptions it rests on and the decisions
// that change it (what each choice is worth, and until when).
import { h, fill, $ } from './dom.js';
import { euros, frenchDate, plural } from './format.js';
import { labelOf } from './vocab.js';
import { state, writeUrl } from './state.js';
import { plan as requestPlan, listAids } from './api.js';

const HORIZON_YEARS = 10;
let aidNames = null;

export function initPlan() {
  $('#form-plan').addEventListener('submit', (e) => { e.preventDefault(); run(); });
}

const nameOf = (step) => step.nom || aidNames?.get(step.id) || 'aide';

function steps(plan, start, end) {
  const t0 = Date.parse(start);
  const span = Math.max(1, Date.parse(end) - t0);
  const W = 640, row = 28, left = 0;
  const x = (iso) => left + Math.max(0, Math.min(W, ((Date.parse(iso) - t0) / span) * W));
  const H = row * plan.etapes.length + 24;
  const years = [];
  for (let y = Number(start.slice(0, 4)) + 1; y <= Number(end.slice(0, 4)); y++) years.push(y);
  return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'cs-plan-frise', role: 'img',
    'aria-label': plan.etapes.map((e) => `${nameOf(e)} du ${frenchDate(e.debut)} au ${frenchDate(e.fin)}`).join(' ; ') },
  years.map((y) => h('svg:g', {},
    h('svg:line', { x1: x(`${y}-01-01`), x2: x(`${y}-01-01`), y1: 0, y2: H - 18, class: 'cs-plan-annee' }),
    h('svg:text', { x: x(`${y}-01-01`) + 2, y: H - 4, class: 'cs-frise__label' }, String(y)))),
  plan.etapes.map((e, i) => h('svg:g', { class: 'cs-plan-etape', 'data-id': e.id },
    h('svg:rect', { x: x(e.debut), y: i * row + 4, width: Math.max(3, x(e.fin) - x(e.debut)), height: row - 8, class: 'cs-plan-barre' },
      h('svg:title', {}, `${nameOf(e)} : ${euros(e.total)}`)),
    h('svg:text', { x: x(e.debut) + 4, y: i * row + row / 2 + 5, class: 'cs-plan-nom' }, `${nameOf(e)} — ${euros(e.total)}`))));
}

function planCard(p, index, answer) {
  const end = `${Number(answer.date.slice(0, 4)) + answer.horizon}${answer.date.slice(4)}`;
  return h('article', { class: `cs-carte ${index === 0 ? 'cs-carte--eligible' : ''} cs-plan`, 'data-total': p.total, id: `plan-${index + 1}` },
    h('div', { class: 'cs-carte__tete' },
      h('h3', { class: 'cs-carte__titre' }, index === 0 ? 'Le plan qui rapporte le plus' : `Autre plan n° ${index + 1}`),
      h('p', { class: 'cs-montant' }, euros(p.total))),
    p.etapes.length ? steps(p, answer.date, end) : h('p', {}, 'Aucune aide à signer dans ce plan.'),
    h('ol', { class: 'cs-plan-etapes' }, p.etapes.map((e) => h('li', {},
      h('strong', {}, nameOf(e)), ` : du ${frenchDate(e.debut)} au ${frenchDate(e.fin)}, ${euros(e.total)}`,
      e.versements?.length ? h('ul', {}, e.versements.map((v) => h('li', {}, `${frenchDate(v.date)} : ${euros(v.montant)}`))) : null))),
    p.par_annee?.length ? h('details', { class: 'cs-details' }, h('summary', {}, 'Versements année par année'),
      h('table', { class: 'cs-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Année'), h('th', { scope: 'col' }, 'Montant'))),
        h('tbody', {}, p.par_annee.map((y) => h('tr', {}, h('td', {}, String(y.annee)), h('td', {}, euros(y.montant))))))) : null,
    p.depend_de?.length ? h('p', { class: 'cs-changerait' }, `Ce plan dépend de ce que vous n'avez pas indiqué : ${p.depend_de.map(labelOf).join(', ')}.`) : null,
    p.engagements?.length ? h('details', { class: 'cs-details' }, h('summary', {}, 'Ce à quoi ce plan vous engage'),
      h('ul', {}, p.engagements.map((t) => h('li', {}, typeof t === 'string' ? t : t.texte)))) : null,
    p.hypotheses?.length ? h('details', { class: 'cs-details' }, h('summary', {}, 'Hypothèses'),
      h('ul', {}, p.hypotheses.map((t) => h('li', {}, t)))) : null);
}

export async function run() {
  const err = $('#erreur-plan');
  err.classList.add('fr-hidden');
  if (state.situation.profession === undefined) {
    err.textContent = 'Indiquez d\'abord votre profession dans le questionnaire.';
    err.classList.remove('fr-hidden');
    return;
  }
  state.view = 'plan';
  writeUrl();
  const out = $('#resultat-plan');
  fill(out, h('p', {}, 'Calcul du plan…'));
  try {
    if (!aidNames) aidNames = new Map((await listAids()).map((a) => [a.id, a.nom]));
    const answer = await requestPlan(state.situation, HORIZON_YEARS);
    fill(out,
      h('p', {}, `À partir du ${frenchDate(answer.date)}, sur ${plural(answer.horizon, 'an', 'ans')} : ${plural(answer.plans.length, 'plan permis', 'plans permis')}, le meilleur d'abord.`),
      answer.decisions?.length ? h('div', { class: 'fr-callout', id: 'decisions' },
        h('h3', { class: 'fr-callout__title fr-h6' }, 'Vos choix et ce qu\'ils valent'),
        h('ul', {}, answer.decisions.map((d) => h('li', { 'data-ecart': d.ecart }, d.texte,
          d.ecart != null ? ` — écart : ${euros(d.ecart)}` : '', d.avant ? `, à décider avant le ${frenchDate(d.avant)}` : '', '.')))) : null,
      answer.plans.map((p, i) => planCard(p, i, answer)));
  } catch (ex) {
    fill(out);
    err.textContent = ex.message;
    err.classList.remove('fr-hidden');
  }
}
