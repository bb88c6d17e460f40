// The user's work lives in the address, after '#', and is never sent to the
// server: s= the situation (JSON), passe= skipped questions, comparer= the
// communes compared, commune_nom= the chosen commune's name, vue= and
// perimetre= the ranking view, ouvert= the yes/no groups answered yes. Links shared in this format keep opening.
export const state = {
  situation: {},
  skipped: [],
  compare: [],
  communeLabel: '',
  view: 'simulation',     // or 'classement', 'plan'
  scope: '',              // ranking scope: 'departement:36', 'region:24', 'france'
  opened: [],             // groups the user said yes to (secondary office, …)
};

const STATE_KEYS = ['s', 'passe', 'comparer', 'commune_nom', 'vue', 'perimetre', 'ouvert'];

// True when the hash holds a simulation (as opposed to an in-page anchor).
export function hashHoldsState(hash = location.hash) {
  const params = new URLSearchParams(hash.slice(1));
  return STATE_KEYS.some((k) => params.has(k));
}

export function readUrl() {
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
  state.view = ['classement', 'plan'].includes(params.get('vue')) ? params.get('vue') : 'simulation';
  state.scope = params.get('perimetre') || '';
  state.opened = (params.get('ouvert') || '').split(',').filter(Boolean);
}

export function writeUrl() {
  const params = new URLSearchParams();
  params.set('s', JSON.stringify(state.situation));
  if (state.skipped.length) params.set('passe', state.skipped.join(','));
  if (state.compare.length) params.set('comparer', state.compare.join(','));
  if (state.communeLabel && state.situation.commune) params.set('commune_nom', state.communeLabel);
  if (state.view !== 'simulation') params.set('vue', state.view);
  if (state.scope) params.set('perimetre', state.scope);
  if (state.opened.length) params.set('ouvert', state.opened.join(','));
  history.replaceState(null, '', '#' + params.toString());
}

export function resetState() {
  Object.assign(state, { situation: {}, skipped: [], compare: [], communeLabel: '', view: 'simulation', scope: '', opened: [] });
}

export function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
export function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k];
  }
  o[keys[keys.length - 1]] = value;
}
export function deletePath(obj, path) {
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

// In-page links (skip links, "voir les résultats") move focus and scroll
// without touching the address, so the simulation in it is never lost.
export function keepStateOnInPageLinks() {
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#"]');
    if (!a || e.defaultPrevented) return;
    const id = a.getAttribute('href').slice(1);
    if (!id || id.includes('=')) return;
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  });
}
