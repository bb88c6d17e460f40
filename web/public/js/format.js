// Numbers and dates as a French reader expects them.
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });
export const euros = (x) => euroFormat.format(x);

export function frenchDate(iso) {
  return new Date(iso + 'T00:00:00Z').toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
export function shortDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// "jj/mm/aaaa" (also "j/m/aaaa", "jj-mm-aaaa", "jj.mm.aaaa") or ISO "aaaa-mm-jj"
// → ISO, or null. Read in French order whatever the browser's locale.
export function parseFrenchDate(text) {
  const t = String(text || '').trim();
  let y, m, d;
  let match = t.match(/^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/);
  if (match) [, d, m, y] = match.map(Number);
  else if ((match = t.match(/^(\d{4})-(\d{2})-(\d{2})$/))) [, y, m, d] = match.map(Number);
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;
export const decimal = (x) => String(x).replace('.', ',');
