// Tests of `capsante serve`: every endpoint and error case, the answers
// compared with the CLI's, every real answer validated against the OpenAPI
// document, path traversal, security headers, 413, timeouts, the access log
// (no personal data) and the clean shutdown. Node built-ins only.
// Usage: node tests/server/run.mjs   (CAPSANTE_BIN, CAPSANTE_HOME optional)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const PERSONAL = { ...GP, age: 47, honoraires_annuels_zone: 123456.78, revenus_liberaux_mensuels: 9876.5 };

let server;
let doc;
const seen = []; // [method, path, status, body] of every JSON answer, validated at the end

function cli(args, input) {
  const home = process.env.CAPSANTE_HOME ? ['--home', process.env.CAPSANTE_HOME] : [];
  return execFileSync(capsanteBinary(), [...home, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
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
      '/api/v1/comparer', '/api/v1/classement', '/api/v1/schema', '/api/v1/openapi.json', '/healthz']) {
      assert(doc.paths[p], `chemin absent du document : ${p}`);
    }
  }],

  ['POST /api/v1/simulate : même réponse que « capsante simulate --json »', async () => {
    const r = await call('POST', '/api/v1/simulate', { body: GP });
    assertEqual(r.status, 200, 'statut');
    const expected = JSON.parse(cli(['simulate', '--json'], JSON.stringify(GP)));
    assertEqual(r.json, expected, 'réponse du serveur et de la CLI');
    const aid = r.json.aides.find((a) => a.id === 'aide_premiere_installation');
    assertEqual([aid.statut, aid.montant.total], ['eligible', 10000], 'aide à la première installation en ZIP');
    assertEqual(r.headers.get('cache-control'), 'no-store', 'pas de cache des résultats personnels');
    // Same answer again (served from memory), and gzip when asked.
    const again = await call('POST', '/api/v1/simulate', { body: GP });
    assertEqual(again.text, r.text, 'deuxième réponse identique');
    const gz = await fetch(server.url + '/api/v1/simulate', { method: 'POST', body: JSON.stringify(GP), headers: { 'Accept-Encoding': 'gzip' } });
    assertEqual(gz.headers.get('content-encoding'), 'gzip', 'gzip');
    const short = await call('POST', '/api/v1/simulate?explications=non', { body: GP });
    assertEqual(short.status, 200, 'sans explications');
    assert(short.text.length < r.text.length, 'réponse plus courte sans explications');
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
  }],

  ['413 au-delà de 64 Kio', async () => {
    const big = JSON.stringify({ profession: 'medecin', specialite: 'x'.repeat(70 * 1024) });
    assertError(await call('POST', '/api/v1/simulate', { body: big }), 413);
  }],

  ['GET /api/v1/aides et /api/v1/aides/{id}', async () => {
    const all = await call('GET', '/api/v1/aides');
    assertEqual(all.status, 200, 'statut');
    assertEqual(all.json, JSON.parse(cli(['aides', '--json'])), 'même liste que « capsante aides --json »');
    const doctors = await call('GET', '/api/v1/aides?profession=medecin');
    assert(doctors.json.length > 5 && doctors.json.length < all.json.length, 'filtre par profession');
    assert(doctors.json.every((a) => a.professions.includes('medecin')), 'filtre exact');
    assertError(await call('GET', '/api/v1/aides?profession=astronaute'), 400, 'profession');
    const caim = await call('GET', '/api/v1/aides/caim');
    assertEqual(caim.status, 200, 'statut');
    assertEqual(caim.json.id, 'caim', 'id');
    assert(caim.json.sources.length > 0 && caim.json.conditions.length > 0, 'sources et conditions');
    assert(caim.json.montant.parametres.some((p) => p.valeurs.length > 0), 'paramètres datés');
    assertError(await call('GET', '/api/v1/aides/inconnue'), 404, 'id');
  }],

  ['GET /api/v1/communes?q= et /api/v1/communes/{code}', async () => {
    const r = await call('GET', '/api/v1/communes?q=Nevers');
    assertEqual(r.status, 200, 'statut');
    assertEqual(r.json.communes[0].code, '58194', 'Nevers en tête');
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
    const zone = one.json.faits.find((f) => f.champ === 'zonage.medecin');
    assertEqual(zone.valeur, 'ZIP', 'zonage médecins d\'Alençon');
    assert(one.json.zonages_professions.infirmier, 'zonage par profession');
    const layer = one.json.couches.find((c) => c.id === zone.couche);
    assert(layer && layer.millesime, 'millésime de la couche');
    assert(one.json.territoire, 'territoire');
    assertError(await call('GET', '/api/v1/communes/00000'), 404, 'code');
    assertError(await call('GET', '/api/v1/communes/58194?profession=astronaute'), 400, 'profession');
  }],

  ['zonage à confirmer (issue 13) : historique, fait « a_confirmer », classement à part', async () => {
    // Déols (36063): ZIP under the ARS Centre-Val de Loire zoning of 13/01/2022;
    // a newer zoning (values not imported) is in force by 10/02/2026.
    const h = await call('GET', '/api/v1/communes/36063?historique=1&date=2026-03-01');
    assertEqual(h.status, 200, 'statut');
    const doctors = h.json.historique.find((x) => x.champ === 'zonage.medecin');
    assertEqual(doctors.periodes.map((p) => [p.du, p.au, p.statut, p.valeur]),
      [[null, '2022-01-12', 'inconnu', null], ['2022-01-13', '2026-02-09', 'connu', 'ZIP'], ['2026-02-10', null, 'a_confirmer', null]],
      'périodes du zonage médecins');
    assertEqual(doctors.periodes[2].valeur_precedente, 'ZIP', 'valeur précédente');
    assertEqual(doctors.periodes[2].en_cours, true, 'période en cours');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const expected = JSON.parse(cli(['communes', '36063', '--historique', '--json', '--date', '2026-03-01']));
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
    const cliRanking = JSON.parse(cli(['classement', '--situation', path.join(dir, 's.json'), '--departement', '36', '--limite', '300', '--json']));
    rmSync(dir, { recursive: true });
    assertEqual(ranking.json, cliRanking, 'classement du serveur et de la CLI');
    const cmp = await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['61001', '36063'] } });
    assertEqual(cmp.json.communes[1].zonages_a_confirmer, { medecin: 'ZIP' }, 'comparaison : zonage à confirmer');
    assert(cmp.json.communes[1].total_sous_reserve > cmp.json.communes[1].total, 'total sous réserve à part');
  }],

  ['POST /api/v1/comparer : même résultat que « capsante comparer --json »', async () => {
    const body = { situation: GP, communes: ['61001', '27229'], annees: 5 };
    const r = await call('POST', '/api/v1/comparer', { body });
    assertEqual(r.status, 200, 'statut');
    assertEqual(r.json.communes.map((c) => c.code), ['61001', '27229'], 'ordre des communes');
    const pick = (c) => c.resultat.aides.find((a) => a.id === 'aide_premiere_installation').montant.total;
    assertEqual(r.json.communes.map(pick), [10000, 5000], '10 000 € en ZIP, 5 000 € en ZAC');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'capsante-test-'));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(GP));
    const expected = JSON.parse(cli(['comparer', '--situation', path.join(dir, 's.json'), '--json', '61001', '27229']));
    rmSync(dir, { recursive: true });
    assertEqual(r.json.communes.map((c) => c.resultat), expected, 'résultats du serveur et de la CLI');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['58194'] } }), 400, 'communes');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: Array(11).fill('58194') } }), 400, 'communes');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['58194', '99999'] } }), 400, 'communes[1]');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: { ...GP, age: 'x' }, communes: ['61001', '27229'] } }), 400, 'situation.age');
    assertError(await call('POST', '/api/v1/comparer', { body: { communes: ['61001', '27229'] } }), 400, 'situation');
    assertError(await call('POST', '/api/v1/comparer', { body: { situation: GP, communes: ['61001', '27229'], bonus: 1 } }), 400, 'bonus');
  }],

  ['POST /api/v1/classement : même classement que « capsante classement --json »', async () => {
    const r = await call('POST', '/api/v1/classement', { body: { situation: GP, departement: '61', limite: 5 } });
    assertEqual(r.status, 200, 'statut');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'capsante-test-'));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(GP));
    const expected = JSON.parse(cli(['classement', '--situation', path.join(dir, 's.json'), '--departement', '61', '--limite', '5', '--json']));
    rmSync(dir, { recursive: true });
    assertEqual(r.json, expected, 'classement du serveur et de la CLI');
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP } }), 400);
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP, departement: '61', region: '28' } }), 400);
    assertError(await call('POST', '/api/v1/classement', { body: { situation: GP, autour: '58194' } }), 400, 'rayon_km');
  }],

  ['GET /api/v1/schema : les champs et leurs questions', async () => {
    const r = await call('GET', '/api/v1/schema');
    assertEqual(r.status, 200, 'statut');
    const profession = r.json.champs.find((c) => c.chemin === 'profession');
    assert(profession.question && profession.valeurs.some((v) => v.valeur === 'medecin' && v.libelle === 'Médecin'), 'profession');
    const age = r.json.champs.find((c) => c.chemin === 'age');
    assertEqual(age.personnel, true, 'âge : donnée personnelle');
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
    const js = await fetch(server.url + '/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assertEqual(js.status, 200, 'app.js');
    const etag = js.headers.get('etag');
    await js.arrayBuffer();
    const again = await fetch(server.url + '/app.js', { headers: { 'If-None-Match': etag } });
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
