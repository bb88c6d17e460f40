// One vocabulary: every field and value label comes from the API's schema
// (catalog/situation.yaml). The page never shows a raw field path or value.
export const fields = [];     // askable fields, flattened, in schema order
export const byPath = new Map();
const objects = new Map();    // object fields (cabinet_secondaire, …) by path

// Labels are lower-case in the schema (they also sit inside sentences); the
// page shows them as headings and choices, capitalized.
export const capitalized = (t) => (t ? t[0].toLocaleUpperCase('fr-FR') + t.slice(1) : t);

export function loadSchema(schema) {
  const walk = (list) => {
    for (const f of list) {
      f.libelle = capitalized(f.libelle);
      for (const v of f.valeurs || []) v.libelle = capitalized(v.libelle);
      if (f.type === 'list') continue; // trainees, contracts: not asked here
      if (f.type === 'object') { objects.set(f.chemin, f); walk(f.champs || []); continue; }
      fields.push(f);
      byPath.set(f.chemin, f);
    }
  };
  walk(schema.champs);
}

export const objectOf = (path) => objects.get(path.split('.').slice(0, -1).join('.'));

// The label of a field, never its path: an unknown path gets a neutral word.
export function labelOf(path) {
  return byPath.get(path)?.libelle || objects.get(path)?.libelle || 'une information';
}

// The label of a value of a field (enums, booleans, specialties, numbers).
export function valueLabel(path, v) {
  const f = byPath.get(path);
  if (v === null || v === undefined) return 'inconnu';
  if (!f) return typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v);
  if (f.type === 'bool') return v === true || v === 'true' ? 'Oui' : 'Non';
  const options = f.valeurs || f.suggestions_libelles;
  const hit = options?.find((x) => x.valeur === String(v));
  if (hit) return hit.libelle;
  if (f.type === 'number' || f.type === 'integer') return String(v).replace('.', ',');
  return String(v);
}

// Words a person reads for statuses (the page's own texts, in one place).
export const STATUS = {
  eligible: { titre: 'Éligible', groupe: 'Aides auxquelles vous êtes éligible', badge: 'fr-badge--success' },
  a_preciser: { titre: 'À préciser', groupe: 'Aides à préciser', badge: 'fr-badge--info' },
  non_eligible: { titre: 'Non éligible', groupe: 'Aides auxquelles vous n\'êtes pas éligible', badge: 'fr-badge--error' },
  ferme: { titre: 'Fermée', groupe: 'Aides fermées à la souscription', badge: 'fr-badge--warning' },
};
export const STATUS_ORDER = ['eligible', 'a_preciser', 'non_eligible', 'ferme'];
export const CONDITION = {
  remplie: { texte: 'Remplie', marque: '✓' },
  non_remplie: { texte: 'Non remplie', marque: '✗' },
  inconnue: { texte: 'À préciser', marque: '?' },
};
export const PERIOD = { unique: 'versement unique', annuel: 'par an', mensuel: 'par mois' };
