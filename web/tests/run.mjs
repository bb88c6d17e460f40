// Journeys through the web page in Debian's Chromium (playwright-core), each
// filling the form as a person would, checking the amounts shown against the
// source documents, and saving a screenshot under web/tests/screenshots/.
// Usage: node web/tests/run.mjs   (after the build and `npm ci --prefix web`)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  assert, assertEqual, launchBrowser, repoRoot, runTests, startServer, stopServer,
} from './harness.mjs';

// Skipped only when asked (docs/testing.md): otherwise a missing browser or
// playwright-core fails the test with the reason.
if (`,${process.env.CAPSANTE_SKIP_TESTS || ''},`.match(/,(browser|all),/)) {
  console.log(`SKIP (CAPSANTE_SKIP_TESTS=${process.env.CAPSANTE_SKIP_TESTS}) : tests de la page web dans Chromium`);
  process.exit(77);
}

const shots = path.join(repoRoot, 'web/tests/screenshots');
mkdirSync(shots, { recursive: true });
const home = process.env.CAPSANTE_HOME || repoRoot;
const sourcesText = readdirSync(path.join(home, 'sources'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(home, 'sources', f), 'utf8'))
  .join('\n')
  .replace(/[\u00a0\u202f]/g, ' ');

const norm = (s) => String(s).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
// The amount as the sources write it ("10 000 €") must be in a source document.
function assertInSources(amountText) {
  assert(sourcesText.includes(amountText), `« ${amountText} » n'apparaît dans aucun document source`);
}
// Expected amounts come from the quoted sentences of tests/source_expectations.json
// (`citations`), each checked against its document: never from the CLI's output.
const { citations } = JSON.parse(readFileSync(path.join(repoRoot, 'tests/source_expectations.json'), 'utf8'));
function cited(id) {
  const c = citations[id];
  assert(c, `citation inconnue ${id}`);
  const doc = norm(readFileSync(path.join(home, 'sources', c.document), 'utf8'));
  assert(doc.includes(norm(c.extrait)), `${id} : extrait introuvable dans ${c.document} : « ${c.extrait} »`);
  return c.montants;
}

// Communes whose doctors' zoning is still confirmed in 2026 (Normandie: no newer
// ARS decree known, see data/arretes_zonage.tsv); Nevers and Châteauroux are
// "à confirmer" from their regions' 2025-2026 zonings on.
const ALENCON = { query: 'Alençon', code: '61001' }; // ZIP
const EVREUX = { query: 'Évreux', code: '27229' };   // ZAC
const GUERET = { query: 'Guéret', code: '23096' };           // physiotherapists: très sous-dotée (very under-served)

let server;
let browser;

async function openPage() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + '/');
  await page.waitForSelector('body[data-pret="oui"]');
  page.errors = errors;
  return page;
}

const stepOf = (page) => page.$eval('#question', (f) => Number(f.dataset.etape || 0));
async function waitNext(page, previous) {
  await page.waitForFunction((p) => Number(document.querySelector('#question').dataset.etape || 0) > p
    || document.querySelector('#q-erreur'), previous);
  const error = await page.$('#q-erreur');
  if (error) throw new Error('erreur affichée : ' + (await error.textContent()));
}

async function chooseCommune(page, inputSelector, commune) {
  await page.fill(inputSelector, '');
  await page.type(inputSelector, commune.query, { delay: 15 });
  const option = page.locator(`${inputSelector}-liste li[data-code="${commune.code}"]`);
  await option.waitFor();
  await option.click();
}

// Answers the questions the page asks, in its order, from `answers`
// (field → label of the choice, or text typed); any other question is passed
// with « Je ne sais pas, passer ». Returns the fields asked.
async function fillQuestionnaire(page, answers, maxSteps = 45) {
  const asked = [];
  for (let i = 0; i < maxSteps; i++) {
    if (await page.$('#q-fin')) return asked;
    const field = await page.$eval('#question', (f) => f.dataset.champ);
    asked.push(field);
    const previous = await stepOf(page);
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

async function card(page, id) {
  const el = page.locator(`#aide-${id}`);
  await el.waitFor({ state: 'attached' });
  return {
    statut: await el.getAttribute('data-statut'),
    total: await el.getAttribute('data-total'),
    parPeriode: await el.getAttribute('data-par-periode'),
    montant: norm(await el.locator('.cs-montant').textContent().catch(() => '')),
    text: norm(await el.textContent()),
  };
}

async function setDate(page, iso) {
  await page.fill('#date-simulation', iso);
  await page.waitForFunction((d) => location.hash.includes(encodeURIComponent(`"date":"${d}"`)), iso);
}

const GP = {
  profession: 'Médecin',
  commune: ALENCON,
  specialite: 'Médecine générale',
  mode_exercice: 'Libéral',
  secteur: 'Secteur 1',
  premiere_installation_liberale: 'Oui',
  jours_par_semaine: '4',
  exercice_coordonne: 'Maison de santé pluriprofessionnelle (MSP)',
  participe_pdsa: 'Oui',
  optam: 'Non',
  age: '32',
};

const tests = [
  ['médecin généraliste en ZIP en 2026 : aide à la première installation 10 000 €, CAIM fermé', async () => {
    const page = await openPage();
    await setDate(page, '2026-03-01');
    const asked = await fillQuestionnaire(page, { ...GP, date_installation: '2026-04-01' });
    assertEqual(asked[0], 'profession', 'première question');
    assert(asked.includes('commune'), 'la commune est demandée');
    assert(!asked.includes('zonage.medecin'), 'le zonage vient de la commune, il n\'est pas demandé');
    const api = await card(page, 'aide_premiere_installation');
    assertEqual(api.statut, 'eligible', 'aide à la première installation');
    assertEqual(api.total, String(cited('premiere_installation').ZIP), 'montant en ZIP');
    assert(api.montant.includes('10 000 €'), `montant affiché : ${api.montant}`);
    assertInSources('10 000 € (en ZIP) ou 5 000 € (en ZAC)');
    const caim = await card(page, 'caim');
    assertEqual(caim.statut, 'ferme', 'le CAIM en 2026');
    // The situation lives in the address: a new tab shows the same result.
    const shared = await browser.context.newPage();
    await shared.goto(page.url());
    await shared.waitForSelector('body[data-pret="oui"]');
    assertEqual((await card(shared, 'aide_premiere_installation')).total, '10000', 'lien partagé');
    await shared.close();
    // Side by side: the same doctor in a ZAC gets 5 000 €.
    await chooseCommune(page, '#cmp-commune-1', ALENCON);
    await chooseCommune(page, '#cmp-commune-2', EVREUX);
    await page.click('#form-comparaison button[type="submit"]');
    const row = page.locator('#table-comparaison tr', { hasText: 'Aide à la première installation' });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map(norm);
    assert(cells[0].includes('10 000 €') && cells[1].includes('5 000 €'), `comparaison : ${cells.join(' | ')}`);
    await page.screenshot({ path: path.join(shots, '1-medecin-zip-2026.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.isVisible('#questionnaire')), 'le questionnaire ne s\'imprime pas');
    await page.screenshot({ path: path.join(shots, '1-medecin-zip-2026-impression.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(path.join(shots, '1-medecin-zip-2026-impression.pdf'), pdf);
    const pages = Number((pdf.toString('latin1').match(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/) || [])[1]
      ?? (pdf.toString('latin1').match(/\/Count\s+(\d+)/) || [])[1]);
    assert(pages === 1, `le résumé imprimé tient en ${pages} pages`);
    assertEqual(page.errors, [], 'erreurs JavaScript');
    await page.close();
  }],

  ['le même médecin au 1er juin 2025 : CAIM 50 000 € pour 4 jours, moitié à l\'installation, moitié un an après', async () => {
    const page = await openPage();
    await setDate(page, '2025-06-01');
    await fillQuestionnaire(page, { ...GP, exercice_coordonne: 'Groupe de médecins ou pluriprofessionnel', date_installation: '2025-06-01' });
    const caim = await card(page, 'caim');
    assertEqual(caim.statut, 'eligible', 'CAIM en 2025');
    assertEqual(caim.total, String(cited('caim_4_jours').total), 'CAIM pour 4 jours par semaine');
    assert(caim.montant.includes('50 000 €'), `montant affiché : ${caim.montant}`);
    assertInSources('50 000 €');
    await page.locator('#aide-caim summary', { hasText: 'Échéancier' }).click();
    const schedule = norm(await page.locator('#aide-caim .cs-echeancier').textContent());
    assert(schedule.includes('1 juin 2025 : 25 000 €') && schedule.includes('1 juin 2026 : 25 000 €'), `échéancier : ${schedule}`);
    assert(caim.text.includes('Non cumulable avec'), 'incompatibilités du CAIM');
    const y2025 = Number(await page.getAttribute('.cs-frise__annee[data-annee="2025"]', 'data-montant'));
    const y2026 = Number(await page.getAttribute('.cs-frise__annee[data-annee="2026"]', 'data-montant'));
    assert(y2025 >= 25000 && y2026 >= 25000, `frise : 2025 ${y2025}, 2026 ${y2026}`);
    await page.screenshot({ path: path.join(shots, '2-medecin-2025-06-01.png'), fullPage: true });
    assertEqual(page.errors, [], 'erreurs JavaScript');
    await page.close();
  }],

  ['étudiant en médecine : CESP 1 200 € par mois, jamais interrogé sur ses honoraires', async () => {
    const page = await openPage();
    await setDate(page, '2026-03-01');
    const asked = await fillQuestionnaire(page, {
      profession: 'Étudiant ou étudiante en médecine',
      commune: ALENCON,
      'etudes.cycle': '2',
      'etudes.annee': '4',
      'etudes.stage_distance_km': '40',
      'etudes.logement_a_charge': 'Oui',
    });
    const money = asked.filter((f) => /honoraires|revenus|salaire|charges|consultations/.test(f));
    assertEqual(money, [], 'questions sur les revenus posées à un étudiant');
    const cesp = await card(page, 'cesp');
    assertEqual(cesp.statut, 'eligible', 'CESP');
    assertEqual(cesp.parPeriode, String(cited('cesp').mensuel), 'allocation mensuelle');
    assert(cesp.montant.includes('1 200 € par mois'), `montant affiché : ${cesp.montant}`);
    assertInSources('1 200 €');
    await page.screenshot({ path: path.join(shots, '3-etudiant-cesp.png'), fullPage: true });
    assertEqual(page.errors, [], 'erreurs JavaScript');
    await page.close();
  }],

  ['masseur-kinésithérapeute en zone très sous-dotée : contrat d\'aide à la création 49 000 €', async () => {
    const page = await openPage();
    await setDate(page, '2026-03-01');
    await fillQuestionnaire(page, {
      profession: 'Masseur-kinésithérapeute',
      commune: GUERET,
      mode_exercice: 'Libéral',
      type_installation: 'Création d\'un cabinet',
      exercice_coordonne: 'Maison de santé pluriprofessionnelle (MSP)',
      taux_teletransmission: '90',
      remplacements_reguliers: 'Non',
      date_installation: '2026-04-01',
    });
    const c = await card(page, 'caccmk');
    assertEqual(c.statut, 'eligible', 'CACCMK');
    assertEqual(c.total, String(cited('caccmk').total), 'montant du CACCMK');
    assert(c.montant.includes('49 000 €'), `montant affiché : ${c.montant}`);
    assertInSources('49 000 €');
    await page.screenshot({ path: path.join(shots, '4-kinesitherapeute.png'), fullPage: true });
    assertEqual(page.errors, [], 'erreurs JavaScript');
    await page.close();
  }],

  ['au clavier seul : profession, commune, réponses et résultats', async () => {
    const page = await openPage();
    const kb = page.keyboard;
    // Tab from the top of the page to the first question (the profession list).
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await kb.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'q-input');
    }
    assert(reached, 'la première question n\'est pas atteignable avec Tab');
    await kb.press('ArrowDown'); // the first profession: Médecin
    assertEqual(await page.evaluate(() => document.activeElement.value), 'medecin', 'choix au clavier');
    await kb.press('Tab');
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-valider', 'bouton Valider');
    let previous = await stepOf(page);
    await kb.press('Enter');
    await waitNext(page, previous);
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-legende', 'le focus va à la question suivante');
    // Answer each question with the keyboard until the commune is chosen:
    // radios with Space, lists with the arrows, other fields passed.
    let communeDone = false;
    for (let i = 0; i < 20 && !communeDone; i++) {
      await kb.press('Tab');
      const focused = await page.evaluate(() => ({ id: document.activeElement?.id, name: document.activeElement?.name }));
      previous = await stepOf(page);
      if (focused.id === 'q-commune-saisie') {
        await kb.type('Nevers', { delay: 15 });
        await page.waitForSelector('#q-commune-saisie-liste li[data-code="58194"]');
        await kb.press('ArrowDown');
        assertEqual(await page.getAttribute('#q-commune-saisie', 'aria-activedescendant'), 'q-commune-saisie-opt-0', 'option active');
        await kb.press('Enter'); // chooses
        await kb.press('Enter'); // validates
        communeDone = true;
      } else if (focused.name === 'q-radio') {
        await kb.press('Space');
        await kb.press('Tab');
        assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-valider', 'bouton Valider après les choix');
        await kb.press('Enter');
      } else if (focused.id === 'q-input' && await page.evaluate(() => document.activeElement.tagName === 'SELECT')) {
        await kb.press('ArrowDown');
        await kb.press('Tab');
        await kb.press('Enter');
      } else {
        await kb.press('Tab'); // « Valider »
        await kb.press('Tab'); // « Je ne sais pas, passer »
        assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-passer', 'bouton passer');
        await kb.press('Enter');
      }
      await waitNext(page, previous);
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-legende', 'le focus suit les questions');
    }
    assert(communeDone, 'la question de la commune n\'est pas venue');
    assert(norm(await page.textContent('#synthese')).includes('Nevers'), 'commune choisie au clavier');
    await page.waitForSelector('#groupe-a_preciser .cs-carte');
    // Next question: answer with the keyboard, or pass it with Tab + Enter.
    previous = await stepOf(page);
    await kb.press('Tab');
    const onRadio = await page.evaluate(() => document.activeElement?.name === 'q-radio');
    if (onRadio) {
      await kb.press('Space');
      await kb.press('Enter');
    } else {
      await kb.press('Tab'); // past the field, to « Valider »
      await kb.press('Tab'); // « Je ne sais pas, passer »
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'q-passer', 'bouton passer');
      await kb.press('Enter');
    }
    await waitNext(page, previous);
    // Every aid card's details open with the keyboard.
    await page.focus('#groupes summary');
    await kb.press('Enter');
    assert(await page.evaluate(() => document.activeElement.parentElement.open), 'détails ouverts au clavier');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert(outline !== 'none', 'focus visible');
    await page.screenshot({ path: path.join(shots, '5-clavier.png'), fullPage: true });
    assertEqual(page.errors, [], 'erreurs JavaScript');
    await page.close();
  }],
];

let ok = false;
try {
  server = await startServer({ extraArgs: ['--sans-journal'] });
  browser = await launchBrowser();
  ok = await runTests(tests);
} catch (err) {
  console.log('FAIL démarrage : ' + (err.stack || err));
  console.log('0 passed, 1 failed');
} finally {
  await browser?.close().catch(() => {});
  const status = await stopServer(server);
  if (status && status.code !== 0) {
    console.log(`FAIL arrêt du serveur : ${JSON.stringify(status)}`);
    ok = false;
  }
}
process.exit(ok ? 0 : 1);
