#!/usr/bin/env node
// Reproducible import of the communes (COG) and of the zoning layers into data/.
//
//   node import.mjs [--shared DIR] [--out DIR] [--check]
//
// Inputs: the pinned npm packages @etalab/decoupage-administratif (COG, with
// population and postal codes) and codes-postaux, plus the public layers in
// ../shared/data (option --shared, env CAPSANTE_SHARED_DATA, default
// <repo>/../shared/data). Output: data/ (option --out), TSV files that are
// sorted and byte-for-byte deterministic: same inputs, same bytes.
// --check regenerates into a temporary folder and compares with data/: exit 1
// on any difference, so CI catches a hand edit or a stale import.
//
// Formats, vintages and decisions: docs/data-formats.md and docs/zonings.md.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

import {ARRETES} from './arretes_zonage.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const args = {
    shared: process.env.CAPSANTE_SHARED_DATA || path.resolve(repoRoot, '..', 'shared', 'data'),
    out: path.join(repoRoot, 'data'),
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--shared') args.shared = path.resolve(argv[++i] ?? '');
    else if (a === '--out') args.out = path.resolve(argv[++i] ?? '');
    else if (a === '--help' || a === '-h') {
      console.log('usage: node import.mjs [--shared DIR] [--out DIR] [--check]');
      process.exit(0);
    } else {
      console.error(`import: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return args;
}

// ---------------------------------------------------------------- helpers

function fail(message) {
  console.error(`import: ${message}`);
  process.exit(1);
}

// Reads a text file as lines: strips the UTF-8 BOM and CR, drops empty lines.
function readLines(shared, rel) {
  const file = path.join(shared, rel);
  if (!fs.existsSync(file)) fail(`missing input ${file}`);
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n')
      .map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

// Minimal CSV splitter for one line: handles "quoted" fields (with "" escapes).
function splitCsv(line, sep) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

// Name key used for joins: no accents, lower case, punctuation folded to
// spaces, "st"/"ste" spelled out. The C++ search uses the same folding.
function normName(s) {
  let t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = t.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  t = t.replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
  return t;
}

// Drops a leading French article ("La Rochelle" -> "rochelle").
function withoutArticle(key) {
  return key.replace(/^(le|la|les|l)\s+/, '');
}

// Byte-order comparison: deterministic, locale-independent.
function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

function clean(s) {
  // TSV cells may hold neither tabs nor newlines.
  return String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
}

function tsv(header, rows) {
  return [header.join('\t'), ...rows.map((r) => r.map(clean).join('\t'))].join('\n') + '\n';
}

// Département of a postal code (the first step of the doctors' fallback join).
function depOfPostalCode(cp) {
  if (cp.startsWith('97') || cp.startsWith('98')) return cp.slice(0, 3);
  if (cp.startsWith('20')) return Number(cp) < 20200 ? '2A' : '2B';
  return cp.slice(0, 2);
}

// ---------------------------------------------------------------- the COG

function loadCog() {
  const communes = require('@etalab/decoupage-administratif/data/communes.json');
  const departements = require('@etalab/decoupage-administratif/data/departements.json');
  const regions = require('@etalab/decoupage-administratif/data/regions.json');
  const postal = require('codes-postaux/codes-postaux.json');
  const current = new Map();     // code -> commune-actuelle or arrondissement
  const secondary = [];          // delegated and associated communes
  const former = new Map();      // former code -> current code
  for (const c of communes) {
    if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') {
      if (current.has(c.code)) fail(`duplicate current code ${c.code}`);
      current.set(c.code, c);
    } else {
      secondary.push(c);
    }
  }
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    for (const old of c.anciensCodes || []) {
      if (current.has(old)) continue;  // a code reused by a current commune wins
      if (former.has(old) && former.get(old) !== c.code) fail(`former code ${old} maps to two communes`);
      former.set(old, c.code);
    }
  }
  // A delegated/associated commune whose code is not in anciensCodes still
  // leads to its chef-lieu.
  for (const c of secondary) {
    if (!current.has(c.code) && !former.has(c.code) && current.has(c.chefLieu)) {
      former.set(c.code, c.chefLieu);
    }
  }
  return {communes, current, secondary, former, departements, regions, postal};
}

// The current code a layer's code stands for (layers use older COGs).
function toCurrent(cog, code) {
  if (cog.current.has(code)) return code;
  return cog.former.get(code) ?? null;
}

// ---------------------------------------------------------------- coordinates

function loadCoordinates(shared) {
  const lines = readLines(shared, 'coordonnees/laposte_hexasmal_with_latlon_2022.csv');
  const sums = new Map();  // code -> [sumLat, sumLon, n]
  for (const line of lines.slice(1)) {
    const f = line.split(';');
    const lat = Number(f[5]);
    const lon = Number(f[6]);
    if (!f[0] || f[5] === '' || f[6] === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const s = sums.get(f[0]) ?? [0, 0, 0];
    s[0] += lat; s[1] += lon; s[2] += 1;
    sums.set(f[0], s);
  }
  const out = new Map();
  for (const [code, [a, b, n]] of sums) out.set(code, [a / n, b / n]);
  return out;
}

function mean(points) {
  if (points.length === 0) return null;
  let a = 0;
  let b = 0;
  for (const [x, y] of points) { a += x; b += y; }
  return [a / points.length, b / points.length];
}

// Coordinates of every entry: its own 2022 point; else (communes created
// since 2022, Paris/Lyon/Marseille) the mean of its parts' points.
function coordinatesFor(cog, coords) {
  const parts = new Map();  // current code -> codes of its parts
  const add = (k, v) => { if (!parts.has(k)) parts.set(k, []); parts.get(k).push(v); };
  for (const [old, cur] of cog.former) add(cur, old);
  for (const c of cog.secondary) if (c.chefLieu) add(c.chefLieu, c.code);
  for (const c of cog.current.values()) if (c.commune) add(c.commune, c.code);
  const result = new Map();
  let missing = [];
  for (const c of cog.communes) {
    if (result.has(c.code) && c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    // Overseas collectivities (COM): the 2022 file gives one placeholder
    // point for whole territories (Saint-Pierre's for Saint-Barthélemy):
    // better no coordinates than wrong ones.
    if (c.zone === 'com') { if (c.type === 'commune-actuelle') missing.push(c.code); continue; }
    let p = coords.get(c.code) ?? null;
    if (!p && (c.type === 'commune-actuelle')) {
      p = mean([...new Set(parts.get(c.code) ?? [])].sort(cmp).map((k) => coords.get(k)).filter(Boolean));
    }
    if (p) result.set(c.code, p);
    else if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') missing.push(c.code);
  }
  return {result, missing};
}

// ---------------------------------------------------------------- communes.tsv

const KIND = {
  'commune-actuelle': 'commune',
  'commune-deleguee': 'deleguee',
  'commune-associee': 'associee',
  'arrondissement-municipal': 'arrondissement',
};
const KIND_ORDER = {commune: 0, arrondissement: 1, deleguee: 2, associee: 3};

function buildCommunes(cog, coords) {
  const {result: pts, missing} = coordinatesFor(cog, coords);
  // Postal codes: the COG's own list, completed by codes-postaux.
  const cps = new Map();
  const addCp = (code, cp) => { if (!cps.has(code)) cps.set(code, new Set()); cps.get(code).add(cp); };
  for (const c of cog.current.values()) for (const cp of c.codesPostaux || []) addCp(c.code, cp);
  for (const e of cog.postal) {
    const cur = toCurrent(cog, e.codeCommune);
    if (cur) addCp(cur, e.codePostal);
  }
  const rows = [];
  for (const c of cog.communes) {
    const kind = KIND[c.type];
    if (!kind) fail(`unknown COG type ${c.type}`);
    const parent = kind === 'commune' ? '' : kind === 'arrondissement' ? c.commune : c.chefLieu;
    const p = pts.get(c.code);
    const own = kind === 'commune' || kind === 'arrondissement';
    rows.push([
      c.code, kind, parent, c.nom, c.departement, c.region,
      own && Number.isFinite(c.population) ? String(c.population) : '',
      own ? [...(cps.get(c.code) ?? [])].sort(cmp).join(',') : '',
      p && (own || !cog.current.has(c.code)) ? p[0].toFixed(5) : '',
      p && (own || !cog.current.has(c.code)) ? p[1].toFixed(5) : '',
    ]);
  }
  rows.sort((a, b) => cmp(a[0], b[0]) || KIND_ORDER[a[1]] - KIND_ORDER[b[1]] || cmp(a[3], b[3]));
  const formers = [...cog.former].sort((a, b) => cmp(a[0], b[0]));
  return {
    communes: tsv(['code', 'type', 'parent', 'nom', 'departement', 'region', 'population',
      'codes_postaux', 'latitude', 'longitude'], rows),
    former: tsv(['ancien_code', 'code_actuel'], formers),
    missingCoordinates: missing,
  };
}

function buildTerritories(cog) {
  const deps = cog.departements.map((d) => [d.code, d.region, d.nom]).sort((a, b) => cmp(a[0], b[0]));
  const regs = cog.regions.map((r) => [r.code, r.nom]).sort((a, b) => cmp(a[0], b[0]));
  return {
    departements: tsv(['code', 'region', 'nom'], deps),
    regions: tsv(['code', 'nom'], regs),
  };
}

// ---------------------------------------------------------------- layers

// Maps a layer's source rows (code, value, detail) to current codes. When
// several source communes merged into one and disagree, the current commune
// gets the value "mixte" and the detail "old=value|old=value", so that a
// delegated commune can still find its own value.
function mapToCurrent(cog, layerId, entries, stats) {
  const buckets = new Map();
  let dropped = [];
  for (const e of entries) {
    const cur = toCurrent(cog, e.code);
    if (!cur) { dropped.push(e.code); continue; }
    if (!buckets.has(cur)) buckets.set(cur, []);
    buckets.get(cur).push(e);
  }
  const rows = [];
  let merged = 0;
  let mixed = 0;
  for (const [code, list] of buckets) {
    list.sort((a, b) => cmp(a.code, b.code));
    const values = [...new Set(list.map((e) => e.value))];
    const details = [...new Set(list.map((e) => e.detail ?? ''))];
    if (list.length > 1) merged++;
    if (values.length === 1 && details.length === 1) {
      rows.push([code, values[0], details[0]]);
    } else if (values.length === 1) {
      rows.push([code, values[0], details.filter((d) => d).join(' | ')]);
    } else {
      mixed++;
      rows.push([code, 'mixte', list.map((e) => `${e.code}=${e.value}`).join('|')]);
    }
  }
  rows.sort((a, b) => cmp(a[0], b[0]));
  stats.push(`${layerId}: ${entries.length} source rows -> ${rows.length} communes` +
      ` (${merged} merged, ${mixed} mixte, ${dropped.length} dropped${dropped.length ? ': ' + dropped.slice(0, 5).join(',') : ''})`);
  return rows;
}

const CARTOSANTE = {
  '1_Tres_sous_dotee': 'tres_sous_dotee',
  '1b_Sous_dense': 'sous_dense',
  '2_Sous_dotee': 'sous_dotee',
  '3_intermediaire': 'intermediaire',
  '4_Tres_dotee': 'tres_dotee',
  '5_Sur_dotee': 'sur_dotee',
  '5b_Non_prioritaire': 'non_prioritaire',
  'N/A - résultat non disponible': '',
};

function readCartosante(shared, rel) {
  const lines = readLines(shared, rel);
  if (!lines[2].startsWith('Code;')) fail(`${rel}: unexpected header`);
  return lines.slice(3).map((l) => {
    const f = l.split(';');
    const v = f[2].trim();
    if (!(v in CARTOSANTE)) fail(`${rel}: unknown class ${v}`);
    return {code: f[0].trim(), value: CARTOSANTE[v], detail: v.startsWith('N/A') ? 'non disponible' : ''};
  });
}

const DOCTORS = {'1_ZIP': 'ZIP', '2_ZAC': 'ZAC', '3_HZ': 'hors_zone', '4_ZAR': 'ZAR',
  'N/A - résultat non disponible': ''};

// Reproduces the postal-code -> INSEE join of zonage_mg_by_insee_derived.csv:
// postal code + name against codes-postaux, then département + name against
// the COG's current communes and arrondissements.
function joinDoctors(cog, shared, log) {
  const lines = readLines(shared, 'medecins_zonage/zonmed_postalcode_raw.csv');
  if (lines[0] !== 'Code_postal,Nom_commune,Zonage') fail('zonmed_postalcode_raw.csv: unexpected header');
  const byCpName = new Map();
  for (const e of cog.postal) {
    const k = `${e.codePostal}|${normName(e.nomCommune)}`;
    if (!byCpName.has(k)) byCpName.set(k, new Set());
    byCpName.get(k).add(e.codeCommune);
  }
  const byDepName = new Map();
  for (const c of cog.current.values()) {
    const k = `${c.departement}|${normName(c.nom)}`;
    if (!byDepName.has(k)) byDepName.set(k, new Set());
    byDepName.get(k).add(c.code);
  }
  const values = new Map();  // insee -> Set of raw values
  const names = new Map();
  const unmatched = [];
  for (const line of lines.slice(1)) {
    const f = splitCsv(line, ',');
    const cp = f[0].trim().padStart(5, '0');
    const name = f[1].trim();
    const raw = f[2].trim();
    if (!(raw in DOCTORS)) fail(`doctors: unknown class ${raw}`);
    const key = normName(name);
    let codes = byCpName.get(`${cp}|${key}`);
    if (!codes) codes = byDepName.get(`${depOfPostalCode(cp)}|${key}`);
    if (!codes) { unmatched.push(line); continue; }
    for (const code of codes) {
      if (!values.has(code)) values.set(code, new Set());
      values.get(code).add(raw);
      if (!names.has(code)) names.set(code, name);
    }
  }
  const conflicts = [...values].filter(([, s]) => s.size > 1).length;
  log.push(`doctors: ${lines.length - 1} raw rows, ${values.size} INSEE codes, ${unmatched.length} rows unmatched, ${conflicts} conflicting`);
  return {values, unmatched, conflicts};
}

// Differences with the derived file that we checked by hand and keep: the
// derived file lost one of two homonyms.
const KNOWN_DERIVED_DIFFERENCES = new Map([
  ['62814', 'only ours: raw row "62760,Thièvres,2_ZAC" is Thièvres (62); the derived file kept only its homonym 80756'],
]);

// Compares our join with the derived file shipped in ../shared; returns the
// number of differences (printed).
function compareDoctors(shared, joined, log) {
  const lines = readLines(shared, 'medecins_zonage/zonage_mg_by_insee_derived.csv');
  const derived = new Map();
  for (const l of lines.slice(1)) {
    const f = l.split(';');
    derived.set(f[0], f[2].replace(/\r/g, '').trim());
  }
  let same = 0;
  let differ = [];
  let onlyOurs = [];
  let onlyDerived = [];
  for (const [code, set] of joined.values) {
    const ours = [...set].sort(cmp).join('|');
    if (!derived.has(code)) onlyOurs.push(code);
    else if (derived.get(code) !== ours) differ.push(`${code}: ${ours} vs ${derived.get(code)}`);
    else same++;
  }
  for (const code of derived.keys()) if (!joined.values.has(code)) onlyDerived.push(code);
  const expectedUnmatched = readLines(shared, 'medecins_zonage/zonage_mg_unmatched_rows.txt').length;
  log.push(`doctors vs derived file: ${same} identical, ${differ.length} different values, ` +
      `${onlyOurs.length} only in ours, ${onlyDerived.length} only in derived; ` +
      `unmatched rows ${joined.unmatched.length} (derived file: ${expectedUnmatched})`);
  let unexpected = 0;
  for (const d of [...differ, ...onlyOurs.map((c) => `${c}: only ours`), ...onlyDerived.map((c) => `${c}: only derived`)]) {
    const code = d.slice(0, 5);
    if (KNOWN_DERIVED_DIFFERENCES.has(code)) {
      log.push(`  known difference ${code}: ${KNOWN_DERIVED_DIFFERENCES.get(code)}`);
    } else {
      unexpected++;
      if (unexpected <= 20) log.push(`  UNEXPECTED ${d}`);
    }
  }
  return unexpected +
      (joined.unmatched.length !== expectedUnmatched ? 1 : 0);
}

function doctorsEntries(joined) {
  const out = [];
  for (const [code, set] of joined.values) {
    const raw = [...set].sort(cmp);
    if (raw.length > 1) fail(`doctors: conflicting values for ${code}`);
    out.push({code, value: DOCTORS[raw[0]], detail: raw[0].startsWith('N/A') ? 'non disponible' : ''});
  }
  return out;
}

const FRR = {
  'FRR socle': 'socle',
  'FRR+': 'plus',
  'FRR bénéficiaire': 'beneficiaire',
  'FRR bénéficiaire partiellement': 'beneficiaire_partielle',
  'Classée FRR partiellement': 'partielle',
  'Non classée': 'non_classee',
};

function readFrr(shared) {
  const lines = readLines(shared, 'frr/liste-communes-FRR-juillet2025.csv');
  return lines.slice(1).map((l) => {
    const f = l.split(';');
    const v = f[3].trim();
    if (!(v in FRR)) fail(`FRR: unknown class ${v}`);
    return {code: f[0].trim(), value: FRR[v], detail: ''};
  });
}

function readZrr(shared) {
  const lines = readLines(shared, 'zrr/zrr_cog2021_anct.csv');
  const start = lines.findIndex((l) => l.startsWith('"CODGEO"'));
  if (start < 0) fail('ZRR: header not found');
  const out = [];
  for (const l of lines.slice(start + 1)) {
    const f = splitCsv(l, ',');
    if (!f[0]) continue;
    const simple = f[2].split(' - ')[0].trim();
    const modality = f[3].split(' - ')[0].trim();
    const value = {C: 'classee', NC: 'non_classee', P: 'partielle'}[simple];
    if (!value) fail(`ZRR: unknown class ${f[2]}`);
    out.push({code: f[0], value, detail: modality});
  }
  return out;
}

function readQpv(shared) {
  const lines = readLines(shared, 'qpv/qpv2024_by_commune_anct.csv');
  return lines.slice(1).map((l) => {
    const f = l.split(';');
    const codes = f[3].split('|');
    // A single QPV's name may itself hold a '|' ("Bastide|Tricot et Lapeyrade").
    const names = codes.length === 1 ? [f[4].split('|').join(' - ')] : f[4].split('|');
    if (codes.length !== Number(f[2]) || names.length !== codes.length) fail(`QPV: inconsistent row ${f[0]}`);
    return {code: f[0], value: f[2], detail: codes.map((c, i) => `${c} ${names[i]}`).join('|')};
  });
}

// ZFU-TE by name: candidates given by the source, else our own name match
// (article dropped: "Rochelle" is La Rochelle). Several candidates stay
// "ambigu" on every candidate; no guess.
function readZfu(cog, shared, log) {
  const lines = readLines(shared, 'zfu/zfu_communes_anct2019_names.csv');
  const byName = new Map();
  for (const c of cog.current.values()) {
    if (c.type !== 'commune-actuelle') continue;
    for (const k of new Set([normName(c.nom), withoutArticle(normName(c.nom))])) {
      if (!byName.has(k)) byName.set(k, new Set());
      byName.get(k).add(c.code);
    }
  }
  const perCommune = new Map();  // code -> [{id, name, ambiguous, candidates}]
  let unmatched = [];
  let ambiguous = 0;
  for (const l of lines.slice(1)) {
    const [id, name, cands] = l.split(';');
    let codes = (cands || '').split('|').filter(Boolean).map((c) => c.replace(/\(.*\)$/, ''));
    codes = [...new Set(codes.map((c) => toCurrent(cog, c)).filter(Boolean))].sort(cmp);
    if (codes.length === 0) codes = [...(byName.get(withoutArticle(normName(name))) ?? [])].sort(cmp);
    if (codes.length === 0) { unmatched.push(`${id} ${name}`); continue; }
    if (codes.length > 1) ambiguous++;
    for (const code of codes) {
      if (!perCommune.has(code)) perCommune.set(code, []);
      perCommune.get(code).push({id, name, ambiguous: codes.length > 1, codes});
    }
  }
  log.push(`ZFU-TE: ${lines.length - 1} names, ${ambiguous} ambiguous, ${unmatched.length} unmatched${unmatched.length ? ': ' + unmatched.join(', ') : ''}`);
  const out = [];
  for (const [code, list] of perCommune) {
    const sure = list.some((z) => !z.ambiguous);
    const detail = list.map((z) => z.ambiguous
      ? `${z.id} ${z.name} (homonymes : ${z.codes.join(' ')})` : `${z.id} ${z.name}`).join('|');
    out.push({code, value: sure ? 'oui' : 'ambigu', detail});
  }
  return {entries: out, unmatched};
}

function readMontagne(shared) {
  const lines = readLines(shared, 'montagne/communes_montagne_anct.csv');
  return lines.slice(1).map((l) => {
    const f = splitCsv(l, ',');
    const m = /^(\d\d) - (.+)$/.exec(f[2].trim());
    if (!m) fail(`montagne: unexpected value ${f[2]}`);
    return {code: f[0], value: m[1], detail: m[2]};
  });
}

const DENSITY = {
  'Grands centres urbains': '1',
  'Centres urbains intermédiaires': '2',
  'Ceintures urbaines': '3',
  'Petites villes': '4',
  'Bourgs ruraux': '5',
  'Rural à habitat dispersé': '6',
  'Rural à habitat très dispersé': '7',
};

function readDensity(shared) {
  const lines = readLines(shared, 'insee_grilles/grille_densite_anct.csv');
  return lines.slice(1).map((l) => {
    const f = splitCsv(l, ',');
    const v = f[2].trim();
    if (!(v in DENSITY)) fail(`densité: unknown level ${v}`);
    // The label is implied by the level (the 7 INSEE levels): not repeated.
    return {code: f[0], value: DENSITY[v], detail: ''};
  });
}

// The layers' metadata, in the order the library reports them. Dates are
// ISO; an empty `fin` is open-ended. Decisions behind the dates:
// docs/zonings.md.
const LAYERS = [
  {id: 'medecins_2025_05', champ: 'zonage.medecin', profession: '', debut: '2025-05-01', fin: '',
    libelle: 'Zonage médecins généralistes (ZIP, ZAC, ZAR)',
    producteur: 'ARS, export de type CartoSanté', millesime: 'mai 2025',
    provenance: 'Alternantsauvage/ZonageMed zonmed.csv @ 731de3749efffcb9c9a1be31b7059a17f811cbb8, joint aux codes INSEE par capsante (code postal + nom)',
    avertissement: 'Instantané de mai 2025 : dans chaque région, le zonage arrêté par l\'ARS en vigueur à cette date ; les zonages révisés en 2025-2026 ne sont pas importés (valeur à confirmer après leur entrée en vigueur)'},
  {id: 'infirmiers_2025', champ: 'zonage.profession', profession: 'infirmier', debut: '2025-01-01', fin: '2026-02-28',
    libelle: 'Zonage infirmiers', producteur: 'ARS via CartoSanté', millesime: '2025',
    provenance: 'zeusinsight/doctonext public/data/Zonage_Doctonext/infirmier.csv @ 6065e3704235c691d41dd186aee8dc91be3218ef',
    avertissement: 'Remplacé par l\'export de mars 2026 à partir du 1er mars 2026 (date de l\'export, pas des arrêtés)'},
  {id: 'infirmiers_2026_03', champ: 'zonage.profession', profession: 'infirmier', debut: '2026-03-01', fin: '',
    libelle: 'Zonage infirmiers', producteur: 'ARS via CartoSanté', millesime: 'mars 2026',
    provenance: 'juliedecroixpro-droid/cartosante zonage-raw.csv @ 7bec81c5eb63fb06ef6a22972915f804b39b156e',
    avertissement: 'Environ 1 420 communes classées autrement qu\'en 2025 ; date de l\'export, pas des arrêtés'},
  {id: 'masseurs_kinesitherapeutes_2025', champ: 'zonage.profession', profession: 'masseur_kinesitherapeute', debut: '2025-01-01', fin: '',
    libelle: 'Zonage masseurs-kinésithérapeutes', producteur: 'ARS via CartoSanté', millesime: '2025',
    provenance: 'zeusinsight/doctonext public/data/Zonage_Doctonext/masseurs-kinesitherapeutes.csv @ 6065e3704235c691d41dd186aee8dc91be3218ef',
    avertissement: 'Export 2025 (déposé le 12 septembre 2025) sans dates d\'arrêtés : reflète les arrêtés régionaux en vigueur à cette date (déduit) ; valeur à confirmer après un arrêté régional plus récent'},
  {id: 'sages_femmes_2025', champ: 'zonage.profession', profession: 'sage_femme', debut: '2025-01-01', fin: '',
    libelle: 'Zonage sages-femmes', producteur: 'ARS via CartoSanté', millesime: '2025',
    provenance: 'zeusinsight/doctonext public/data/Zonage_Doctonext/sages-femmes.csv @ 6065e3704235c691d41dd186aee8dc91be3218ef',
    avertissement: 'Export 2025 (déposé le 12 septembre 2025) sans dates d\'arrêtés : reflète les arrêtés régionaux en vigueur à cette date (déduit) ; valeur à confirmer après un arrêté régional plus récent'},
  {id: 'orthophonistes_2025', champ: 'zonage.profession', profession: 'orthophoniste', debut: '2025-01-01', fin: '',
    libelle: 'Zonage orthophonistes', producteur: 'ARS via CartoSanté', millesime: '2025',
    provenance: 'zeusinsight/doctonext public/data/Zonage_Doctonext/orthophonistes.csv @ 6065e3704235c691d41dd186aee8dc91be3218ef',
    avertissement: 'Export 2025 (déposé le 12 septembre 2025) sans dates d\'arrêtés : reflète les arrêtés régionaux en vigueur à cette date (déduit) ; valeur à confirmer après un arrêté régional plus récent'},
  {id: 'chirurgiens_dentistes_2025', champ: 'zonage.profession', profession: 'chirurgien_dentiste', debut: '2025-01-01', fin: '',
    libelle: 'Zonage chirurgiens-dentistes', producteur: 'ARS via CartoSanté', millesime: '2025',
    provenance: 'zeusinsight/doctonext public/data/Zonage_Doctonext/chirurgiens-dentistes.csv @ 134d7fc143190b7a5cbdb123733f27803cc980fe',
    avertissement: 'Export 2025 (déposé le 12 septembre 2025) sans dates d\'arrêtés : reflète les arrêtés régionaux en vigueur à cette date (déduit) ; valeur à confirmer après un arrêté régional plus récent'},
  {id: 'frr_2025_07', champ: 'zonage.frr', profession: '', debut: '2025-07-10', fin: '',
    libelle: 'France Ruralités Revitalisation (FRR, FRR+)', producteur: 'DGCL', millesime: 'classement du 10 juillet 2025',
    provenance: 'incubateur-ademe/benefriches apps/api/data/france-ruralites/ @ 23f401f86c870d59423f3532c85f8ab56f196108',
    avertissement: 'Seul le classement du 10 juillet 2025 est disponible : entre le 1er juillet 2024 (début de FRR) et le 9 juillet 2025, la valeur reste à confirmer'},
  {id: 'zrr_2017', champ: 'zonage.zrr', profession: '', debut: '2017-07-01', fin: '2024-06-30',
    libelle: 'Zones de revitalisation rurale (ZRR)', producteur: 'ANCT', millesime: 'arrêté du 16 mars 2017 modifié le 22 février 2018, COG 2021',
    provenance: 'Guillaume-Bsst/Time4-ZRR-QPV ZRR_list_source.csv @ 02967b7350ff67fe4847df44ad93cf335144133c',
    avertissement: 'Dispositif remplacé par FRR le 1er juillet 2024 ; codes COG 2021 rapportés aux communes actuelles'},
  {id: 'qpv_2024', champ: 'zonage.qpv', profession: '', debut: '2024-01-01', fin: '',
    libelle: 'Quartiers prioritaires de la politique de la ville (QPV 2024)', producteur: 'ANCT', millesime: 'QP2024',
    provenance: 'anct-carto/superposeur-V2 data/admin/centroide-4326_qpv.geojson @ 3f2b0c0b87604a13831a9f214988878b6a4cb67e',
    avertissement: 'Un QPV est une partie de commune : à confirmer pour l\'adresse ; environ 90 des ~1 584 QPV manquent à la liste'},
  {id: 'zfu_te_2019', champ: 'zonage.zfu', profession: '', debut: '', fin: '',
    libelle: 'Zones franches urbaines – territoires entrepreneurs (ZFU-TE)', producteur: 'ANCT', millesime: 'août 2019',
    provenance: 'anct-carto/superposeur data/zonages.csv @ 03f6a495954ef55ec99f6d0d5e9f2e0363155fcd, rapproché par nom de commune',
    avertissement: 'Rapprochement par nom (homonymes signalés) ; une ZFU est une partie de commune : à confirmer pour l\'adresse'},
  {id: 'montagne_anct', champ: 'zonage.montagne', profession: '', debut: '', fin: '',
    libelle: 'Communes de massif', producteur: 'Observatoire des territoires (ANCT)', millesime: 'vers 2025',
    provenance: 'anct-carto/superposeur-V2 data/grilles/montagne.csv @ e66bddfa442168708e4bb9a57399d69a724c4f19',
    avertissement: 'Périmètre des massifs, plus large que la « zone de montagne » légale : non confirmé'},
  {id: 'densite_insee', champ: 'territoire.densite', profession: '', debut: '', fin: '',
    libelle: 'Grille communale de densité (7 niveaux)', producteur: 'INSEE via ANCT', millesime: 'vers 2025',
    provenance: 'anct-carto/superposeur-V2 data/grilles/densite.csv @ e66bddfa442168708e4bb9a57399d69a724c4f19',
    avertissement: 'Indicateur de territoire, pas un zonage'},
];

// ---------------------------------------------------------------- decrees

const ARRETE_COLUMNS = ['id', 'champ', 'profession', 'region', 'nature', 'autorite', 'reference', 'signe_le',
  'debut', 'au_plus_tard', 'couche', 'url', 'extrait', 'lu_le', 'remarque'];

function isIsoDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Checks the hand-curated decrees (arretes_zonage.mjs) against the layers
// and the regions, and sorts them: by field, profession, region, then date
// (undated last).
function buildDecrees(cog) {
  const regions = new Set(cog.regions.map((r) => r.code));
  const layers = new Map(LAYERS.map((l) => [l.id, l]));
  const ids = new Set();
  const reflected = new Set();
  for (const a of ARRETES) {
    const where = `arretes_zonage.mjs: ${a.id}`;
    for (const c of ARRETE_COLUMNS) if (typeof a[c] !== 'string') fail(`${where}: column ${c} missing`);
    if (!/^[a-z0-9_]+$/.test(a.id) || ids.has(a.id)) fail(`${where}: bad or duplicate id`);
    ids.add(a.id);
    if (a.region !== '*' && !regions.has(a.region)) fail(`${where}: unknown region ${a.region}`);
    if (!['zonage', 'revision', 'creation', 'fin'].includes(a.nature)) fail(`${where}: unknown nature ${a.nature}`);
    for (const c of ['signe_le', 'debut', 'au_plus_tard', 'lu_le']) {
      if (a[c] !== '' && !isIsoDate(a[c])) fail(`${where}: bad date in ${c}`);
    }
    if (a.debut !== '' && a.au_plus_tard !== '') fail(`${where}: debut and au_plus_tard are exclusive`);
    if (!/^https?:\/\//.test(a.url) || a.extrait === '' || a.lu_le === '') fail(`${where}: source (url, extrait, lu_le) required`);
    if (a.couche !== '') {
      const l = layers.get(a.couche);
      if (!l) fail(`${where}: unknown layer ${a.couche}`);
      if (l.champ !== a.champ || l.profession !== a.profession) fail(`${where}: layer ${a.couche} feeds another field`);
      const key = `${a.couche}|${a.region}`;
      if (reflected.has(key)) fail(`${where}: layer ${a.couche} already reflects a text in region ${a.region}`);
      reflected.add(key);
    }
  }
  const when = (a) => a.debut || a.au_plus_tard || '9999-99-99';
  const rows = [...ARRETES].sort((x, y) => cmp(x.champ, y.champ) || cmp(x.profession, y.profession) ||
      cmp(x.region, y.region) || cmp(when(x), when(y)) || cmp(x.id, y.id));
  return tsv(ARRETE_COLUMNS, rows.map((a) => ARRETE_COLUMNS.map((c) => a[c])));
}

// ---------------------------------------------------------------- main

function generate(shared, outDir) {
  if (!fs.existsSync(path.join(shared, 'README.md'))) fail(`shared data not found in ${shared} (use --shared DIR)`);
  const log = [];
  const cog = loadCog();
  const coords = loadCoordinates(shared);
  const files = new Map();

  const c = buildCommunes(cog, coords);
  files.set('communes.tsv', c.communes);
  files.set('anciens_codes.tsv', c.former);
  const t = buildTerritories(cog);
  files.set('departements.tsv', t.departements);
  files.set('regions.tsv', t.regions);
  log.push(`communes: ${cog.communes.length} entries, ${cog.former.size} former codes, ` +
      `${c.missingCoordinates.length} current entries without coordinates${c.missingCoordinates.length ? ': ' + c.missingCoordinates.join(',') : ''}`);

  const joined = joinDoctors(cog, shared, log);
  const doctorDiffs = compareDoctors(shared, joined, log);
  const zfu = readZfu(cog, shared, log);

  const sources = {
    medecins_2025_05: () => doctorsEntries(joined),
    infirmiers_2025: () => readCartosante(shared, 'cartosante_doctonext/infirmier.csv'),
    infirmiers_2026_03: () => readCartosante(shared, 'cartosante_infirmiers_2026/zonage_infirmiers.csv'),
    masseurs_kinesitherapeutes_2025: () => readCartosante(shared, 'cartosante_doctonext/masseurs-kinesitherapeutes.csv'),
    sages_femmes_2025: () => readCartosante(shared, 'cartosante_doctonext/sages-femmes.csv'),
    orthophonistes_2025: () => readCartosante(shared, 'cartosante_doctonext/orthophonistes.csv'),
    chirurgiens_dentistes_2025: () => readCartosante(shared, 'cartosante_doctonext/chirurgiens-dentistes.csv'),
    frr_2025_07: () => readFrr(shared),
    zrr_2017: () => readZrr(shared),
    qpv_2024: () => readQpv(shared),
    zfu_te_2019: () => zfu.entries,
    montagne_anct: () => readMontagne(shared),
    densite_insee: () => readDensity(shared),
  };
  const meta = [];
  for (const l of LAYERS) {
    const rows = mapToCurrent(cog, l.id, sources[l.id](), log);
    files.set(`layers/${l.id}.tsv`, tsv(['code', 'valeur', 'detail'], rows));
    meta.push([l.id, l.champ, l.profession, l.debut, l.fin, l.libelle, l.producteur, l.millesime,
      l.provenance, l.avertissement, String(rows.length)]);
  }
  files.set('arretes_zonage.tsv', buildDecrees(cog));
  files.set('layers.tsv', tsv(['id', 'champ', 'profession', 'debut', 'fin', 'libelle', 'producteur',
    'millesime', 'provenance', 'avertissement', 'lignes'], meta));

  fs.mkdirSync(path.join(outDir, 'layers'), {recursive: true});
  for (const [name, text] of files) fs.writeFileSync(path.join(outDir, name), text);
  return {log, files, doctorDiffs};
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.check) {
    const {log, doctorDiffs} = generate(args.shared, args.out);
    for (const l of log) console.log(l);
    if (doctorDiffs > 0) fail(`the doctors' join differs from the derived file (${doctorDiffs} differences)`);
    console.log(`import: wrote ${args.out}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capsante-import-'));
  try {
    const {log, files, doctorDiffs} = generate(args.shared, tmp);
    for (const l of log) console.log(l);
    let differences = 0;
    for (const name of [...files.keys()].sort(cmp)) {
      const committed = path.join(args.out, name);
      if (!fs.existsSync(committed)) { console.error(`check: ${name} is missing from ${args.out}`); differences++; continue; }
      if (!fs.readFileSync(committed).equals(Buffer.from(files.get(name), 'utf8'))) {
        console.error(`check: ${name} differs from a fresh import`);
        differences++;
      }
    }
    // A stray data file (an old layer) is a difference too.
    const present = [...fs.readdirSync(args.out).filter((f) => f.endsWith('.tsv')),
      ...(fs.existsSync(path.join(args.out, 'layers')) ? fs.readdirSync(path.join(args.out, 'layers')).map((f) => `layers/${f}`) : [])];
    for (const f of present) if (!files.has(f)) { console.error(`check: ${f} is not produced by the import`); differences++; }
    if (doctorDiffs > 0) { console.error(`check: the doctors' join differs from the derived file (${doctorDiffs})`); differences++; }
    if (differences > 0) fail(`check failed: ${differences} difference(s); run \`npm run import\` in tools/import`);
    console.log(`check: ${files.size} files identical to ${args.out}`);
  } finally {
    fs.rmSync(tmp, {recursive: true, force: true});
  }
}

main();
