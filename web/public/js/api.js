// The JSON API client. Errors carry the API's French message and the field.
const API = '/api/v1';

export async function api(path, options = {}) {
  const res = await fetch(API + path, { headers: { 'Content-Type': 'application/json' }, ...options });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const err = new Error(body?.erreur || `Le serveur a répondu par une erreur (${res.status}).`);
    err.field = body?.champ || null;
    err.status = res.status;
    throw err;
  }
  return body;
}

const post = (path, body, signal) => api(path, { method: 'POST', body: JSON.stringify(body), signal });

export const getSchema = () => api('/schema');
export const simulate = (situation) => post('/simulate', situation);
export const compare = (situation, communes, annees) => post('/comparer', { situation, communes, annees, explications: false });
export const rank = (request) => post('/classement', request);
export const getCommune = (code, date) =>
  api(`/communes/${encodeURIComponent(code)}?historique=1${date ? `&date=${encodeURIComponent(date)}` : ''}`);
export function searchCommunes(q, date, signal) {
  const d = date ? `&date=${encodeURIComponent(date)}` : '';
  return fetch(`${API}/communes?q=${encodeURIComponent(q)}&limite=8${d}`, { signal }).then((r) => r.json());
}
export const plan = (situation, horizon) => post('/plan', { situation, horizon });
export async function listAids() {
  const body = await api('/aides');
  return Array.isArray(body) ? body : body.aides || [];
}
