// capsante — the web simulator. Plain ES module, no framework, no build step.
//
// The questions come from GET /api/v1/schema (catalog/situation.yaml); after
// each answer the page calls POST /api/v1/simulate and asks, among the fields
// the aids still need (`manquants`), the one that decides the most aids. The
// whole situation lives in the address (after #), never on the server.

const API = '/api/v1';
const STATUS_ORDER = ['eligible', 'a_preciser', 'non_eligible', 'ferme'];
const STATUS_TITLE = {
  eligible: 'Éligible',
  a_preciser: 'À préciser',
  non_eligible: 'Non éligible',
  ferme: 'Fermée',
};
const GROUP_TITLE = {
  eligible: 'Aides auxquelles vous êtes éligible',
  a_preciser: 'Aides à préciser',
  non_eligible: 'Aides auxquelles vous n\'êtes pas éligible',
  ferme: 'Aides fermées à la souscription',
};
const BADGE = { eligible: 'fr-badge--success', a_preciser: 'fr-badge--info', non_eligible: 'fr-badge--error', ferme: 'fr-badge--warning' };
const CONDITION_TEXT = { remplie: 'Remplie', non_remplie: 'Non remplie', inconnue: 'À préciser' };
const CONDITION_MARK = { remplie: '✓', non_remplie: '✗', inconnue: '?' };
const PERIOD = { unique: 'versement unique', annuel: 'par an', mensuel: 'par mois' };
const SPECIALITES = {
  medecine_generale: 'Médecine générale', radiologie: 'Radiologie', radiotherapie: 'Radiothérapie',
  stomatologie: 'Stomatologie', anesthesie: 'Anesthésie-réanimation', anatomo_cytopathologie: 'Anatomie et cytologie pathologiques',
  medecine_nucleaire: 'Médecine nucléaire', pediatrie: 'Pédiatrie', psychiatrie: 'Psychiatrie', gynecologie: 'Gynécologie',
  ophtalmologie: 'Ophtalmologie', cardiologie: 'Cardiologie', dermatologie: 'Dermatologie',
};
const HORIZON_YEARS = 5;

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });
const euros = (x) => euroFormat.format(x);
const frenchDate = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const $ = (sel, root = document) => root.querySelector(sel);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// ---------------------------------------------------------------- state
const state = {
  situation: {},   // what the user answered
  skipped: [],     // fields the user chose not to answer
  compare: [],     // commune codes to compare
  communeLabel: '', // display name of the chosen commune
};
let fields = [];          // flattened schema, in schema order
const byPath = new Map(); // chemin -> field
let lastResult = null;
let forced = null;        // a field the user asked to change
let simulateSeq = 0;

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k];
  }
  o[keys[keys.length - 1]] = value;
}
function deletePath(obj, path) {
  const keys = path.split('.');
  const parents = [];
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) return;
    parents.push([o, k]);
    o = o[k];
  }
  delete o[keys[keys.length - 1]];
  for (let i = parents.length - 1; i >= 0; i--) {
    const [p, k] = parents[i];
    if (Object.keys(p[k]).length === 0) delete p[k];
  }
}

// ---------------------------------------------------------------- address
function readUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    const s = JSON.parse(params.get('s') || '{}');
    state.situation = s && typeof s === 'object' && !Array.isArray(s) ? s : {};
  } catch {
    state.situation = {};
  }
  state.skipped = (params.get('passe') || '').split(',').filter(Boolean);
  state.compare = (params.get('comparer') || '').split(',').filter(Boolean).slice(0, 3);
  state.communeLabel = params.get('commune_nom') || '';
}
function writeUrl() {
  const params = new URLSearchParams();
  params.set('s', JSON.stringify(state.situation));
  if (state.skipped.length) params.set('passe', state.skipped.join(','));
  if (state.compare.length) params.set('comparer', state.compare.join(','));
  if (state.communeLabel && state.situation.commune) params.set('commune_nom', state.communeLabel);
  history.replaceState(null, '', '#' + params.toString());
}

// ---------------------------------------------------------------- API
async function api(path, options = {}) {
  const res = await fetch(API + path, { headers: { 'Content-Type': 'application/json' }, ...options });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const err = new Error(body?.erreur || `erreur ${res.status}`);
    err.field = body?.champ || null;
    err.status = res.status;
    throw err;
  }
  return body;
}
const simulate = (situation) => api('/simulate', { method: 'POST', body: JSON.stringify(situation) });

function announce(text) {
  const el = $('#annonce');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

// ---------------------------------------------------------------- schema
function flatten(list) {
  for (const f of list) {
    if (f.type === 'list') continue; // lists (trainees, contracts) are not asked here
    if (f.type === 'object') { flatten(f.champs || []); continue; }
    fields.push(f);
    byPath.set(f.chemin, f);
  }
}
function labelOf(path) {
  return byPath.get(path)?.libelle || path;
}
function valueText(field, v) {
  if (field.type === 'bool') return v ? 'Oui' : 'Non';
  if (field.type === 'enum') return field.valeurs.find((x) => x.valeur === v)?.libelle || v;
  if (field.type === 'date') return frenchDate(v);
  if (field.chemin === 'specialite') return SPECIALITES[v] || v;
  if (field.chemin === 'commune') return state.communeLabel ? `${state.communeLabel} (${v})` : v;
  if (field.type === 'number' || field.type === 'integer') return String(v).replace('.', ',');
  return String(v);
}

// ---------------------------------------------------------------- next question
// Among the fields the aids still need, the one that decides the most aids.
// Zone facts are asked through the commune when it is not known yet.
function nextQuestion(result) {
  if (forced) return { field: byPath.get(forced), count: 0 };
  if (state.situation.profession === undefined) return { field: byPath.get('profession'), count: 0 };
  const counts = new Map();
  for (const aid of result?.aides || []) {
    const needs = new Set();
    if (aid.statut === 'a_preciser') for (const m of aid.manquants || []) needs.add(m);
    if (aid.statut === 'eligible' || aid.statut === 'a_preciser') for (const m of aid.montant?.manquants || []) needs.add(m);
    for (const m of needs) counts.set(m, (counts.get(m) || 0) + 1);
  }
  const communeKnown = state.situation.commune !== undefined;
  const communeOpen = !communeKnown && !state.skipped.includes('commune');
  let best = null;
  let bestCount = 0;
  for (const f of fields) {
    if (f.chemin === 'date' || state.skipped.includes(f.chemin)) continue;
    if (getPath(state.situation, f.chemin) !== undefined) continue;
    let n = counts.get(f.chemin) || 0;
    if (f.chemin === 'commune' && communeOpen) {
      for (const [k, c] of counts) if (k.startsWith('zonage.')) n = Math.max(n, c);
    } else if (f.chemin.startsWith('zonage.') && communeOpen) {
      n = 0; // asked through the commune first
    }
    if (n > bestCount) { best = f; bestCount = n; }
  }
  return best ? { field: best, count: bestCount } : null;
}

// ---------------------------------------------------------------- commune autocomplete
// A combobox (WAI-ARIA 1.2 pattern): type a name, a postal code or an INSEE
// code; arrows move in the list, Enter chooses, Escape closes.
function communeCombobox(container, { id, label, hint, initial, onChoose }) {
  container.innerHTML = `
    <div class="fr-input-group cs-combo" id="${id}-groupe">
      <label class="fr-label" for="${id}">${esc(label)}<span class="fr-hint-text">${esc(hint)}</span></label>
      <input class="fr-input" type="text" id="${id}" role="combobox" aria-autocomplete="list" aria-expanded="false"
             aria-controls="${id}-liste" autocomplete="off" spellcheck="false" value="${esc(initial?.label || '')}">
      <ul class="cs-combo__liste" id="${id}-liste" role="listbox" aria-label="Communes proposées" hidden></ul>
      <p class="fr-hint-text cs-combo__choix" id="${id}-choix" aria-live="polite">${initial?.code ? 'Commune choisie : ' + esc(initial.label) : ''}</p>
    </div>`;
  const input = $('#' + id, container);
  const list = $('#' + id + '-liste', container);
  const chosenText = $('#' + id + '-choix', container);
  let hits = [];
  let active = -1;
  let chosen = initial?.code ? { code: initial.code, label: initial.label } : null;
  let timer = null;
  let controller = null;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${i}`);
  };
  const choose = (i) => {
    const c = hits[i];
    if (!c) return;
    chosen = { code: c.code, label: `${c.nom} (${c.departement.code})`, commune: c };
    input.value = chosen.label;
    chosenText.textContent = `Commune choisie : ${c.nom}, code INSEE ${c.code}`;
    close();
    onChoose?.(chosen);
  };
  const zone = (c) => c.faits?.find((f) => f.champ === 'zonage.medecin')?.valeur;
  const render = () => {
    list.innerHTML = hits.map((c, i) => {
      const z = zone(c);
      return `<li role="option" id="${id}-opt-${i}" aria-selected="false" data-code="${esc(c.code)}">
        <span class="cs-combo__nom">${esc(c.nom)}</span> (${esc(c.departement.code)}) — ${esc(c.codes_postaux.join(', ') || 'sans code postal')} — INSEE ${esc(c.code)}${z ? ' — zonage médecins ' + esc(z) : ''}</li>`;
    }).join('') || '<li role="option" aria-disabled="true" aria-selected="false">Aucune commune trouvée</li>';
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };
  const search = async () => {
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    controller?.abort();
    controller = new AbortController();
    try {
      const date = state.situation.date ? `&date=${encodeURIComponent(state.situation.date)}` : '';
      const body = await fetch(`${API}/communes?q=${encodeURIComponent(q)}&limite=8${date}`, { signal: controller.signal }).then((r) => r.json());
      hits = body.communes || [];
      render();
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  };
  input.addEventListener('input', () => {
    chosen = null;
    chosenText.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) { search(); return; }
      highlight(Math.min(active + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0) { e.preventDefault(); choose(active); }
      else if (!list.hidden && hits.length === 1) { e.preventDefault(); choose(0); }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 200));
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('li[data-code]');
    if (li) choose([...list.children].indexOf(li));
  });
  return {
    input,
    chosen: () => chosen,
    // A typed INSEE code counts as a choice.
    async resolve() {
      if (chosen) return chosen;
      const q = input.value.trim();
      if (/^[0-9][0-9AB][0-9]{3}$/.test(q)) {
        try {
          const c = await api('/communes/' + encodeURIComponent(q));
          chosen = { code: c.code, label: `${c.nom} (${c.departement.code})`, commune: c };
          return chosen;
        } catch { return null; }
      }
      return null;
    },
  };
}

// ---------------------------------------------------------------- question form
let currentCombo = null;
let questionCounter = 0;

function inputFor(field) {
  const current = getPath(state.situation, field.chemin);
  if (field.chemin === 'commune') return '<div id="q-commune"></div>';
  if (field.type === 'bool' || (field.type === 'enum' && field.valeurs.length <= 6)) {
    const options = field.type === 'bool'
      ? [{ valeur: 'true', libelle: 'Oui' }, { valeur: 'false', libelle: 'Non' }]
      : field.valeurs;
    return options.map((o, i) => `
      <div class="fr-fieldset__element"><div class="fr-radio-group">
        <input type="radio" id="q-r${i}" name="q-radio" value="${esc(o.valeur)}" ${String(current) === o.valeur ? 'checked' : ''}>
        <label class="fr-label" for="q-r${i}">${esc(o.libelle)}</label>
      </div></div>`).join('');
  }
  let control;
  if (field.type === 'enum' || (field.type === 'text' && field.suggestions)) {
    const options = field.type === 'enum'
      ? field.valeurs
      : field.suggestions.map((s) => ({ valeur: s, libelle: SPECIALITES[s] || s }));
    control = `<select class="fr-select" id="q-input" name="q-input">
      <option value="" disabled ${current === undefined ? 'selected' : ''}>Choisissez</option>
      ${options.map((o) => `<option value="${esc(o.valeur)}" ${current === o.valeur ? 'selected' : ''}>${esc(o.libelle)}</option>`).join('')}
    </select>`;
  } else if (field.type === 'number' || field.type === 'integer') {
    control = `<input class="fr-input" type="text" inputmode="decimal" id="q-input" name="q-input" value="${current ?? ''}"
      aria-describedby="q-bornes">`;
  } else if (field.type === 'date') {
    control = `<input class="fr-input" type="date" id="q-input" name="q-input" value="${esc(current ?? '')}">`;
  } else {
    control = `<input class="fr-input" type="text" id="q-input" name="q-input" value="${esc(current ?? '')}">`;
  }
  const bounds = (field.min !== undefined || field.max !== undefined)
    ? `<span class="fr-hint-text" id="q-bornes">${field.type === 'integer' ? 'Nombre entier' : 'Nombre'}${field.min !== undefined ? ' à partir de ' + String(field.min).replace('.', ',') : ''}${field.max !== undefined ? ' jusqu\'à ' + String(field.max).replace('.', ',') : ''}.</span>` : '';
  return `<div class="fr-fieldset__element"><div class="fr-input-group" id="q-groupe">
    <label class="fr-label" for="q-input">${esc(field.libelle)}${bounds}</label>${control}</div></div>`;
}

function renderQuestion(next) {
  const form = $('#question');
  currentCombo = null;
  form.dataset.etape = String(++questionCounter);
  if (!next) {
    delete form.dataset.champ;
    form.innerHTML = `<div class="fr-alert fr-alert--success fr-alert--sm" id="q-fin">
      <p>Toutes les questions utiles ont une réponse${state.skipped.length ? ' (ou ont été passées)' : ''}. Les résultats ci-contre sont complets pour ce que vous avez indiqué.</p></div>`;
    return;
  }
  const { field, count } = next;
  const personal = field.personnel ? '<p class="fr-hint-text">Donnée personnelle : elle reste dans votre navigateur et dans l\'adresse de la page.</p>' : '';
  const why = count > 0 ? `<p class="fr-hint-text" id="q-pourquoi">Cette réponse décide de ${count} aide${count > 1 ? 's' : ''}.</p>` : '';
  form.dataset.champ = field.chemin;
  form.innerHTML = `
    <fieldset class="fr-fieldset" id="q-fieldset" aria-labelledby="q-legende" aria-describedby="q-messages">
      <legend class="fr-fieldset__legend" id="q-legende" tabindex="-1">${esc(field.question || field.libelle)}
        ${field.aide ? `<span class="fr-hint-text">${esc(field.aide)}</span>` : ''}</legend>
      ${inputFor(field)}
      <div class="fr-messages-group" id="q-messages" aria-live="assertive"></div>
    </fieldset>
    ${why}${personal}
    <ul class="fr-btns-group fr-btns-group--inline-sm">
      <li><button type="submit" class="fr-btn" id="q-valider">Valider</button></li>
      ${field.chemin === 'profession' ? '' : '<li><button type="button" class="fr-btn fr-btn--secondary" id="q-passer">Je ne sais pas, passer</button></li>'}
    </ul>`;
  if (field.chemin === 'commune') {
    const code = state.situation.commune;
    currentCombo = communeCombobox($('#q-commune'), {
      id: 'q-commune-saisie',
      label: 'Commune',
      hint: 'Nom, code postal ou code INSEE, puis choisissez dans la liste.',
      initial: code ? { code, label: state.communeLabel || code } : null,
    });
  }
  $('#q-passer')?.addEventListener('click', () => {
    if (!state.skipped.includes(field.chemin)) state.skipped.push(field.chemin);
    forced = null;
    writeUrl();
    refresh(true);
  });
}

function showQuestionError(message) {
  const box = $('#q-messages');
  if (!box) return;
  box.innerHTML = `<p class="fr-message fr-message--error" id="q-erreur">${esc(message)}</p>`;
  $('#q-fieldset')?.classList.add('fr-fieldset--error');
  $('#q-groupe')?.classList.add('fr-input-group--error');
  announce(message);
}

async function readAnswer(field) {
  if (field.chemin === 'commune') {
    const chosen = await currentCombo?.resolve();
    if (!chosen) return { error: 'Choisissez une commune dans la liste (tapez au moins deux lettres de son nom, son code postal ou son code INSEE).' };
    state.communeLabel = chosen.label;
    return { value: chosen.code };
  }
  const radio = document.querySelector('input[name="q-radio"]:checked');
  if (document.querySelector('input[name="q-radio"]')) {
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
  return { value: raw };
}

async function onSubmit(e) {
  e.preventDefault();
  const path = $('#question').dataset.champ;
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

// ---------------------------------------------------------------- recap
function renderRecap() {
  const answered = fields.filter((f) => f.chemin !== 'date' && getPath(state.situation, f.chemin) !== undefined);
  const box = $('#recapitulatif');
  if (!answered.length && !state.skipped.length) { box.innerHTML = ''; return; }
  box.innerHTML = `
    <h3 class="fr-h6 fr-mt-3w">Vos réponses</h3>
    <ul class="cs-recap">${answered.map((f) => `
      <li><span class="cs-recap__libelle">${esc(f.libelle)}</span> : <strong>${esc(valueText(f, getPath(state.situation, f.chemin)))}</strong>
        <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" data-modifier="${esc(f.chemin)}"
          aria-label="Modifier : ${esc(f.libelle)}">Modifier</button></li>`).join('')}
    </ul>
    ${state.skipped.length ? `<p class="fr-text--sm">Questions passées : ${state.skipped.map((s) => esc(labelOf(s))).join(', ')}.
      <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" id="reprendre">Y répondre</button></p>` : ''}`;
  box.querySelectorAll('[data-modifier]').forEach((b) => b.addEventListener('click', () => {
    forced = b.dataset.modifier;
    show(lastResult, true);
  }));
  $('#reprendre')?.addEventListener('click', () => { state.skipped = []; writeUrl(); refresh(true); });
}

// ---------------------------------------------------------------- results
function amountText(aid) {
  const m = aid.montant;
  if (!m) return '';
  if (m.non_chiffre) return 'Montant non chiffré par les sources';
  const parts = [];
  if (m.periodicite === 'unique') {
    if (m.total != null) {
      const n = (m.echeancier || []).length;
      parts.push(`${euros(m.total)}${n > 1 ? ` en ${n} versements` : ' (versement unique)'}`);
    }
  } else if (m.par_periode != null) {
    parts.push(`${euros(m.par_periode)} ${PERIOD[m.periodicite]}`);
    if (m.total != null) parts.push(`jusqu'à ${euros(m.total)} au total`);
  } else if (m.total != null) {
    parts.push(`${euros(m.total)} au total`);
  }
  if (!parts.length) {
    return m.manquants?.length ? `Montant à préciser (il manque : ${m.manquants.map(labelOf).join(', ')})` : 'Montant à préciser';
  }
  return parts.join(' — ');
}

// Where a quote comes from, as a person can look it up: the document's title
// and issuer (never its file name), or the official page and when it was read.
function sourceHtml(s) {
  const link = s.url ? `<a href="${esc(s.url)}" rel="noopener">${s.titre ? esc(s.titre) : esc(s.url)}</a>` : esc(s.titre || '');
  const who = s.emetteur ? ` — ${esc(s.emetteur)}` : '';
  const read = s.lu_le ? ` (lu le ${esc(s.lu_le)})` : '';
  const unofficial = s.officiel === false ? ' — source non officielle' : '';
  const where = link ? `${link}${who}${read}${unofficial}` : '';
  return `<blockquote class="cs-source"><p>« ${esc(s.extrait)} »</p>${where ? `<p class="cs-source__doc">${where}</p>` : ''}</blockquote>`;
}

function contactHtml(c) {
  if (!c) return '';
  const items = [`<strong>${esc(c.organisme)}</strong>`];
  if (c.telephone) items.push(`Téléphone : ${esc(c.telephone)}`);
  if (c.courriel) items.push(`Courriel : <a href="mailto:${esc(c.courriel)}">${esc(c.courriel)}</a>`);
  if (c.site) items.push(`Site : <a href="${esc(c.site)}" rel="noopener">${esc(c.site)}</a>`);
  if (c.adresse) items.push(`Adresse : ${esc(c.adresse)}`);
  if (c.note) items.push(esc(c.note));
  return `<p class="cs-contact">${items.join('<br>')}</p>`;
}

function cardHtml(aid, names) {
  const m = aid.montant;
  const schedule = (m?.echeancier || []).filter((p) => p.montant != null);
  const conditions = aid.conditions || [];
  const section = (title, body) => body ? `<details class="cs-details"><summary>${title}</summary>${body}</details>` : '';
  const closed = aid.statut === 'ferme' && aid.fenetre
    ? `<p class="cs-fenetre">Souscription fermée${aid.fenetre.fermeture ? ' depuis le ' + frenchDate(aid.fenetre.fermeture) : ''}${aid.fenetre.remplacee_par?.length ? ' ; remplacée par : ' + aid.fenetre.remplacee_par.map((id) => esc(names.get(id) || id)).join(', ') : ''}.</p>` : '';
  return `
  <article class="cs-carte cs-carte--${aid.statut}" id="aide-${esc(aid.id)}" data-id="${esc(aid.id)}" data-statut="${aid.statut}"
      ${m?.total != null ? `data-total="${m.total}"` : ''} ${m?.par_periode != null ? `data-par-periode="${m.par_periode}"` : ''}>
    <div class="cs-carte__tete">
      <h4 class="cs-carte__titre">${esc(aid.nom)}</h4>
      <p class="fr-badge fr-badge--sm ${BADGE[aid.statut]}">${STATUS_TITLE[aid.statut]}</p>
    </div>
    <p class="cs-carte__financeur">${esc(aid.financeur)} · identifiant ${esc(aid.id)}</p>
    ${m ? `<p class="cs-montant">${esc(amountText(aid))}</p>` : ''}
    ${(aid.avertissements || []).map((a) => `<p class="cs-avertissement fr-text--sm">⚠ ${esc(a)}</p>`).join('')}
    <p class="cs-carte__message">${esc(aid.message || aid.resume || '')}</p>
    ${closed}
    ${aid.manquants?.length ? `<p class="cs-manque">Il manque : ${aid.manquants.map((f) => esc(labelOf(f))).join(', ')}.</p>` : ''}
    ${section('Échéancier des versements', schedule.length ? `<ul class="cs-echeancier">${schedule.map((p) =>
      `<li>${p.date ? frenchDate(p.date) : `${p.mois_apres_debut} mois après le début`} : <strong>${euros(p.montant)}</strong> — ${esc(p.libelle)}</li>`).join('')}</ul>` : '')}
    ${section('Engagements', aid.engagements?.length ? `<ul>${aid.engagements.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '')}
    ${section(`Conditions (${conditions.filter((c) => c.statut === 'remplie').length} remplie(s) sur ${conditions.length})`, conditions.length ? `<ul class="cs-conditions">${conditions.map((c) =>
      `<li class="cs-condition--${c.statut}"><span class="cs-condition__marque" aria-hidden="true">${CONDITION_MARK[c.statut]}</span>
        <span class="cs-condition__statut">${CONDITION_TEXT[c.statut]} :</span> ${esc(c.texte)}${c.note ? ` <em>(${esc(c.note)})</em>` : ''}
        ${c.source ? sourceHtml(c.source) : ''}</li>`).join('')}</ul>` : '')}
    ${section('Incompatibilités', aid.incompatible_avec?.length ? `<p>Non cumulable avec : ${aid.incompatible_avec.map((id) => esc(names.get(id) || id)).join(' ; ')}.</p>` : '')}
    ${section('Sources', (aid.sources || []).map(sourceHtml).join('') + (aid.informations || []).map((i) => `<p class="fr-text--sm">À savoir : ${esc(i.texte)}</p>`).join(''))}
    ${section('Contact', contactHtml(aid.contact))}
  </article>`;
}

// Expected payments per year for the eligible aids (SVG bar chart).
function timelineHtml(result) {
  const years = new Map();
  for (const aid of result.aides) {
    if (aid.statut !== 'eligible') continue;
    for (const p of aid.montant?.echeancier || []) {
      if (!p.date || p.montant == null) continue;
      const y = Number(p.date.slice(0, 4));
      if (!years.has(y)) years.set(y, new Map());
      const perAid = years.get(y);
      perAid.set(aid.nom, (perAid.get(aid.nom) || 0) + p.montant);
    }
  }
  if (!years.size) return '';
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const all = [];
  for (let y = first; y <= last; y++) all.push(y);
  const totals = all.map((y) => [...(years.get(y)?.values() || [])].reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const W = 640, H = 240, left = 20, bottom = 40, top = 30;
  const slot = (W - left * 2) / all.length;
  const barW = Math.min(80, slot * 0.6);
  const bars = all.map((y, i) => {
    const h = Math.round(((H - bottom - top) * totals[i]) / max);
    const x = left + i * slot + (slot - barW) / 2;
    const yTop = H - bottom - h;
    return `<g class="cs-frise__annee" data-annee="${y}" data-montant="${totals[i]}">
      <rect x="${x.toFixed(1)}" y="${yTop}" width="${barW.toFixed(1)}" height="${h}" class="cs-frise__barre"><title>${y} : ${euros(totals[i])}</title></rect>
      <text x="${(x + barW / 2).toFixed(1)}" y="${yTop - 8}" text-anchor="middle" class="cs-frise__montant">${totals[i] ? euros(totals[i]) : ''}</text>
      <text x="${(x + barW / 2).toFixed(1)}" y="${H - bottom + 22}" text-anchor="middle" class="cs-frise__label">${y}</text>
    </g>`;
  }).join('');
  const total = totals.reduce((a, b) => a + b, 0);
  const label = `Versements attendus des aides éligibles, par année : ${all.map((y, i) => `${y} : ${euros(totals[i])}`).join(' ; ')}. Total ${euros(total)}.`;
  return `
    <h3 class="fr-h6 fr-mt-3w" id="titre-frise">Versements attendus, année par année</h3>
    <svg class="cs-frise" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="titre-frise frise-desc" focusable="false">
      <desc id="frise-desc">${esc(label)}</desc>
      <line x1="${left}" y1="${H - bottom}" x2="${W - left}" y2="${H - bottom}" class="cs-frise__axe"></line>
      ${bars}
    </svg>
    <details class="cs-details"><summary>Voir les versements en tableau</summary>
      <table class="cs-table"><caption class="fr-sr-only">Versements attendus par année et par aide</caption>
        <thead><tr><th scope="col">Année</th><th scope="col">Aide</th><th scope="col">Montant</th></tr></thead>
        <tbody>${all.flatMap((y) => [...(years.get(y) || new Map())].map(([nom, v]) =>
          `<tr><td>${y}</td><td>${esc(nom)}</td><td>${euros(v)}</td></tr>`)).join('')}</tbody>
      </table></details>`;
}

function renderResults(result) {
  const names = new Map(result.aides.map((a) => [a.id, a.nom]));
  const groups = Object.fromEntries(STATUS_ORDER.map((s) => [s, []]));
  for (const aid of result.aides) groups[aid.statut]?.push(aid);
  const r = result.resume;
  const commune = result.commune
    ? `<p>Commune : <strong>${esc(result.commune.nom)}</strong> (${esc(result.commune.code)})${result.commune.zonage?.medecin ? ` — zonage médecins : <strong>${esc(result.commune.zonage.medecin)}</strong>` : ''}.</p>` : '';
  const pending = (result.faits || []).filter((f) => f.origine === 'a_confirmer');
  $('#synthese').innerHTML = `
    <p id="synthese-texte">Au ${frenchDate(result.date)}${result.date_par_defaut ? ' (aujourd\'hui)' : ''} :
      <strong>${r.eligible}</strong> aide(s) éligible(s), <strong>${r.a_preciser}</strong> à préciser,
      ${r.non_eligible} non éligible(s), ${r.ferme} fermée(s).</p>
    ${commune}
    ${pending.length ? `<p class="fr-text--sm">À confirmer pour l'adresse : ${pending.map((f) => esc(labelOf(f.champ))).join(', ')}.</p>` : ''}`;
  $('#frise').innerHTML = timelineHtml(result);
  $('#groupes').innerHTML = STATUS_ORDER.filter((s) => groups[s].length).map((s) => {
    const cards = groups[s].map((a) => cardHtml(a, names)).join('');
    const title = `${GROUP_TITLE[s]} (${groups[s].length})`;
    if (s === 'non_eligible' || s === 'ferme') {
      return `<section class="cs-groupe" id="groupe-${s}" aria-label="${esc(title)}">
        <details class="cs-details cs-details--groupe"><summary><h3 class="fr-h6 cs-inline">${esc(title)}</h3></summary>${cards}</details></section>`;
    }
    return `<section class="cs-groupe" id="groupe-${s}" aria-labelledby="titre-groupe-${s}">
      <h3 class="fr-h5" id="titre-groupe-${s}">${esc(title)}</h3>${cards}</section>`;
  }).join('');
  renderPrintSummary();
}

function renderPrintSummary() {
  const answered = fields.filter((f) => getPath(state.situation, f.chemin) !== undefined);
  $('#resume-impression').innerHTML = `<p><strong>Situation :</strong> ${answered.map((f) =>
    `${esc(f.libelle)} : ${esc(valueText(f, getPath(state.situation, f.chemin)))}`).join(' ; ') || 'aucune réponse'}.</p>`;
}

// ---------------------------------------------------------------- comparison
const combos = [];
function renderComparisonForm() {
  const box = $('#champs-comparaison');
  box.innerHTML = [0, 1, 2].map((i) => `<div class="fr-col-12 fr-col-md-4" id="cmp-${i}"></div>`).join('');
  combos.length = 0;
  for (let i = 0; i < 3; i++) {
    const code = state.compare[i];
    combos.push(communeCombobox($('#cmp-' + i), {
      id: `cmp-commune-${i + 1}`,
      label: `Commune ${i + 1}${i === 2 ? ' (facultative)' : ''}`,
      hint: 'Nom, code postal ou code INSEE',
      initial: code ? { code, label: code } : null,
    }));
  }
}

async function onCompare(e) {
  e.preventDefault();
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
    return;
  }
  state.compare = chosen.map((c) => c.code);
  writeUrl();
  const out = $('#tableau-comparaison');
  out.innerHTML = '<p>Calcul en cours…</p>';
  try {
    const body = await api('/comparer', {
      method: 'POST',
      body: JSON.stringify({ situation: state.situation, communes: state.compare, annees: HORIZON_YEARS, explications: false }),
    });
    out.innerHTML = comparisonTable(body);
    announce(`Comparaison prête : ${body.communes.map((c) => `${c.nom} ${euros(c.total)}`).join(', ')}.`);
  } catch (ex) {
    out.innerHTML = '';
    err.textContent = ex.message;
    err.classList.remove('fr-hidden');
  }
}

function comparisonCell(aid) {
  if (!aid) return '—';
  switch (aid.statut) {
    case 'eligible': return `Éligible${aid.montant && !aid.montant.non_chiffre ? ' : ' + esc(amountText(aid)) : ''}`;
    case 'a_preciser': return 'À préciser';
    case 'ferme': return 'Fermée';
    default: return 'Non éligible';
  }
}

function comparisonTable(body) {
  const cols = body.communes;
  const ids = cols[0].resultat.aides
    .filter((a, i) => cols.some((c) => ['eligible', 'a_preciser'].includes(c.resultat.aides[i]?.statut)))
    .map((a) => a.id);
  const find = (c, id) => c.resultat.aides.find((a) => a.id === id);
  return `
  <div class="fr-table fr-table--bordered"><table id="table-comparaison">
    <caption>Comparaison au ${frenchDate(body.date)}, total sur ${body.annees} ans des aides éligibles cumulables</caption>
    <thead><tr><th scope="col">Aide</th>${cols.map((c) => `<th scope="col" data-code="${esc(c.code)}">${esc(c.nom)} (${esc(c.code)})</th>`).join('')}</tr></thead>
    <tbody>
      <tr><th scope="row">Total sur ${body.annees} ans</th>${cols.map((c) => `<td class="cs-cmp-total" data-total="${c.total}"><strong>${euros(c.total)}</strong></td>`).join('')}</tr>
      <tr><th scope="row">Zonage médecins</th>${cols.map((c) => `<td>${esc(c.zonages?.medecin ?? 'inconnu')}</td>`).join('')}</tr>
      ${'profession' in (cols[0].zonages || {}) ? `<tr><th scope="row">Zonage de la profession</th>${cols.map((c) => `<td>${esc(c.zonages.profession ?? 'inconnu')}</td>`).join('')}</tr>` : ''}
      ${ids.map((id) => `<tr><th scope="row">${esc(find(cols[0], id).nom)}</th>${cols.map((c) => `<td>${comparisonCell(find(c, id))}</td>`).join('')}</tr>`).join('')}
    </tbody></table></div>`;
}

// ---------------------------------------------------------------- main loop
function show(result, moveFocus) {
  lastResult = result;
  if (result) renderResults(result);
  const next = nextQuestion(result);
  renderQuestion(next);
  renderRecap();
  if (result) {
    const r = result.resume;
    announce(`${r.eligible} aide(s) éligible(s), ${r.a_preciser} à préciser.${next ? ' Question suivante : ' + (next.field.question || next.field.libelle) : ' Questionnaire terminé.'}`);
  }
  if (moveFocus) ($('#q-legende') || $('#q-fin') || $('#resultats'))?.focus();
}

async function refresh(moveFocus) {
  const seq = ++simulateSeq;
  if (state.situation.profession === undefined) {
    lastResult = null;
    $('#synthese').innerHTML = '<p>Commencez par indiquer votre profession.</p>';
    $('#frise').innerHTML = '';
    $('#groupes').innerHTML = '';
    renderQuestion(nextQuestion(null));
    renderRecap();
    if (moveFocus) $('#q-legende')?.focus();
    return;
  }
  try {
    const result = await simulate(state.situation);
    if (seq === simulateSeq) show(result, moveFocus);
  } catch (err) {
    // A shared address may hold a field that no longer exists: say which.
    $('#synthese').innerHTML = `<div class="fr-alert fr-alert--error fr-alert--sm"><p>${esc(err.message)}</p></div>`;
    if (err.field && getPath(state.situation, err.field) !== undefined) {
      forced = err.field;
      renderQuestion(nextQuestion(null));
    }
  }
}

async function main() {
  const schema = await api('/schema');
  flatten(schema.champs);
  readUrl();
  $('#date-simulation').value = state.situation.date || '';
  $('#date-simulation').addEventListener('change', (e) => {
    const v = e.target.value;
    if (v) state.situation.date = v; else delete state.situation.date;
    writeUrl();
    refresh(false);
  });
  $('#question').addEventListener('submit', onSubmit);
  $('#form-comparaison').addEventListener('submit', onCompare);
  $('#recommencer').addEventListener('click', () => {
    state.situation = {};
    state.skipped = [];
    state.compare = [];
    state.communeLabel = '';
    forced = null;
    $('#date-simulation').value = '';
    writeUrl();
    renderComparisonForm();
    $('#tableau-comparaison').innerHTML = '';
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
  window.addEventListener('hashchange', () => { readUrl(); refresh(false); });
  renderComparisonForm();
  await refresh(false);
  document.body.dataset.pret = 'oui';
}

main().catch((err) => {
  $('#synthese').innerHTML = `<div class="fr-alert fr-alert--error"><p>Le simulateur ne répond pas : ${esc(err.message)}</p></div>`;
});
