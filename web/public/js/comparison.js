// Two or three communes side by side, each evaluated with the whole
// situation; each column lists the questions that commune still needs, and
// the user can answer them in place. Communes whose zone is not confirmed on
// the date are shown apart, their amounts "sous réserve".
import { h, fill, $ } from './dom.js';
import { euros, frenchDate } from './format.js';
import { labelOf, valueLabel } from './vocab.js';
import { state, writeUrl, setPath, getPath } from './state.js';
import { communeCombobox } from './combobox.js';
import { compare } from './api.js';
import { neededFields } from './questionnaire.js';
import { amountText } from './results.js';
import { fieldInput } from './fieldinput.js';

const HORIZON_YEARS = 5;
const combos = [];
let onSituationChanged = null;

export function initComparison({ onChange }) {
  onSituationChanged = onChange;
  $('#form-comparaison').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  renderForm();
}

export function renderForm() {
  const box = $('#champs-comparaison');
  fill(box, [0, 1, 2].map((i) => h('div', { class: 'fr-col-12 fr-col-md-4', id: `cmp-${i}` })));
  combos.length = 0;
  for (let i = 0; i < 3; i++) {
    const code = state.compare[i];
    combos.push(communeCombobox($(`#cmp-${i}`), {
      id: `cmp-commune-${i + 1}`,
      label: `Commune ${i + 1}${i === 2 ? ' (facultative)' : ''}`,
      hint: 'Nom, code postal ou code INSEE',
      initial: code ? { code, label: code } : null,
      date: () => state.situation.date,
    }));
  }
}

function cell(aid) {
  if (!aid) return '—';
  switch (aid.statut) {
    case 'eligible': return `Éligible${aid.montant && !aid.montant.non_chiffre ? ' : ' + amountText(aid) : ''}`;
    case 'a_preciser': return `À préciser${aid.manquants?.length ? ` (il manque : ${aid.manquants.map(labelOf).join(', ')})` : ''}`;
    case 'ferme': return 'Fermée';
    case 'non_eligible': return 'Non éligible';
    default: throw new Error(`statut inattendu : ${aid.statut}`);
  }
}

// A commune whose zoning is unconfirmed on the date: its total holds only
// under the previous decree (`total_sous_reserve`).
const unconfirmed = (c) => c.total_sous_reserve !== undefined;
const totalOf = (c) => (unconfirmed(c) ? c.total_sous_reserve : c.total);

// The questions a commune still needs, answerable in place.
function questionsFor(c) {
  const needs = [...neededFields(c.resultat).keys()].filter((p) => getPath(state.situation, p) === undefined && !p.startsWith('zonage.'));
  const zoneNeeds = [...neededFields(c.resultat).keys()].filter((p) => p.startsWith('zonage.'));
  if (!needs.length && !zoneNeeds.length) return h('p', { class: 'fr-text--sm' }, 'Aucune question en suspens.');
  const inputs = needs.map(fieldInput);
  const error = h('p', { class: 'fr-error-text fr-hidden', role: 'alert' });
  return h('form', { class: 'cs-questions-commune', 'data-code': c.code, novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const next = structuredClone(state.situation);
    for (const i of inputs) {
      const r = i.read();
      if (r.error) { error.textContent = r.error; error.classList.remove('fr-hidden'); i.input.setAttribute('aria-invalid', 'true'); i.input.focus(); return; }
      if ('value' in r) setPath(next, i.path, r.value);
    }
    state.situation = next;
    writeUrl();
    onSituationChanged?.();
    run();
  } },
  h('p', { class: 'fr-text--sm fr-mb-1w' }, `Encore ${needs.length + zoneNeeds.length} question(s) pour cette commune :`),
  zoneNeeds.length ? h('p', { class: 'fr-text--sm' }, `À confirmer pour l'adresse : ${zoneNeeds.map(labelOf).join(', ')}.`) : null,
  inputs.map((i) => i.element), error,
  needs.length ? h('button', { type: 'submit', class: 'fr-btn fr-btn--sm fr-btn--secondary' }, 'Répondre et recalculer') : null);
}

function table(body, cols, caption) {
  const relevant = (a) => a.statut === 'eligible' || a.statut === 'a_preciser';
  const ids = [];
  for (const c of cols) for (const a of c.resultat.aides) if (relevant(a) && !ids.includes(a.id)) ids.push(a.id);
  const nameOf = (id) => cols.map((c) => c.resultat.aides.find((a) => a.id === id)).find(Boolean)?.nom;
  const find = (c, id) => c.resultat.aides.find((a) => a.id === id);
  const td = (c, content, attrs = {}) => h('td', { 'data-commune': c.nom, ...attrs }, content);
  return h('div', { class: 'fr-table fr-table--bordered cs-table-empilable' }, h('table', { class: 'cs-comparaison' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Aide'), cols.map((c) => h('th', { scope: 'col', 'data-code': c.code }, `${c.nom} (${c.code})`)))),
    h('tbody', {},
      h('tr', {}, h('th', { scope: 'row' }, `Total sur ${body.annees} ans`), cols.map((c) => td(c,
        h('strong', {}, `${euros(totalOf(c))}${unconfirmed(c) ? ' (sous réserve)' : ''}`), { class: 'cs-cmp-total', 'data-total': totalOf(c) }))),
      h('tr', {}, h('th', { scope: 'row' }, 'Zonage médecins'), cols.map((c) => td(c, c.zonages_a_confirmer?.medecin
        ? `à confirmer (zonage précédent : ${valueLabel('zonage.medecin', c.zonages_a_confirmer.medecin)})`
        : valueLabel('zonage.medecin', c.zonages?.medecin)))),
      'profession' in (cols[0].zonages || {})
        ? h('tr', {}, h('th', { scope: 'row' }, 'Zonage de votre profession'), cols.map((c) => td(c, valueLabel('zonage.profession', c.zonages.profession)))) : null,
      ids.map((id) => h('tr', {}, h('th', { scope: 'row' }, nameOf(id)), cols.map((c) => td(c, cell(find(c, id)))))),
      h('tr', {}, h('th', { scope: 'row' }, 'Questions à compléter'), cols.map((c) => td(c, questionsFor(c)))))));
}

export async function run() {
  const err = $('#erreur-comparaison');
  err.classList.add('fr-hidden');
  const chosen = [];
  for (const c of combos) {
    const v = await c.resolve();
    if (v) chosen.push(v);
  }
  if (chosen.length < 2) {
    err.textContent = 'Choisissez au moins deux communes dans les listes.';
    err.classList.remove('fr-hidden');
    combos[chosen.length]?.input.focus();
    return;
  }
  state.compare = chosen.map((c) => c.code);
  writeUrl();
  const out = $('#tableau-comparaison');
  fill(out, h('p', {}, 'Calcul en cours…'));
  try {
    const body = await compare(state.situation, state.compare, HORIZON_YEARS);
    const confirmed = body.communes.filter((c) => !unconfirmed(c));
    const pending = body.communes.filter(unconfirmed);
    fill(out,
      confirmed.length ? table(body, confirmed, `Comparaison au ${frenchDate(body.date)}, total sur ${body.annees} ans de la meilleure combinaison d'aides éligibles`) : null,
      pending.length ? [h('h3', { class: 'fr-h6 fr-mt-3w' }, 'Communes dont le zonage est à confirmer à cette date'),
        h('p', { class: 'fr-text--sm' }, 'Un nouveau zonage de l\'ARS s\'applique et ses valeurs ne sont pas encore connues de capsante : les montants ci-dessous suivent le zonage précédent, sous réserve.'),
        table(body, pending, 'Sous réserve du nouveau zonage')] : null);
    $('#annonce').textContent = `Comparaison prête : ${body.communes.map((c) => `${c.nom} ${euros(totalOf(c))}${unconfirmed(c) ? ' sous réserve' : ''}`).join(', ')}.`;
  } catch (ex) {
    fill(out);
    err.textContent = ex.message;
    err.classList.remove('fr-hidden');
  }
}
