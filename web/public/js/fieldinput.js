// A small labelled input for one field, used where questions are answered in
// place (the comparison). Same reading rules as the questionnaire.
import { h } from './dom.js';
import { parseFrenchDate } from './format.js';
import { byPath } from './vocab.js';

let seq = 0;

export function fieldInput(path) {
  const f = byPath.get(path);
  const id = `champ-${++seq}`;
  let input;
  if (f.type === 'bool' || f.type === 'enum' || (f.type === 'text' && f.suggestions)) {
    const options = f.type === 'bool'
      ? [{ valeur: 'true', libelle: 'Oui' }, { valeur: 'false', libelle: 'Non' }]
      : f.valeurs || f.suggestions.map((s) => ({ valeur: s, libelle: s }));
    input = h('select', { class: 'fr-select', id, 'data-champ': path },
      h('option', { value: '', selected: true }, 'Choisissez'),
      options.map((o) => h('option', { value: o.valeur }, o.libelle)));
  } else {
    input = h('input', { class: 'fr-input', type: 'text', id, 'data-champ': path,
      inputmode: f.type === 'number' || f.type === 'integer' ? 'decimal' : null,
      placeholder: f.type === 'date' ? 'jj/mm/aaaa' : null });
  }
  const element = h('div', { class: 'fr-input-group cs-champ-en-place' },
    h('label', { class: 'fr-label', for: id }, f.question || f.libelle), input);
  // The value typed, { value } or { error } in French, or {} when left empty.
  const read = () => {
    const raw = input.value.trim();
    if (!raw) return {};
    if (f.type === 'bool') return { value: raw === 'true' };
    if (f.type === 'number' || f.type === 'integer') {
      const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
      if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) return { error: `${f.libelle} : indiquez un nombre.` };
      return { value: n };
    }
    if (f.type === 'date') {
      const iso = parseFrenchDate(raw);
      return iso ? { value: iso } : { error: `${f.libelle} : indiquez une date au format jj/mm/aaaa.` };
    }
    return { value: raw };
  };
  return { element, input, read, path };
}
