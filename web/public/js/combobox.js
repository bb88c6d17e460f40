// Commune autocomplete, WAI-ARIA 1.2 combobox: type a name, a postal code or
// an INSEE code; arrows move in the list, Enter chooses, Escape closes.
import { searchCommunes, getCommune } from './api.js';
import { h, fill, $ } from './dom.js';
import { valueLabel } from './vocab.js';

export function communeCombobox(container, { id, label, hint, initial, date, onChoose }) {
  const input = h('input', {
    class: 'fr-input', type: 'text', id, role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': `${id}-liste`, autocomplete: 'off', spellcheck: 'false', value: initial?.label || '',
  });
  const list = h('ul', { class: 'cs-combo__liste', id: `${id}-liste`, role: 'listbox', 'aria-label': 'Communes proposées', hidden: true });
  const chosenText = h('p', { class: 'fr-hint-text cs-combo__choix', id: `${id}-choix`, 'aria-live': 'polite' },
    initial?.code ? `Commune choisie : ${initial.label}` : '');
  fill(container, h('div', { class: 'fr-input-group cs-combo', id: `${id}-groupe` },
    h('label', { class: 'fr-label', for: id }, label, h('span', { class: 'fr-hint-text' }, hint)),
    input, list, chosenText));

  let hits = [];
  let active = -1;
  let chosen = initial?.code ? { code: initial.code, label: initial.label } : null;
  let timer = null;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${i}`);
  };
  const describe = (c) => ({ code: c.code, label: `${c.nom} (${c.departement.code})`, commune: c });
  const choose = (i) => {
    const c = hits[i];
    if (!c) return;
    chosen = describe(c);
    input.value = chosen.label;
    chosenText.textContent = `Commune choisie : ${c.nom}, code INSEE ${c.code}`;
    close();
    onChoose?.(chosen);
  };
  const zone = (c) => c.faits?.find((f) => f.champ === 'zonage.medecin')?.valeur;
  const render = () => {
    const items = hits.map((c, i) => {
      const z = zone(c);
      return h('li', { role: 'option', id: `${id}-opt-${i}`, 'aria-selected': 'false', 'data-code': c.code },
        h('span', { class: 'cs-combo__nom' }, c.nom), ` (${c.departement.code}) — `,
        c.codes_postaux.join(', ') || 'sans code postal', ` — INSEE ${c.code}`,
        z ? ` — zonage médecins : ${valueLabel('zonage.medecin', z)}` : '');
    });
    fill(list, items.length ? items : h('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, 'Aucune commune trouvée'));
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
      const body = await searchCommunes(q, date?.(), controller.signal);
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
        try { chosen = describe(await getCommune(q, date?.())); return chosen; } catch { return null; }
      }
      return null;
    },
  };
}
