// What the journeys do to the page, as a person would: open it, answer the
// questions, choose communes, read cards. Shared by web/tests/run.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { assert, repoRoot } from './harness.mjs';

const home = process.env.CAPSANTE_HOME || repoRoot;
const sourcesText = readdirSync(path.join(home, 'sources'), { recursive: true })
  .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
  .map((f) => readFileSync(path.join(home, 'sources', f), 'utf8'))
  .join('\n')
  .replace(/[\u00a0\u202f]/g, ' ')
  .replace(/\s+/g, ' ');

export const norm = (s) => String(s).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

// The amount as a source writes it ("10 000 €") must be in a source document.
export function assertInSources(text) {
  assert(sourcesText.includes(norm(text)), `« ${text} » n'apparaît dans aucun document source`);
}

export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-pret="oui"]');
  page.errors = errors;
  return page;
}

export const stepOf = (page) => page.$eval('#question', (f) => Number(f.dataset.etape || 0));
export async function waitNext(page, previous) {
  await page.waitForFunction((p) => Number(document.querySelector('#question').dataset.etape || 0) > p
    || document.querySelector('#q-erreur'), previous);
  const error = await page.$('#q-erreur');
  if (error) throw new Error('erreur affichée : ' + (await error.textContent()));
}

// The group whose yes/no opener is asked, or null.
export const gateOf = (page) => page.$eval('#question', (f) => f.dataset.gate || null);

// Moves past the question asked: a yes/no opener is answered `gateAnswer`,
// any other question is passed (« Je ne sais pas, passer »).
export async function passQuestion(page, gateAnswer) {
  const previous = await stepOf(page);
  if (await gateOf(page)) {
    await page.locator('#question label').getByText(gateAnswer, { exact: true }).click();
    await page.click('#q-valider');
  } else {
    await page.click('#q-passer');
  }
  await waitNext(page, previous);
}

export async function chooseCommune(page, inputSelector, commune) {
  await page.fill(inputSelector, '');
  await page.type(inputSelector, commune.query, { delay: 15 });
  const option = page.locator(`${inputSelector}-liste li[data-code="${commune.code}"]`);
  await option.waitFor();
  await option.click();
}

// Answers the questions the page asks, in its order, from `answers`
// (field → label of the choice, or text typed); yes/no openers of a group
// (secondary office…) are answered from `answers['?' + group]`, « Non » by
// default; any other question is passed. Returns the fields asked.
export async function fillQuestionnaire(page, answers, maxSteps = 45) {
  const asked = [];
  for (let i = 0; i < maxSteps; i++) {
    if (await page.$('#q-fin')) return asked;
    const field = await page.$eval('#question', (f) => f.dataset.champ);
    const gate = await page.$eval('#question', (f) => f.dataset.gate || null);
    asked.push(gate ? `?${gate}` : field);
    const previous = await stepOf(page);
    if (gate) {
      await page.locator('#question label').getByText(answers[`?${gate}`] || 'Non', { exact: true }).click();
      await page.click('#q-valider');
      await waitNext(page, previous);
      continue;
    }
    if (!(field in answers)) {
      await page.click('#q-passer');
      await waitNext(page, previous);
      continue;
    }
    const v = answers[field];
    if (await page.$('#q-commune-saisie')) {
      await chooseCommune(page, '#q-commune-saisie', v);
    } else if (await page.$('#question input[name="q-radio"]')) {
      await page.locator('#question label').getByText(v, { exact: true }).click();
    } else if (await page.$('#question select#q-input')) {
      await page.selectOption('#q-input', { label: v });
    } else {
      await page.fill('#q-input', v);
    }
    await page.click('#q-valider');
    await waitNext(page, previous);
  }
  throw new Error('le questionnaire ne se termine pas : ' + asked.join(', '));
}

export async function card(page, id) {
  const el = page.locator(`#aide-${id}`);
  await el.waitFor({ state: 'attached' });
  // Optional parts are read only when present: a locator on a missing element
  // would wait for it until Playwright's 30 s timeout.
  const optional = async (selector, read) => ((await el.locator(selector).count()) ? read(el.locator(selector).first()) : null);
  return {
    statut: await el.getAttribute('data-statut'),
    total: await el.getAttribute('data-total'),
    parPeriode: await el.getAttribute('data-par-periode'),
    montant: norm((await optional('.cs-montant', (l) => l.textContent())) ?? ''),
    raison: norm(await el.locator('.cs-raison').textContent()),
    choix: await optional('.cs-choix', (l) => l.getAttribute('data-choix')),
    text: norm(await el.textContent()),
  };
}

// Types a date in French order, as a person would, and waits for the address.
export async function setDate(page, french) {
  const [d, m, y] = french.split('/');
  await page.fill('#date-simulation', french);
  await page.press('#date-simulation', 'Tab');
  await page.waitForFunction((iso) => location.hash.includes(encodeURIComponent(`"date":"${iso}"`)), `${y}-${m}-${d}`);
}

// No raw field path, enum value, aid identifier or file name in what a person
// reads: `vocabulary` comes from the API's schema and the catalog.
export async function assertNoRawNames(page, vocabulary) {
  const text = await page.evaluate(() => document.body.innerText);
  const found = [];
  for (const word of vocabulary) if (new RegExp(`(^|[^\\p{L}\\d_.])${word.replace(/[.]/g, '\\.')}($|[^\\p{L}\\d_])`, 'u').test(text)) found.push(word);
  if (/\b\d{3}_[0-9a-f]{16}\.txt\b/.test(text)) found.push('nom de fichier source');
  if (/\^\{|\*\*/.test(text)) found.push('balisage dans une citation');
  assert(!found.length, `noms internes visibles : ${found.join(', ')}`);
}

// Every field path and enum value with an underscore or a dot (what a person
// could not read), and every aid identifier that is not a French word.
export async function internalVocabulary(serverUrl) {
  const schema = await (await fetch(serverUrl + '/api/v1/schema')).json();
  const words = new Set();
  const walk = (list) => {
    for (const f of list) {
      if (f.chemin.includes('_') || f.chemin.includes('.')) words.add(f.chemin);
      for (const v of f.valeurs || []) if (/_/.test(v.valeur)) words.add(v.valeur);
      if (f.champs) walk(f.champs);
    }
  };
  walk(schema.champs);
  const aids = await (await fetch(serverUrl + '/api/v1/aides')).json();
  for (const a of (Array.isArray(aids) ? aids : aids.aides) || []) if (a.id.includes('_')) words.add(a.id);
  return [...words];
}
