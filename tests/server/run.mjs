// Tests of `capsante serve`: every endpoint and error case, amounts compared
// with the sources' sentences (tests/source_expectations.json), the answers'
// shape compared with the CLI's (front ends translate, they do not decide), every real answer validated against the OpenAPI
// document, path traversal, security headers, 413, timeouts, the access log
// (no personal data) and the clean shutdown. Node built-ins only.
// Usage: node tests/server/run.mjs   (CAPSANTE_BIN, CAPSANTE_HOME optional)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  assert, assertEqual, capsanteBinary, repoRoot, runTests, startServer, stopServer,
} from '../../web/tests/harness.mjs';
import { checkDocument, responseSchema, validate } from './openapi_validate.mjs';

const GP = {
  date: '2026-03-01', profession: 'medecin', specialite: 'medecine_generale', mode_exercice: 'liberal',
  commune: '61001', secteur: '1', jours_par_semaine: 4, date_installation: '2026-04-01',
  premiere_installation_liberale: true, exercice_coordonne: 'msp',
};
// From 1 January 2026 no region's May 2025 doctors' zone is presumed current
// (national revision, docs/zonings.md): a GP who confirmed the zone, and the
// same GP in December 2025, when Alençon's ZIP is still the one in force.
const GP_ZIP = { ...GP, zonage: { medecin: 'ZIP' } };
const GP_2025 = { ...GP, date: '2025-12-01', date_installation: '2025-12-15' };
const PERSONAL = { ...GP, age: 47, honoraires_annuels_zone: 123456.78, revenus_liberaux_mensuels: 9876.5 };

// Expected amounts from the quoted sentences (tests/source_expectations.json).
const EXPECTED = JSON.parse(readFileSync(path.join(repoRoot, 'tests/source_expectations.json'), 'utf8'));
const FIRST_INSTALLATION = EXPECTED.citations.premiere_installation.montants; // « 10 000 € (en ZIP) ou 5 000 € (en ZAC) »
const CAIM_4_DAYS = EXPECTED.citations.caim_4_jours.montants.total; // « 50 000 € si au moins 4 jours d’exercice libéral par semaine »
const CACCMK = EXPECTED.citations.caccmk.montants.total; // « Aide individuelle d’un montant de 49 000 € à la création ou à la reprise d’un cabinet »

let server;
let doc;
const seen = []; // [method, path, status, body] of every JSON answer, validated at the end

// The CLI runs as an asynchronous child: a synchronous one blocks Node's event
// loop (seconds under ASan on a busy machine), and fetch then reuses a
// keep-alive connection that the server closed meanwhile (its idle limit, 5 s)
// before it could see the close, failing a POST it may not retry.
function cliStatus(args, input) {
  const home = process.env.CAPSANTE_HOME ? ['--home', process.env.CAPSANTE_HOME] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(capsanteBinary(), [...home, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
    child.stdin.on('error', () => {}); // a command that reads nothing may exit first
    child.stdin.end(input ?? '');
  });
}

// The CLI's output; its exit code must be 0.
async function cli(args, input) {
  const r = await cliStatus(args, input);
  if (r.code !== 0) throw new Error(`capsante ${args.join(' ')} : code de sortie ${r.code}`);
  return r.stdout;
}

// A situation file for the commands that take --situation.
async function situationFile(situation) {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'capsante-test-'));
  const file = path.join(dir, 's.json');
  writeFileSync(file, JSON.stringify(situation));
  return file;
}

// Same question, same bytes: the API's body and the CLI's --json output.
function assertSameBytes(apiText, cliText, what) {
  assertEqual(apiText, cliText.replace(/\n$/, ''), `${what} : mêmes octets pour l'API et la CLI`);
}

async function call(method, p, { body, headers = {}, raw = false } = {}) {
  const res = await fetch(server.url + p, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  if ((res.headers.get('content-type') || '').startsWith('application/json') && method !== 'HEAD') {
    json = JSON.parse(text);
    if (!raw) seen.push([method, p.split('?')[0], res.status, json]);
  }
  return { status: res.status, headers: res.headers, text, json };
}

function assertError(r, status, field) {
  assertEqual(r.status, status, `statut (${r.text.slice(0, 200)})`);
  assert(r.json && typeof r.json.erreur === 'string' && r.json.erreur.length > 3, 'corps {"erreur"} attendu');
  assert('champ' in r.json, 'corps {"champ"} attendu');
  if (field !== undefined) assertEqual(r.json.champ, field, 'champ');
  assert(/[àâçéèêëîïôûùü«]|\b(le|la|les|de|du|des|une?|est|doit|inconnue?|vide|méthode)\b/i.test(r.json.erreur), `message en français : ${r.json.erreur}`);
}

// A raw request, byte for byte (fetch would normalise `..` and `%2e`).
function rawRequest(requestLine, { wait = 3000 } = {}) {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(url.port), url.hostname);
    let data = '';
    sock.setTimeout(wait, () => { sock.destroy(); resolve(data); });
    sock.on('data', (d) => { data += d.toString('latin1'); });
    sock.on('end', () => resolve(data));
    sock.on('error', reject);
    sock.write(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}
const statusOf = (raw) => Number((raw.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1] || 0);

const tests = [
  ['GET /healthz et HEAD', async () => {
    const r = await call('GET', '/healthz');
    assertEqual(r.status, 200, 'statut');
    assertEqual(r.json.statut, 'ok', 'statut');
    assert(r.json.aides > 10 && r.json.communes > 30000, 'catalogue et communes chargés');
    const h = await call('HEAD', '/healthz');
    assertEqual(h.status, 200, 'HEAD');
    assertEqual(h.text, '', 'HEAD sans corps');
  }],

  ['GET /api/v1/openapi.json : document OpenAPI 3.1 cohérent', async () => {
    const r = await call('GET', '/api/v1/openapi.json', { raw: true });
    assertEqual(r.status, 200, 'statut');
    doc = r.json;
    assertEqual(checkDocument(doc), [], 'document');
    for (const p of ['/api/v1/simulate', '/api/v1/aides', '/api/v1/aides/{id}', '/api/v1/communes', '/api/v1/communes/{code}',
      '/api/v1/comparer', '/api/v1/classement', '/api/v1/lot', '/api/v1/plan', '/api/v1/schema', '/api/v1/openapi.json', '/healthz']) {
      assert(doc.paths[p], `chemin absent du document : ${p}`);
    }
  }],

  ['POST /api/v1/simulate : les mêmes octets que « capsante simulate --json »', async () => {
    const r = await call('POST', '/api/v1/simulate', { body: GP_ZIP });
    assertEqual(r.status, 200, 'statut');
    assertSameBytes(r.text, await cli(['simulate', '--json'], JSON.stringify(GP_ZIP)), 'simulate');
    const aid = r.json.aides.find((a) => a.id === 'aide_premiere_installation');
    assertEqual([aid.statut, aid.montant.total], ['eligible', FIRST_INSTALLATION.ZIP], 'aide à la première installation en ZIP');
    assertEqual(r.headers.get('cache-control'), 'no-store', 'pas de cache des résultats personnels');
    // The best legal combination, the one the ranking counts (issue 11 point 3).
    assertEqual(r.json.combinaison, { aides: ['aide_premiere_installation'], total: FIRST_INSTALLATION.ZIP, annees: 5 }, 'combinaison');
    const again = await call('POST', '/api/v1/simulate', { body: GP_ZIP });
    assertEqual(again.text, r.text, 'deuxième réponse identique');
    const gz = await fetch(server.url + '/api/v1/simulate', { method: 'POST', body: JSON.stringify(GP_ZIP), headers: { 'Accept-Encoding': 'gzip' } });
    assertEqual(gz.headers.get('content-encoding'), 'gzip', 'gzip');
    assertEqual(JSON.parse(await gz.text()), r.json, 'gzip : même document (décompressé par fetch)');
  }],

  ['réponse essentielle par défaut, explication complète sur demande', async () => {
    const lean = await call('POST', '/api/v1/simulate', { body: GP });
    // Only the doctor's aids are listed; the others are counted.
    assert(lean.json.aides.length > 3, 'des aides listées');
    const doctors = new Set((await call('GET', '/api/v1/aides?profession=medecin')).json.map((a) => a.id));
    assert(lean.json.aides.every((a) => doctors.has(a.id)), 'aucune aide d\'une autre profession');
    assert(lean.json.aides_autres_professions > 10, `aides d'autres professions comptées : ${lean.json.aides_autres_professions}`);
    const listed = lean.json.aides.length + lean.json.aides_autres_professions + lean.json.aides_autres_territoires;
    const r = lean.json.resume;
    assertEqual(listed, r.eligible + r.non_eligible + r.a_preciser + r.ferme, 'toutes les aides sont listées ou comptées');
    for (const a of lean.json.aides) {
      // Every field of api-v1 §2 stays in the lean answer.
      for (const k of ['id', 'nom', 'financeur', 'statut', 'montant', 'engagements', 'conditions', 'manquants', 'incompatible_avec', 'sources', 'contact']) {
        assert(k in a, `${a.id} : champ ${k}`);
      }
      assert(a.sources.length >= 1, `${a.id} : une source au moins`);
      assertEqual((a.manquants_libelles || []).length, a.manquants.length, `${a.id} : un libellé par champ manquant`);
      assert(!('parametres' in (a.montant || {})), `${a.id} : pas de paramètres sans details`);
      // Pure repeats are left to the full answer: the amount's missing fields
      // (among the aid's), the closing date and successors said again in words.
      assert(!('manquants' in (a.montant || {})), `${a.id} : les champs manquants du montant sont ceux de l'aide`);
      if (a.statut === 'ferme') assert(a.fenetre?.fermeture || a.fenetre?.ouverture, `${a.id} : fermée, avec sa fenêtre`);
      if (a.statut === 'ferme') assert(!('message' in a), `${a.id} : la fenêtre dit déjà pourquoi`);
      // The conditions listed decided the status.
      if (a.statut === 'non_eligible') assert(a.conditions.every((c) => c.statut === 'non_remplie'), `${a.id} : conditions non remplies`);
      if (a.statut === 'a_preciser') assert(a.conditions.every((c) => c.statut !== 'remplie'), `${a.id} : conditions à préciser`);
    }
    const full = await call('POST', '/api/v1/simulate', { body: { ...GP, details: true } });
    // The aim of issue 10 is 8 KB; measured by scripts/bench-server.sh, not asserted here.
    assert(lean.text.length * 3 < full.text.length, `réponse essentielle (${lean.text.length} o) trois fois plus courte que la complète (${full.text.length} o)`);
    assertEqual(full.status, 200, 'details: true');
    assertEqual(full.json.aides.length, listed, 'details : toutes les aides');
    assert(full.json.aides.some((a) => a.montant?.parametres?.length), 'details : paramètres datés');
    assertSameBytes(full.text, await cli(['simulate', '--json', '--details'], JSON.stringify(GP)), 'simulate --details');
    const one = await call('POST', '/api/v1/simulate', { body: { ...GP, details: ['caim'] } });
    const caim = one.json.aides.find((a) => a.id === 'caim');
    assert(caim.conditions.every((c) => c.source), 'details [caim] : conditions sourcées');
    assertEqual(one.json.aides.length, lean.json.aides.length, 'details [caim] : les mêmes aides listées');
    assertSameBytes(one.text, await cli(['simulate', '--json', '--details=caim'], JSON.stringify(GP)), 'simulate --details=caim');
    assertError(await call('POST', '/api/v1/simulate', { body: { ...GP, details: ['inconnue'] } }), 400, 'details[0]');
    assertError(await call('POST', '/api/v1/simulate', { body: { ...GP, details: 'oui' } }), 400, 'details');
  }],

  ['POST /api/v1/lot : JSON Lines, comme « capsante simulate --lot - »', async () => {
    const lines = [JSON.stringify(GP), '{"age": "trente"}', '', JSON.stringify({ ...GP, commune: '36044' })].join('\n') + '\n';
    const r = await fetch(server.url + '/api/v1/lot', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body: lines });
    assertEqual(r.status, 200, 'statut');
    assert((r.headers.get('content-type') || '').startsWith('application/x-ndjson'), 'type JSON Lines');
    const text = await r.text();
    const out = text.trim().split('\n').map((l) => JSON.parse(l));
    assertEqual(out.map((o) => o.ligne), [1, 2, 4], 'une réponse par ligne, dans l\'ordre');
    assertEqual([out[1].champ, typeof out[1].erreur], ['age', 'string'], 'ligne invalide : le champ et le message');
    assert(out[0].resultat.aides.length > 3 && out[2].resultat.commune.code === '36044', 'résultats');
    const viaCli = await cliStatus(['simulate', '--lot', '-'], lines);
    assertEqual(viaCli.code, 2, 'CLI : code 2 quand une ligne est invalide');
    assertEqual(text, viaCli.stdout, 'lot : mêmes octets pour l\'API et la CLI');
    const csv = await cliStatus(['simulate', '--lot', '-', '--format', 'csv'],
      'profession,zonage.medecin,date,stagiaires\nmedecin,ZIP,2026-03-01,"[{""quotite"": 1, ""mois"": 12}]"\nmedecin,ZZZ,2026-03-01,\n');
    assertEqual(csv.code, 2, 'CSV : code 2');
    const rows = csv.stdout.trim().split('\n');
    assertEqual(rows[0], 'ligne,id,statut,total,par_periode,periodicite,manquants', 'en-tête CSV');
    assert(rows.length > 3 && rows.slice(1).every((row) => row.startsWith('2,')), 'une ligne par aide, ligne 2 du fichier');
    // Refused on its declared size, before any byte of the body. A raw
    // request: with fetch, the client would still be uploading 1.2 MB when
    // the answer comes, and Node's fetch then sometimes reports its own
    // upload's failure instead of the answer (seen under ASan in CI runs).
    const tooBig = await rawRequest(`POST /api/v1/lot HTTP/1.1\r\nContent-Length: ${1024 * 1024 + 1}`);
    assertEqual(statusOf(tooBig), 413, 'lot au-delà de 1 Mio');
    assert(tooBig.includes('1 Mio au plus pour un lot'), `message : ${tooBig.slice(-200)}`);
  }],

  // Amounts from the sources, not from the CLI: each case of
  // tests/source_expectations.json names its sentence, checked here against
  // the document before the answer is compared with it.
  ['POST /api/v1/simulate : montants et statuts pris dans les sources', async () => {
    const home = process.env.CAPSANTE_HOME || repoRoot;
    const { cas } = EXPECTED;
    const fold = (t) => t.replace(/\s+/g, ' ').trim();
    assert(cas.length >= 5, 'cas attendus');
    for (const c of cas) {
      for (const s of [c.source, ...(c.autres_sources || [])]) {
        const doc = fold(readFileSync(path.join(home, 'sources', s.document), 'utf8'));
        assert(doc.includes(fold(s.extrait)), `${c.nom} : extrait introuvable dans ${s.document} : « ${s.extrait} »`);
      }
      const r = await call('POST', '/api/v1/simulate', { body: c.situation });
      assertEqual(r.status, 200, `${c.nom} : statut HTTP`);
      const aid = r.json.aides.find((a) => a.id === c.aide);
      assert(aid, `${c.nom} : aide ${c.aide} absente`);
      assertEqual(aid.statut, c.statut, `${c.nom} : statut`);
      if ('total' in c) assertEqual(aid.montant && aid.montant.total, c.total, `${c.nom} : montant (« ${c.source.extrait} »)`);
      if (c.echeancier) {
        assertEqual(aid.montant.echeancier.map((v) => ({ date: v.date, montant: v.montant })), c.echeancier, `${c.nom} : échéancier`);
      }
    }
  }],

  ['POST /api/v1/simulate : meilleure combinaison et ce qui changerait, avec le montant', async () => {
    // A physiotherapist creating a practice in a very under-served zone: the
    // CACCMK and the CAMMK exclude each other; the CACCMK is the best choice.
    const physio = { date: '2026-03-01', profession: 'masseur_kinesitherapeute', commune: '23096', mode_exercice: 'liberal',
      type_installation: 'creation', exercice_coordonne: 'msp', taux_teletransmission: 90, remplacements_reguliers: false, date_installation: '2026-04-01' };
    const r = await call('POST', '/api/v1/simulate', { body: physio });
    assertEqual(r.json.combinaison, { aides: ['caccmk'], total: CACCMK, annees: 5 }, 'combinaison du kinésithérapeute');
    assertEqual(r.json.aides.find((a) => a.id === 'cammk').statut, 'eligible', 'le CAMMK reste éligible, en alternative');
    assertSameBytes(r.text, await cli(['simulate', '--json'], JSON.stringify(physio)), 'simulate');
    // A GP in a ZAC in June 2025: the CAIM would be open in a ZIP, for 50,000 €.
    const zac = { date: '2025-06-01', profession: 'medecin', specialite: 'medecine_generale', mode_exercice: 'liberal', secteur: '1',
      date_installation: '2025-06-01', premiere_installation_liberale: true, exercice_coordonne: 'groupe', participe_pdsa: true, commune: '36044', jours_par_semaine: 4 };
    const gp = await call('POST', '/api/v1/simulate', { body: zac });
    const caim = gp.json.aides.find((a) => a.id === 'caim');
    assertEqual(caim.statut, 'non_eligible', 'CAIM en ZAC');
    assertEqual(caim.ce_qui_changerait.map((c) => [c.champ, c.valeur, c.montant]), [['zonage.medecin', 'ZIP', CAIM_4_DAYS]], 'CAIM en ZIP');
    assert(/^si zonage médecins .*: zone d'intervention prioritaire \(ZIP\)$/.test(caim.ce_qui_changerait[0].texte), `en mots : ${caim.ce_qui_changerait[0].texte}`);
    // Not for an eligible aid, nor one that two conditions keep out of reach.
    assert(gp.json.aides.every((a) => a.statut !== 'eligible' || !a.ce_qui_changerait), 'rien à changer pour une aide éligible');
    assertSameBytes(gp.text, await cli(['simulate', '--json'], JSON.stringify(zac)), 'simulate');
  }],

  ['POST /api/v1/simulate : erreurs 400 en français avec le champ', async () => {
    assertError(await call('POST', '/api/v1/simulate', { body: '{"profession": ' }), 400);
    assertError(await call('POST', '/api/v1/simulate', { body: '' }), 400, null);
    assertError(await call('POST', '/api/v1/simulate', { body: '[1,2]' }), 400);
    // A number that overflows a double once crashed the parser (found by libFuzzer).
    assertError(await call('POST', '/api/v1/simulate', { body: '{"age": 1e999}' }), 400);
    assertError(await call('POST', '/api/v1/comparer', { body: '{"situation": {"age": 1e999}, "communes": ["58194", "36044"]}' }), 400);
    assertError(await call('POST', '/api/v1/simulate', { body: '['.repeat(30000) }), 400);
    assertError(await call('POST', '/api/v1/simulate', { body: { profession: 'medecin', couleur: 'bleu' } }), 400, 'couleur');
    assertError(await call('POST', '/api/v1/simulate', { body: { age: 'trente' } }), 400, 'age');
    assertError(await call('POST', '/api/v1/simulate', { body: { profession: 'astronaute' } }), 400, 'profession');
    assertError(await call('POST', '/api/v1/simulate', { body: { date: '2025-02-30' } }), 400, 'date');
    assertError(await call('POST', '/api/v1/simulate', { body: { zonage: { medecin: 'ZZZ' } } }), 400, 'zonage.medecin');
    assertError(await call('POST', '/api/v1/simulate', { body: { commune: '99999', profession: 'medecin' } }), 400, 'commune');
    assertError(await call('POST', '/api/v1/simulate?explications=peut-etre', { body: GP }), 400, 'explications');
    assertError(await call('POST', '/api/v1/simulate', { body: '{"profession": "medecin", "details": tru}' }), 400);
  }],

  ['POST /api/v1/simulate : situations strictes, champs nommés par leur libellé', async () => {
    // Raw bodies: JSON.stringify cannot write a key twice.
    const cases = [
      ['{"age": 65, "age": 40}', 'age', '« votre âge » est donné deux fois'],
      ['{"zonage": {"medecin": "ZIP", "medecin": "ZAC"}}', 'zonage.medecin', '« zonage médecins de la commune » est donné deux fois'],
      ['{"stagiaires": [{"mois": 6}, {"mois": 2, "mois": 3}]}', 'stagiaires[1].mois', '(stagiaire n° 2) est donné deux fois'],
      ['{"medecin_accueilli": {"age": 12}}', 'medecin_accueilli.age', '« âge du médecin que vous accueillez » doit être supérieur ou égal à 20'],
      ['{"specialite": "Médecine générale"}', 'specialite', 'vouliez-vous dire « médecine générale » ?'],
      ['{"secteur": 1.5}', 'secteur', '« votre secteur conventionnel »'],
      ['{"date_installation": "2199-12-31"}', 'date_installation', 'est trop tardif'],
      [`{"contrats": [{"id": "${'é'.repeat(65)}"}]}`, 'contrats[0].id', 'est trop long (64 caractères au plus)'],
    ];
    for (const [body, field, words] of cases) {
      const r = await call('POST', '/api/v1/simulate', { body });
      assertError(r, 400, field);
      assert(r.json.erreur.includes(words), `message « ${words} » attendu : ${r.json.erreur}`);
      const raw = /[._[]/.test(field) ? field : `« ${field} »`;  // a plain name may be a word of its label
      assert(!r.json.erreur.includes(raw), `chemin brut « ${field} » dans le message : ${r.json.erreur}`);
    }
    // The other side of the same rules.
    for (const body of ['{"secteur": 1.0, "profession": "medecin"}', '{"age": 30.0}', `{"contrats": [{"id": "caim"}]}`]) {
      assertEqual((await call('POST', '/api/v1/simulate', { body })).status, 200, body);
    }
    // A key twice inside a request envelope.
    const r = await call('POST', '/api/v1/comparer', { body: '{"situation": {"profession": "medecin", "profession": "infirmier"}, "communes": ["58194", "36044"]}' });
    assertError(r, 400, 'situation.profession');
    assert(r.json.erreur.includes('« votre profession » est donné deux fois'), r.json.erreur);
  }],

  ['413 au-delà de 64 Kio', async () => {
    const big = JSON.stringify({ profession: 'medecin', specialite: 'x'.repeat(70 * 1024) });
    assertError(await call('POST', '/api/v1/simulate', { body: big }), 413);
  }],

  ['GET /api/v1/aides et /api/v1/aides/{id}', async () => {
    const all = await call('GET', '/api/v1/aides');
    assertEqual(all.status, 200, 'statut');
    assertSameBytes(all.text, await cli(['aides', '--json']), 'aides');
    assertSameBytes((await call('GET', '/api/v1/aides?profession=infirmier')).text, await cli(['aides', '--json', '--profession', 'infirmier']), 'aides --profession');
    const doctors = await call('GET', '/api/v1/aides?profession=medecin');
    assert(doctors.json.length > 5 && doctors.json.length < all.json.length, 'filtre par profession');
    assert(doctors.json.every((a) => a.professions.includes('medecin')), 'filtre exact');
    assertError(await call('GET', '/api/v1/aides?profession=astronaute'), 400, 'profession');
    const caim = await call('GET', '/api/v1/aides/caim');
    assertEqual(caim.status, 200, 'statut');
    assertEqual(caim.json.id, 'caim', 'id');
    assertSameBytes(caim.text, await cli(['aide', 'caim', '--json']), 'aide caim');
    assert(caim.json.sources.length > 0 && caim.json.conditions.length > 0, 'sources et conditions');
    assert(caim.json.montant.parametres.some((p) => p.valeurs.length > 0), 'paramètres datés');
    assertError(await call('GET', '/api/v1/aides/inconnue'), 404, 'id');
  }],

  ['GET /api/v1/communes?q= et /api/v1/communes/{code}', async () => {
    const r = await call('GET', '/api/v1/communes?q=Nevers&date=2026-03-01');
    assertEqual(r.status, 200, 'statut');
    assertEqual(r.json.communes[0].code, '58194', 'Nevers en tête');
    assertSameBytes(r.text, await cli(['communes', 'Nevers', '--json', '--date', '2026-03-01']), 'communes Nevers');
    const byPostal = await call('GET', '/api/v1/communes?q=58000&limite=5');
    assert(byPostal.json.communes.some((c) => c.code === '58194'), 'par code postal');
    const byInsee = await call('GET', '/api/v1/communes?q=58194');
    assertEqual(byInsee.json.communes[0].correspondance, 'code_insee', 'par code INSEE');
    assertError(await call('GET', '/api/v1/communes?q='), 400, 'q');
    assertError(await call('GET', '/api/v1/communes'), 400, 'q');
    assertError(await call('GET', '/api/v1/communes?q=Nevers&limite=0'), 400, 'limite');
    assertError(await call('GET', '/api/v1/communes?q=Nevers&date=2025-13-01'), 400, 'date');
    const one = await call('GET', '/api/v1/communes/61001?date=2026-03-01');
    assertEqual(one.status, 200, 'statut');
    assertSameBytes(one.text, await cli(['communes', '--code', '61001', '--json', '--date', '2026-03-01']), 'commune 61001');
    const nurse = await call('GET', '/api/v1/communes/61001?date=2026-03-01&profession=infirmier');
    assertSameBytes(nurse.text, await cli(['communes', '--code', '61001', '--json', '--date', '2026-03-01', '--profession', 'infirmier']), 'commune 61001 infirmier');
    const zone = one.json.faits.find((f) => f.champ === 'zonage.medecin');
    assertEqual([zone.valeur, zone.a_confirmer, zone.valeur_precedente], [null, true, 'ZIP'], 'zonage médecins d\'Alençon en 2026 : à confirmer');
    const before = await call('GET', '/api/v1/communes/61001?date=2025-12-31');
    assertEqual(before.json.faits.find((f) => f.champ === 'zonage.medecin').valeur, 'ZIP', 'zonage médecins d\'Alençon au 31/12/2025');
    assert(one.json.zonages_professions.infirmier, 'zonage par profession');
    const layer = one.json.couches.find((c) => c.id === zone.couche);
    assert(layer && layer.millesime, 'millésime de la couche');
    assert(one.json.territoire, 'territoire');
    assertError(await call('GET', '/api/v1/communes/00000'), 404, 'code');
    assertError(await call('GET', '/api/v1/communes/58194?profession=astronaute'), 400, 'profession');
  }],

  ['zonage à confirmer (issue 13) : historique, fait « a_confirmer », classement à part', async () => {
    // Déols (36063): ZIP under the ARS Centre-Val de Loire zoning of 13/01/2022;
    // a newer zoning (values not imported) is in force by 10/02/2026, and the
    // national revision stops presuming the old one from 01/01/2026.
    const h = await call('GET', '/api/v1/communes/36063?historique=1&date=2026-03-01');
    assertEqual(h.status, 200, 'statut');
    const doctors = h.json.historique.find((x) => x.champ === 'zonage.medecin');
    assertEqual(doctors.periodes.map((p) => [p.du, p.au, p.statut, p.valeur]),
      [[null, '2022-01-12', 'inconnu', null], ['2022-01-13', '2025-12-31', 'connu', 'ZIP'], ['2026-01-01', null, 'a_confirmer', null]],
      'périodes du zonage médecins');
    assertEqual(doctors.periodes[2].valeur_precedente, 'ZIP', 'valeur précédente');
    assertEqual(doctors.periodes[2].en_cours, true, 'période en cours');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const expected = JSON.parse(await cli(['communes', '36063', '--historique', '--json', '--date', '2026-03-01']));
    assertEqual(h.json, expected, 'historique du serveur et de la CLI');
    assertError(await call('GET', '/api/v1/communes/36063?historique=peut-etre'), 400, 'historique');
    const s = await call('POST', '/api/v1/simulate', { body: { ...GP, commune: '36063' } });
    const fact = s.json.faits.find((f) => f.champ === 'zonage.medecin');
    assertEqual([fact.valeur, fact.origine, fact.a_confirmer, fact.valeur_precedente], [null, 'a_confirmer', true, 'ZIP'], 'fait à confirmer');
    const aid = s.json.aides.find((a) => a.id === 'aide_premiere_installation');
    assertEqual([aid.statut, aid.manquants], ['a_preciser', ['zonage.medecin']], 'aide à préciser');
    const ranking = await call('POST', '/api/v1/classement', { body: { situation: GP, departement: '36', limite: 300 } });
    assertEqual(ranking.json.communes.length, 0, 'aucune commune de l\'Indre classée comme confirmée');
    assert(ranking.json.communes_a_confirmer.some((c) => c.code === '36063' && c.zonages_a_confirmer[0].valeur_precedente === 'ZIP'),
      'Déols à part, sous réserve');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'capsante-test-'));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(GP));
    const cliRanking = JSON.parse(await cli(['classement', '--situation', path.join(dir, 's.json'), '--departement', '36', '--limite', '300', '--json']));
    rmSync(dir, { recursive: true });
    assertEqual(ranking.json, cliRanking, 'classement du serveur et de la CLI');
    const cmp = await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['61001', '36063'] } });
    assertEqual(cmp.json.communes[1].zonages_a_confirmer, { medecin: 'ZIP' }, 'comparaison : zonage à confirmer');
    assert(cmp.json.communes[1].total_sous_reserve > cmp.json.communes[1].total, 'total sous réserve à part');
  }],

  ['POST /api/v1/comparer : les mêmes octets que « capsante comparer --json »', async () => {
    const body = { situation: GP, communes: ['61001', '27229'], annees: 5 };
    const r = await call('POST', '/api/v1/comparer', { body });
    assertEqual(r.status, 200, 'statut');
    assertEqual(r.json.communes.map((c) => c.code), ['61001', '27229'], 'ordre des communes');
    // In 2026 both zones are to confirm: the amounts of their previous
    // zonings come apart, « sous réserve ».
    assertEqual(r.json.communes.map((c) => [c.total, c.zonages_a_confirmer.medecin, c.total_sous_reserve]),
      [[0, 'ZIP', FIRST_INSTALLATION.ZIP], [0, 'ZAC', FIRST_INSTALLATION.ZAC]], '10 000 € en ZIP, 5 000 € en ZAC, sous réserve');
    const file = await situationFile(GP);
    assertSameBytes(r.text, await cli(['comparer', '--situation', file, '--json', '61001', '27229']), 'comparer');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['58194'] } }), 400, 'communes');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: Array(11).fill('58194') } }), 400, 'communes');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['58194', '99999'] } }), 400, 'communes[1]');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: { ...GP, age: 'x' }, communes: ['61001', '27229'] } }), 400, 'situation.age');
    assertError(await call('POST', '/api/v1/comparer', { body: { communes: ['61001', '27229'] } }), 400, 'situation');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['61001', '27229'], bonus: 1 } }), 400, 'bonus');
  }],

  ['POST /api/v1/classement : les mêmes octets que « capsante classement --json »', async () => {
    const r = await call('POST', '/api/v1/classement', { body: { situation: GP_2025, departement: '61', limite: 5 } });
    assertEqual(r.status, 200, 'statut');
    const file = await situationFile(GP_2025);
    assertSameBytes(r.text, await cli(['classement', '--situation', file, '--departement', '61', '--limite', '5', '--json']), 'classement');
    const around = await call('POST', '/api/v1/classement', { body: { situation: GP_2025, autour: '61001', rayon_km: 20, limite: 5 } });
    assertSameBytes(around.text, await cli(['classement', '--situation', file, '--autour', '61001', '--rayon-km', '20', '--limite', '5', '--json']), 'classement autour');
    // Every ranked commune as a map point; the lists stay bounded by « limite ».
    const withMap = await call('POST', '/api/v1/classement', { body: { situation: GP_2025, departement: '61', limite: 5, carte: true } });
    assertEqual(withMap.json.communes, r.json.communes, 'les 5 premières, avec ou sans carte');
    const { colonnes, points } = withMap.json.carte;
    assertEqual(colonnes, ['code', 'nom', 'latitude', 'longitude', 'total', 'sous_reserve'], 'colonnes de la carte');
    assertEqual(points.length + (withMap.json.sans_coordonnees || []).length, withMap.json.communes_evaluees, 'un point par commune');
    assertEqual(points.slice(0, 5).map((p) => [p[0], p[4]]), r.json.communes.map((c) => [c.code, c.total]), 'les points dans l\'ordre du classement');
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP_2025, departement: '61', carte: 'oui' } }), 400, 'carte');
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP } }), 400);
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP_2025, departement: '61', region: '28' } }), 400);
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP_2025, autour: '58194' } }), 400, 'rayon_km');
  }],

  ['POST /api/v1/plan : même plan que « capsante plan --json »', async () => {
    const situation = { ...GP, date: '2025-10-01' };
    delete situation.date_installation;
    const r = await call('POST', '/api/v1/plan', { body: { situation, horizon: 10 } });
    assertEqual(r.status, 200, 'statut');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'capsante-test-'));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(situation));
    const expected = JSON.parse(await cli(['plan', path.join(dir, 's.json'), '--horizon', '10', '--json']));
    rmSync(dir, { recursive: true });
    assertEqual(r.json, expected, 'plan du serveur et de la CLI');
    assert(r.json.plans.length >= 1 && r.json.plans[0].total >= r.json.plans[r.json.plans.length - 1].total, 'plans triés');
    assertError(await call('POST', '/api/v1/plan', { body: { situation, horizon: 31 } }), 400, 'horizon');
    assertError(await call('POST', '/api/v1/plan', { body: { situation, horizon: '10' } }), 400, 'horizon');
    assertError(await call('POST', '/api/v1/plan', { body: { situation: { ...situation, age: 'x' } } }), 400, 'situation.age');
    assertError(await call('POST', '/api/v1/plan', { body: { horizon: 10 } }), 400, 'situation');
    assertError(await call('POST', '/api/v1/plan', { body: { situation, bonus: 1 } }), 400, 'bonus');
    assertError(await call('GET', '/api/v1/plan'), 405);
  }],

  ['GET /api/v1/schema : les champs et leurs questions', async () => {
    const r = await call('GET', '/api/v1/schema');
    assertEqual(r.status, 200, 'statut');
    const profession = r.json.champs.find((c) => c.chemin === 'profession');
    assert(profession.question && profession.valeurs.some((v) => v.valeur === 'medecin' && v.libelle === 'médecin'), 'profession');
    assertEqual(profession.libelle, 'votre profession', 'libellé de la profession');
    const specialite = r.json.champs.find((c) => c.chemin === 'specialite');
    assertEqual(specialite.type, 'enum', 'spécialité : liste fermée');
    assertEqual(specialite.valeurs[0].valeur, 'medecine_generale', 'médecine générale en premier');
    const age = r.json.champs.find((c) => c.chemin === 'age');
    assertEqual(age.personnel, true, 'âge : donnée personnelle');
    // Groups about something the user may not have open with a yes/no question.
    const opener = (p) => r.json.champs.find((c) => c.chemin === p)?.question_prealable;
    for (const p of ['cabinet_secondaire', 'medecin_accueilli', 'demi_journees_consultations_avancees_par_mois']) {
      assert(/\?$/.test(opener(p) || ''), `question oui/non de ${p}`);
    }
    assertEqual(opener('profession'), undefined, 'pas de question oui/non pour la profession');
  }],

  ['404 et 405 en JSON', async () => {
    assertError(await call('GET', '/api/v1/inconnu'), 404);
    assertError(await call('GET', '/api/v2/simulate'), 404);
    assertError(await call('GET', '/pas-de-page.html'), 404);
    const r = await call('GET', '/api/v1/simulate');
    assertError(r, 405);
    assertEqual(r.headers.get('allow'), 'POST', 'en-tête Allow');
    const p = await call('POST', '/api/v1/aides', { body: {} });
    assertError(p, 405);
    assertEqual(p.headers.get('allow'), 'GET', 'en-tête Allow');
    assertError(await call('DELETE', '/api/v1/aides/caim'), 405);
    assertError(await call('PUT', '/'), 405);
  }],

  ['en-têtes de sécurité sur toutes les réponses', async () => {
    for (const [m, p] of [['GET', '/'], ['GET', '/api/v1/aides'], ['GET', '/inconnu'], ['POST', '/api/v1/simulate']]) {
      const r = await fetch(server.url + p, { method: m, body: m === 'POST' ? '{}' : undefined });
      const csp = r.headers.get('content-security-policy') || '';
      assert(csp.includes("default-src 'self'") && csp.includes("frame-ancestors 'none'"), `CSP sur ${p}`);
      assertEqual(r.headers.get('x-content-type-options'), 'nosniff', `nosniff sur ${p}`);
      assertEqual(r.headers.get('referrer-policy'), 'no-referrer', `Referrer-Policy sur ${p}`);
      await r.arrayBuffer();
    }
  }],

  ['la page et le DSFR sont servis, rien d\'autre', async () => {
    const page = await fetch(server.url + '/');
    assertEqual(page.status, 200, 'page');
    assert((page.headers.get('content-type') || '').startsWith('text/html'), 'type html');
    assert((await page.text()).includes('lang="fr"'), 'page en français');
    const js = await fetch(server.url + '/js/main.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assertEqual(js.status, 200, 'js/main.js');
    const etag = js.headers.get('etag');
    await js.arrayBuffer();
    const again = await fetch(server.url + '/js/main.js', { headers: { 'If-None-Match': etag } });
    assertEqual(again.status, 304, 'ETag');
    if (existsSync(path.join(repoRoot, 'web/node_modules/@gouvfr/dsfr/dist/dsfr.min.css'))) {
      const css = await fetch(server.url + '/dsfr/dsfr.min.css', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assertEqual(css.status, 200, 'DSFR');
      assertEqual(css.headers.get('content-encoding'), 'gzip', 'DSFR compressé');
      await css.arrayBuffer();
    }
    for (const p of ['/package.json', '/tests/run.mjs', '/node_modules/playwright-core/package.json', '/.gitignore', '/dsfr/../package.json']) {
      const r = await fetch(server.url + p);
      await r.arrayBuffer();
      assertEqual(r.status, 404, `non servi : ${p}`);
    }
  }],

  ['pas de sortie du dossier web : .., %2e%2e, chemins absolus', async () => {
    const attempts = [
      'GET /../../../../etc/passwd HTTP/1.1',
      'GET /%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1',
      'GET /%2E%2E/%2E%2E/%2E%2E/etc/passwd HTTP/1.1',
      'GET /..%2f..%2f..%2f..%2fetc%2fpasswd HTTP/1.1',
      'GET /dsfr/../../package.json HTTP/1.1',
      'GET /dsfr/%2e%2e/%2e%2e/%2e%2e/package.json HTTP/1.1',
      'GET /dsfr/..%2f..%2f..%2fpackage.json HTTP/1.1',
      'GET //etc/passwd HTTP/1.1',
      'GET /etc/passwd HTTP/1.1',
      'GET /%2fetc%2fpasswd HTTP/1.1',
      'GET /..%5c..%5c..%5cetc%5cpasswd HTTP/1.1',
      'GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1',
      'GET /app.js%00.html HTTP/1.1',
      'GET /./index.html HTTP/1.1',
      'GET http://x/../../etc/passwd HTTP/1.1',
      'GET /../CMakeLists.txt HTTP/1.1',
    ];
    for (const line of attempts) {
      const raw = await rawRequest(line);
      const status = statusOf(raw);
      assert(status === 404 || status === 400, `${line} → ${status}`);
      assert(!raw.includes('root:') && !raw.includes('"playwright-core"') && !raw.includes('cmake_minimum_required'), `fuite : ${line}`);
    }
  }],

  ['délai de lecture : une requête incomplète est coupée', async () => {
    const url = new URL(server.url);
    const t0 = Date.now();
    const closed = await new Promise((resolve) => {
      const sock = net.connect(Number(url.port), url.hostname, () => sock.write('POST /api/v1/simulate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"prof'));
      sock.on('data', () => {});
      sock.on('close', () => resolve(true));
      sock.setTimeout(15000, () => { sock.destroy(); resolve(false); });
    });
    assert(closed && Date.now() - t0 < 12000, `connexion fermée après ${Date.now() - t0} ms`);
  }],

  ['connexions inactives et lentes : /healthz répond toujours', async () => {
    const url = new URL(server.url);
    const open = (onConnect) => new Promise((resolve) => {
      const sock = net.connect(Number(url.port), url.hostname, () => { onConnect?.(sock); resolve(sock); });
      sock.on('error', () => {});
      sock.on('data', () => {});
    });
    // Bounded: 300 idle connections and 30 clients sending one byte every 200 ms.
    const idle = await Promise.all(Array.from({ length: 300 }, () => open()));
    const slow = await Promise.all(Array.from({ length: 30 }, () => open((sock) => {
      const request = 'POST /api/v1/simulate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}';
      let i = 0;
      sock.timer = setInterval(() => { if (i < request.length && !sock.destroyed) sock.write(request[i++]); }, 200);
      sock.closedAt = new Promise((resolve) => sock.on('close', () => resolve(Date.now())));
    })));
    const t0 = Date.now();
    const health = await fetch(server.url + '/healthz', { signal: AbortSignal.timeout(3000) });
    assertEqual(health.status, 200, `/healthz avec 300 connexions inactives et 30 lentes (${Date.now() - t0} ms)`);
    // The slow clients never finish their head within 5 s: they are cut.
    const closed = await Promise.race([Promise.all(slow.map((s) => s.closedAt)), new Promise((r) => setTimeout(() => r(null), 12000))]);
    assert(closed, 'les clients lents sont coupés');
    for (const s of slow) clearInterval(s.timer);
    for (const s of idle) s.destroy();
  }],

  ['en-têtes trop volumineux : 431', async () => {
    const raw = await rawRequest(`GET /healthz HTTP/1.1\r\nX-Long: ${'a'.repeat(10000)}`);
    assertEqual(statusOf(raw), 431, 'statut');
  }],

  ['requêtes simultanées : réponses identiques', async () => {
    const bodies = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(server.url + '/api/v1/simulate', {
      method: 'POST', body: JSON.stringify({ ...GP, commune: i % 2 ? '61001' : '27229' }),
    }).then((r) => r.text())));
    assertEqual(new Set(bodies).size, 2, 'deux situations, deux réponses');
  }],

  ['situation avec des données personnelles (âge, revenus)', async () => {
    const r = await call('POST', '/api/v1/simulate', { body: PERSONAL });
    assertEqual(r.status, 200, 'statut');
  }],

  ['toutes les réponses JSON reçues suivent le document OpenAPI', async () => {
    assert(doc, 'document OpenAPI chargé');
    let checked = 0;
    for (const [method, p, status, body] of seen) {
      let schema = responseSchema(doc, method, p, status);
      if (!schema && status >= 400) schema = { $ref: '#/components/schemas/Erreur' };
      assert(schema, `réponse non documentée : ${method} ${p} ${status}`);
      const errors = validate(schema, body, doc);
      assertEqual(errors.slice(0, 5), [], `${method} ${p} ${status}`);
      checked++;
    }
    assert(checked > 40, `${checked} réponses vérifiées`);
  }],
];

let ok = false;
let log = '';
try {
  server = await startServer();
  ok = await runTests(tests);
} catch (err) {
  console.log('FAIL démarrage : ' + (err.stack || err));
} finally {
  const status = await stopServer(server);
  log = server?.log || '';
  // Clean shutdown, then the access log: method, path, status, latency; no body, no query.
  const checks = [
    ['arrêt propre sur SIGTERM', () => {
      assertEqual(status, { code: 0, signal: null }, 'code de sortie');
      assert(server.stdout.includes('capsante arrêté'), 'message d\'arrêt');
    }],
    ['journal d\'accès sans données personnelles', () => {
      assert(/ POST \/api\/v1\/simulate 200 \d+\.\d{3}ms/.test(log), 'ligne du journal : méthode, chemin, statut, durée');
      assert(/ GET \/api\/v1\/communes 200 /.test(log), 'chemin sans la requête');
      for (const secret of ['123456', '9876', '"age"', 'Nevers', 'q=', 'medecine_generale']) {
        assert(!log.includes(secret), `le journal contient « ${secret} »`);
      }
    }],
  ];
  // The personal request is sent before stopping (see below); checks run after.
  const logOk = await runTests(checks);
  ok = ok && logOk;
}
process.exit(ok ? 0 : 1);
