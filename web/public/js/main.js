// capsante — the web simulator. ES modules, no framework, no build step.
// The questions and every label come from GET /api/v1/schema; after each
// answer the page calls POST /api/v1/simulate. The whole situation lives in
// the address (after #), never on the server.
import { h, fill, $ } from './dom.js';
import { parseFrenchDate, shortDate, plural } from './format.js';
import { getSchema, simulate, getCommune } from './api.js';
import { loadSchema, byPath, fields, valueLabel } from './vocab.js';
import { state, readUrl, writeUrl, resetState, hashHoldsState, keepStateOnInPageLinks, getPath, setPath } from './state.js';
import { nextQuestion, remainingCount, renderQuestion, readAnswer, showQuestionError, renderRecap } from './questionnaire.js';
import { renderResults, renderBanner, printSummary, renderHistory } from './results.js';
import { initComparison, renderForm as renderComparisonForm, run as runComparison } from './comparison.js';
import { initRanking, prefill as prefillRanking, run as runRanking } from './ranking.js';
import { initPlan, run as runPlan } from './plan.js';

const APP = 'capsante';
let lastResult = null;
let forced = null; // a field the user asked to change
let simulateSeq = 0;

function announce(text) {
  const el = $('#annonce');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

// The page title follows the state, for assistive technology and tabs.
function setTitle(next) {
  if (state.view === 'classement') { document.title = `Où m'installer ? — ${APP}`; return; }
  if (state.view === 'plan') { document.title = `Mon plan sur 10 ans — ${APP}`; return; }
  if (next) {
    const answered = fields.filter((f) => f.chemin !== 'date' && getPath(state.situation, f.chemin) !== undefined).length;
    const n = answered + 1;
    const total = Math.max(n, answered + remainingCount(lastResult));
    const q = next.gate ? next.gate.question_prealable : (next.field.question || next.field.libelle);
    document.title = `Question ${n} sur ${total} — ${q} — ${APP}`;
  } else if (lastResult) {
    document.title = `${plural(lastResult.resume.eligible, 'aide éligible', 'aides éligibles')} — ${APP}`;
  } else {
    document.title = `Simulateur des aides à l'installation — ${APP}`;
  }
}

function situationLines() {
  return fields.filter((f) => getPath(state.situation, f.chemin) !== undefined).map((f) => {
    const v = getPath(state.situation, f.chemin);
    const text = f.chemin === 'commune' && state.communeLabel ? state.communeLabel : f.type === 'date' ? shortDate(v) : valueLabel(f.chemin, v);
    return `${f.libelle} : ${text}`;
  });
}

function show(result, moveFocus) {
  lastResult = result;
  if (result?.commune && state.situation.commune === result.commune.code && !state.communeLabel) {
    state.communeLabel = `${result.commune.nom} (${result.commune.departement})`;
  }
  if (result) {
    renderResults(result, { onPrintSummary: (r, choice, names) => printSummary(r, choice, names, situationLines()) });
    prefillRanking(result);
    showHistory(result);
  }
  renderBanner(result);
  const next = nextQuestion(result, forced);
  renderQuestion(next, { result, onSkip: skip, onChooseCommune: null });
  renderRecap({ onModify: modify, onResume: () => { state.skipped = []; writeUrl(); refresh(true); } });
  setTitle(next);
  if (result) {
    const r = result.resume;
    announce(`${r.eligible} aide(s) éligible(s), ${r.a_preciser} à préciser.${next ? '' : ' Questionnaire terminé.'}`);
  }
  if (moveFocus) ($('#q-legende') || $('#q-fin') || $('#resultats'))?.focus();
}

// The zoning history beside the zone, fetched once per commune and date.
const histories = new Map();
async function showHistory(result) {
  if (!result.commune) return;
  const key = `${result.commune.code}|${result.date}`;
  try {
    if (!histories.has(key)) histories.set(key, await getCommune(result.commune.code, result.date));
    renderHistory(histories.get(key), state.situation.profession);
  } catch {
    histories.delete(key); // the history is information only: the result stands without it
  }
}

function skip(path) {
  if (!state.skipped.includes(path)) state.skipped.push(path);
  forced = null;
  writeUrl();
  refresh(true);
}

function modify(path) {
  forced = path;
  show(lastResult, true);
}

async function refresh(moveFocus) {
  const seq = ++simulateSeq;
  if (state.situation.profession === undefined) {
    lastResult = null;
    fill($('#synthese'), h('p', {}, 'Commencez par indiquer votre profession.'));
    fill($('#frise'));
    fill($('#groupes'));
    show(null, moveFocus);
    return;
  }
  try {
    const result = await simulate(state.situation);
    if (seq === simulateSeq) show(result, moveFocus);
  } catch (err) {
    // A shared address may hold a value that is no longer valid: say which.
    fill($('#synthese'), h('div', { class: 'fr-alert fr-alert--error fr-alert--sm' }, h('p', {}, err.message)));
    if (err.field && getPath(state.situation, err.field) !== undefined && byPath.has(err.field)) {
      forced = err.field;
      renderQuestion(nextQuestion(null, forced), { result: null, onSkip: skip });
      showQuestionError(err.message);
    }
  }
}

async function onSubmit(e) {
  e.preventDefault();
  const form = $('#question');
  if (form.dataset.gate) {
    const radio = document.querySelector('#question input[name="q-radio"]:checked');
    if (!radio) { showQuestionError('Choisissez une réponse.'); return; }
    const path = form.dataset.gate;
    if (radio.value === 'true') { if (!state.opened.includes(path)) state.opened.push(path); }
    else if (!state.skipped.includes(path)) state.skipped.push(path);
    writeUrl();
    show(lastResult, true);
    return;
  }
  const path = form.dataset.champ;
  const field = byPath.get(path);
  if (!field) return;
  const answer = await readAnswer(field);
  if (answer.error) { showQuestionError(answer.error); return; }
  const next = structuredClone(state.situation);
  setPath(next, path, answer.value);
  try {
    const result = await simulate(next);
    state.situation = next;
    state.skipped = state.skipped.filter((s) => s !== path);
    forced = null;
    writeUrl();
    show(result, true);
  } catch (err) {
    showQuestionError(err.message);
  }
}

// The simulation date: typed in French order (jj/mm/aaaa), kept in the address.
function initDateField() {
  const input = $('#date-simulation');
  const error = $('#date-erreur');
  input.addEventListener('change', () => {
    const raw = input.value.trim();
    error.classList.add('fr-hidden');
    input.removeAttribute('aria-invalid');
    if (!raw) { delete state.situation.date; }
    else {
      const iso = parseFrenchDate(raw);
      if (!iso) {
        error.textContent = 'Indiquez une date au format jj/mm/aaaa, par exemple 01/06/2025.';
        error.classList.remove('fr-hidden');
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      state.situation.date = iso;
      input.value = shortDate(iso);
    }
    writeUrl();
    refresh(false);
  });
}
const syncDateField = () => { $('#date-simulation').value = state.situation.date ? shortDate(state.situation.date) : ''; };

const VIEWS = ['simulation', 'plan', 'classement'];
function showView() {
  for (const v of VIEWS) {
    $(`#vue-${v}`).hidden = state.view !== v;
    $(`#onglet-${v}`).setAttribute('aria-current', state.view === v ? 'page' : 'false');
  }
}
function switchTo(view, focus) {
  state.view = view;
  writeUrl();
  showView();
  if (view === 'simulation') refresh(false);
  else setTitle(null);
  focus?.focus();
}

function openCommune(c) {
  state.situation.commune = c.code;
  state.communeLabel = `${c.nom} (${c.departement?.code || c.departement})`;
  state.view = 'simulation';
  writeUrl();
  showView();
  refresh(false).then(() => $('#resultats').focus());
}

async function main() {
  loadSchema(await getSchema());
  readUrl();
  keepStateOnInPageLinks();
  syncDateField();
  initDateField();
  $('#question').addEventListener('submit', onSubmit);
  initComparison({ onChange: () => refresh(false) });
  initRanking({ openCommune });
  $('#recommencer').addEventListener('click', () => {
    resetState();
    forced = null;
    syncDateField();
    writeUrl();
    showView();
    renderComparisonForm();
    fill($('#tableau-comparaison'));
    refresh(true);
  });
  $('#partager').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      announce('Lien copié : collez-le pour partager ou retrouver cette simulation.');
    } catch {
      window.prompt('Copiez ce lien :', location.href);
    }
  });
  $('#imprimer').addEventListener('click', () => window.print());
  $('#onglet-classement').addEventListener('click', (e) => { e.preventDefault(); switchTo('classement', $('#titre-classement')); });
  $('#onglet-plan').addEventListener('click', (e) => { e.preventDefault(); switchTo('plan', $('#titre-plan')); runPlan(); });
  $('#onglet-simulation').addEventListener('click', (e) => { e.preventDefault(); switchTo('simulation'); });
  initPlan();
  // Only a hash that holds a simulation replaces the state (back/forward, a
  // pasted link); an in-page anchor never does.
  window.addEventListener('hashchange', () => {
    if (!hashHoldsState()) return;
    readUrl();
    syncDateField();
    showView();
    refresh(false);
  });
  showView();
  await refresh(false);
  if (state.compare.length >= 2) runComparison();
  if (state.view === 'classement' && state.scope) runRanking();
  if (state.view === 'plan') runPlan();
  document.body.dataset.pret = 'oui';
}

main().catch((err) => {
  fill($('#synthese'), h('div', { class: 'fr-alert fr-alert--error' }, h('p', {}, `Le simulateur ne répond pas : ${err.message}`)));
});
