// The questionnaire: asks, one at a time, only the questions whose answer can
// change an aid's status or amount on this date. The engine says which: a
// field is worth asking when it is missing (`manquants`) for an aid still to
// be specified, or for an amount not yet complete. Zone facts are asked
// through the commune first. Groups of questions about something the user
// may not have (a secondary office, a successor, advanced consultations) are
// opened by a yes/no question first (`question_prealable` in the schema).
import { h, fill, $ } from './dom.js';
import { parseFrenchDate, shortDate, decimal } from './format.js';
import { fields, byPath, labelOf, valueLabel, objectOf } from './vocab.js';
import { state, getPath } from './state.js';
import { communeCombobox } from './combobox.js';

let counter = 0;
let combo = null;

// The aids each missing field decides, from a simulation result.
export function neededFields(result) {
  const needs = new Map(); // path -> Set of aid names
  for (const aid of result?.aides || []) {
    const missing = new Set();
    if (aid.statut === 'a_preciser') for (const m of aid.manquants || []) missing.add(m);
    if (aid.statut === 'eligible' || aid.statut === 'a_preciser') for (const m of aid.montant?.manquants || []) missing.add(m);
    for (const m of missing) {
      if (!needs.has(m)) needs.set(m, new Set());
      needs.get(m).add(aid.nom_court || aid.nom);
    }
  }
  return needs;
}

const isSkipped = (path) => state.skipped.includes(path) || state.skipped.includes(objectOf(path)?.chemin);
const gateOf = (path) => {
  const obj = objectOf(path);
  if (obj?.question_prealable) return obj;
  const f = byPath.get(path);
  return f?.question_prealable ? f : null;
};
// The yes/no opener the user answered « Non » to, for a field: its fields
// stay unknown (nothing is guessed) and are not asked.
export function declinedGate(path) {
  const gate = gateOf(path);
  return gate && state.skipped.includes(gate.chemin) && !gateOpen(gate) ? gate : null;
}
const gateOpen = (gate) => state.opened?.includes(gate.chemin) || getPath(state.situation, gate.chemin) !== undefined;

// The next question: { field, aids: [names], gate } or null when done.
export function nextQuestion(result, forced) {
  if (forced) return { field: byPath.get(forced), aids: [] };
  if (state.situation.profession === undefined) return { field: byPath.get('profession'), aids: [] };
  const needs = neededFields(result);
  const communeOpen = state.situation.commune === undefined && !state.skipped.includes('commune');
  let best = null;
  for (const f of fields) {
    if (f.chemin === 'date' || isSkipped(f.chemin)) continue;
    if (getPath(state.situation, f.chemin) !== undefined) continue;
    let aids = needs.get(f.chemin) || new Set();
    if (f.chemin === 'commune' && communeOpen) {
      for (const [k, names] of needs) if (k.startsWith('zonage.')) aids = new Set([...aids, ...names]);
    } else if (f.chemin.startsWith('zonage.') && communeOpen) {
      continue; // asked through the commune first
    }
    if (aids.size > (best?.aids.length || 0)) best = { field: f, aids: [...aids] };
  }
  if (!best) return null;
  const gate = gateOf(best.field.chemin);
  if (gate && !gateOpen(gate)) return { field: best.field, aids: best.aids, gate };
  return best;
}

// How many questions remain at most (for "Question 3 sur 8").
export function remainingCount(result) {
  const needs = neededFields(result);
  let n = 0;
  for (const f of fields) {
    if (f.chemin === 'date' || isSkipped(f.chemin) || getPath(state.situation, f.chemin) !== undefined) continue;
    if (needs.has(f.chemin) || (f.chemin === 'commune' && [...needs.keys()].some((k) => k.startsWith('zonage.')))) n++;
  }
  return n;
}

function whyText(aids) {
  if (!aids.length) return null;
  const shown = aids.slice(0, 3).join(', ');
  return `Pourquoi cette question : votre réponse décide ${aids.length > 1 ? 'des aides' : 'de l\'aide'} ${shown}${aids.length > 3 ? ` et ${aids.length - 3} autre(s)` : ''}.`;
}

function radios(options, current) {
  return options.map((o, i) => h('div', { class: 'fr-fieldset__element' },
    h('div', { class: 'fr-radio-group' },
      h('input', { type: 'radio', id: `q-r${i}`, name: 'q-radio', value: o.valeur, checked: String(current) === o.valeur }),
      h('label', { class: 'fr-label', for: `q-r${i}` }, o.libelle))));
}

function control(field, current) {
  const described = 'q-aide-saisie';
  if (field.type === 'enum' && field.valeurs.length > 6) {
    return h('select', { class: 'fr-select', id: 'q-input', name: 'q-input', 'aria-describedby': described },
      h('option', { value: '', disabled: true, selected: current === undefined }, 'Choisissez'),
      field.valeurs.map((o) => h('option', { value: o.valeur, selected: current === o.valeur }, o.libelle)));
  }
  if (field.type === 'text' && field.suggestions) {
    return h('select', { class: 'fr-select', id: 'q-input', name: 'q-input', 'aria-describedby': described },
      h('option', { value: '', disabled: true, selected: current === undefined }, 'Choisissez'),
      field.suggestions.map((s) => h('option', { value: s, selected: current === s }, valueLabel(field.chemin, s))));
  }
  if (field.type === 'date') {
    return h('input', { class: 'fr-input', type: 'text', inputmode: 'numeric', id: 'q-input', name: 'q-input',
      placeholder: 'jj/mm/aaaa', autocomplete: 'off', value: current ? shortDate(current) : '', 'aria-describedby': described });
  }
  const numeric = field.type === 'number' || field.type === 'integer';
  return h('input', { class: 'fr-input', type: 'text', id: 'q-input', name: 'q-input', inputmode: numeric ? 'decimal' : null,
    value: current ?? '', 'aria-describedby': described });
}

function hintFor(field) {
  if (field.type === 'date') return 'Format : jj/mm/aaaa, par exemple 01/04/2026.';
  if (field.type === 'number' || field.type === 'integer') {
    const parts = [field.type === 'integer' ? 'Nombre entier' : 'Nombre'];
    if (field.min !== undefined) parts.push(`à partir de ${decimal(field.min)}`);
    if (field.max !== undefined) parts.push(`jusqu'à ${decimal(field.max)}`);
    return parts.join(' ') + '.';
  }
  return '';
}

// Zone facts the commune left "to confirm" (QPV…): the page says what it knows.
function zoneNote(field, result) {
  const fact = (result?.faits || []).find((f) => f.champ === field.chemin && f.note);
  return fact ? h('p', { class: 'fr-hint-text', id: 'q-contexte' }, fact.note) : null;
}

export function renderQuestion(next, { result, onSkip, onGate, onChooseCommune }) {
  const form = $('#question');
  combo = null;
  form.dataset.etape = String(++counter);
  if (!next) {
    delete form.dataset.champ;
    delete form.dataset.gate;
    delete form.dataset.prealable;
    fill(form, h('div', { class: 'fr-alert fr-alert--success fr-alert--sm', id: 'q-fin', tabindex: '-1' },
      h('p', {}, `Toutes les questions utiles ont une réponse${state.skipped.length ? ' (ou ont été passées)' : ''}. Les résultats sont complets pour ce que vous avez indiqué.`)));
    return;
  }
  const { field, aids, gate } = next;
  const why = whyText(aids);
  if (gate) {
    form.dataset.champ = gate.chemin;
    form.dataset.prealable = 'oui';
    fill(form, h('fieldset', { class: 'fr-fieldset', id: 'q-fieldset', 'aria-labelledby': 'q-legende' },
      h('legend', { class: 'fr-fieldset__legend', id: 'q-legende', tabindex: '-1' }, gate.question_prealable),
      radios([{ valeur: 'true', libelle: 'Oui' }, { valeur: 'false', libelle: 'Non' }]),
      h('div', { class: 'fr-messages-group', id: 'q-erreur-zone' })),
    why && h('p', { class: 'fr-hint-text', id: 'q-pourquoi' }, why),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm' },
      h('li', {}, h('button', { type: 'submit', class: 'fr-btn', id: 'q-valider' }, 'Valider'))));
    form.onsubmit = null;
    form.dataset.gate = gate.chemin;
    return;
  }
  delete form.dataset.prealable;
  delete form.dataset.gate;
  form.dataset.champ = field.chemin;
  const current = getPath(state.situation, field.chemin);
  const hint = hintFor(field);
  let body;
  if (field.chemin === 'commune') {
    body = h('div', { id: 'q-commune' });
  } else if (field.type === 'bool' || (field.type === 'enum' && field.valeurs.length <= 6)) {
    const options = field.type === 'bool' ? [{ valeur: 'true', libelle: 'Oui' }, { valeur: 'false', libelle: 'Non' }] : field.valeurs;
    body = radios(options, current);
  } else {
    body = h('div', { class: 'fr-fieldset__element' }, h('div', { class: 'fr-input-group', id: 'q-groupe' },
      h('label', { class: 'fr-label', for: 'q-input' }, field.libelle,
        h('span', { class: 'fr-hint-text', id: 'q-aide-saisie' }, hint)),
      control(field, current)));
  }
  fill(form,
    h('fieldset', { class: 'fr-fieldset', id: 'q-fieldset', 'aria-labelledby': 'q-legende' },
      h('legend', { class: 'fr-fieldset__legend', id: 'q-legende', tabindex: '-1' }, field.question || field.libelle,
        field.aide ? h('span', { class: 'fr-hint-text' }, field.aide) : null),
      zoneNote(field, result),
      body,
      h('div', { class: 'fr-messages-group', id: 'q-erreur-zone' })),
    why && h('p', { class: 'fr-hint-text', id: 'q-pourquoi' }, why),
    field.personnel && h('p', { class: 'fr-hint-text' }, 'Donnée personnelle : elle reste dans votre navigateur et dans l\'adresse de la page.'),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm' },
      h('li', {}, h('button', { type: 'submit', class: 'fr-btn', id: 'q-valider' }, 'Valider')),
      field.chemin === 'profession' ? null
        : h('li', {}, h('button', { type: 'button', class: 'fr-btn fr-btn--secondary', id: 'q-passer', onclick: () => onSkip(field.chemin) },
          'Je ne sais pas, passer'))));
  if (field.chemin === 'commune') {
    const code = state.situation.commune;
    combo = communeCombobox($('#q-commune'), {
      id: 'q-commune-saisie', label: 'Commune', hint: 'Nom, code postal ou code INSEE, puis choisissez dans la liste.',
      initial: code ? { code, label: state.communeLabel || code } : null,
      date: () => state.situation.date,
      onChoose: onChooseCommune,
    });
  }
}

// Marks the field in error (aria-invalid, described by the message), moves the
// focus to it; the message is read once, with the field, by screen readers.
export function showQuestionError(message) {
  const zone = $('#q-erreur-zone');
  if (!zone) return;
  fill(zone, h('p', { class: 'fr-message fr-message--error', id: 'q-erreur' }, message));
  $('#q-fieldset')?.classList.add('fr-fieldset--error');
  $('#q-groupe')?.classList.add('fr-input-group--error');
  const target = $('#q-input') || $('#q-commune-saisie') || $('#question input[name="q-radio"]');
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    const ids = new Set((target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    ids.add('q-erreur');
    target.setAttribute('aria-describedby', [...ids].join(' '));
    target.focus();
  }
}

// The answer typed or chosen, or { error } in French.
export async function readAnswer(field) {
  if (field.chemin === 'commune') {
    const chosen = await combo?.resolve();
    if (!chosen) return { error: 'Choisissez une commune dans la liste (tapez au moins deux lettres de son nom, son code postal ou son code INSEE).' };
    state.communeLabel = chosen.label;
    return { value: chosen.code };
  }
  const radioGroup = document.querySelector('#question input[name="q-radio"]');
  if (radioGroup) {
    const radio = document.querySelector('#question input[name="q-radio"]:checked');
    if (!radio) return { error: 'Choisissez une réponse.' };
    return { value: field.type === 'bool' ? radio.value === 'true' : radio.value };
  }
  const raw = ($('#q-input')?.value || '').trim();
  if (!raw) return { error: 'Répondez à la question, ou choisissez « Je ne sais pas, passer ».' };
  if (field.type === 'number' || field.type === 'integer') {
    const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(n)) return { error: 'Indiquez un nombre (par exemple 4 ou 2,5).' };
    if (field.type === 'integer' && !Number.isInteger(n)) return { error: 'Indiquez un nombre entier.' };
    return { value: n };
  }
  if (field.type === 'date') {
    const iso = parseFrenchDate(raw);
    if (!iso) return { error: 'Indiquez une date au format jj/mm/aaaa, par exemple 01/04/2026.' };
    return { value: iso };
  }
  return { value: raw };
}

// "Vos réponses", each with « Modifier ».
export function renderRecap({ onModify, onResume }) {
  const answered = fields.filter((f) => f.chemin !== 'date' && getPath(state.situation, f.chemin) !== undefined);
  const box = $('#recapitulatif');
  if (!answered.length && !state.skipped.length) { fill(box); return; }
  const shownValue = (f) => (f.chemin === 'commune' && state.communeLabel
    ? state.communeLabel
    : f.type === 'date' ? shortDate(getPath(state.situation, f.chemin)) : valueLabel(f.chemin, getPath(state.situation, f.chemin)));
  fill(box,
    h('h3', { class: 'fr-h6 fr-mt-3w' }, 'Vos réponses'),
    h('ul', { class: 'cs-recap' }, answered.map((f) => h('li', {},
      h('span', { class: 'cs-recap__libelle' }, f.libelle), ' : ', h('strong', {}, shownValue(f)), ' ',
      h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', 'data-modifier': f.chemin,
        'aria-label': `Modifier : ${f.libelle}`, onclick: () => onModify(f.chemin) }, 'Modifier')))),
    state.skipped.length ? h('p', { class: 'fr-text--sm' }, `Questions passées : ${state.skipped.map(labelOf).join(', ')}. `,
      h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', id: 'reprendre', onclick: onResume }, 'Y répondre')) : null);
}
