// The results: a summary, the best legal combination when eligible aids
// exclude each other, the cards by status (each with the reason for its
// status in one sentence and what would change it), and the print summary.
import { h, fill, $, section } from './dom.js';
import { euros, frenchDate, plural } from './format.js';
import { labelOf, valueLabel, capitalized, STATUS, STATUS_ORDER, CONDITION, PERIOD } from './vocab.js';
import { timeline } from './timeline.js';
import { declinedGate } from './questionnaire.js';

// Source documents quote web pages: drop their leftover markup.
export function cleanQuote(text) {
  return String(text || '')
    .replace(/\^\{([^}]*)\}/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/\\([_*])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function amountText(aid) {
  const m = aid.montant;
  if (!m) return '';
  if (m.non_chiffre) return 'Montant non chiffré par les sources';
  const parts = [];
  if (m.periodicite === 'unique') {
    if (m.total != null) {
      const n = (m.echeancier || []).length;
      parts.push(`${euros(m.total)}${n > 1 ? ` en ${n} versements` : ' (versement unique)'}`);
    }
  } else if (m.par_periode != null) {
    parts.push(`${euros(m.par_periode)} ${PERIOD[m.periodicite] || ''}`.trim());
    if (m.total != null) parts.push(`jusqu'à ${euros(m.total)} au total`);
  } else if (m.total != null) {
    parts.push(`${euros(m.total)} au total`);
  }
  if (!parts.length) {
    // The default answer leaves the amount's missing fields among the aid's.
    const missing = m.manquants || aid.manquants || [];
    return missing.length ? `Montant à préciser (il manque : ${missing.map(labelOf).join(', ')})` : 'Montant à préciser';
  }
  return parts.join(' — ');
}

const nameOf = (names, id) => names.get(id) || 'une autre aide';

// One sentence: why the aid has its status, in words.
export function reasonOf(aid, names) {
  if (aid.raison) return aid.raison;
  switch (aid.statut) {
    case 'eligible':
      return 'Vous remplissez toutes les conditions connues.';
    case 'a_preciser': {
      const missing = [...new Set([...(aid.manquants || [])])];
      const declined = missing.map(declinedGate);
      if (missing.length && declined.every(Boolean)) {
        return `Vous avez répondu non à la question « ${declined[0].question_prealable} » : cette aide ne s'applique que si c'est le cas.`;
      }
      if (missing.length) return `Il manque une réponse pour conclure : ${missing.map(labelOf).join(', ')}.`;
      return aid.message || 'Les sources ne donnent pas toutes les conditions : renseignez-vous auprès du contact.';
    }
    case 'non_eligible': {
      if (aid.bloquee_par?.length) return `Non cumulable avec votre contrat en cours : ${aid.bloquee_par.map((id) => nameOf(names, id)).join(', ')}.`;
      const failed = (aid.conditions || []).find((c) => c.statut === 'non_remplie');
      if (failed) return `Condition non remplie : ${failed.texte}${failed.note ? ` (${failed.note})` : ''}.`;
      return aid.message || 'Une condition n\'est pas remplie.';
    }
    case 'ferme': {
      const f = aid.fenetre || {};
      const replaced = f.remplacee_par?.length ? ` ; remplacée par : ${f.remplacee_par.map((id) => nameOf(names, id)).join(', ')}` : '';
      if (f.fermeture) return `Souscription fermée depuis le ${frenchDate(nextDay(f.fermeture))}${replaced}.`;
      if (f.ouverture) return `Souscription ouverte à partir du ${frenchDate(f.ouverture)}.`;
      return aid.message || 'Cette aide ne peut pas être souscrite à cette date.';
    }
    default:
      throw new Error(`statut inattendu : ${aid.statut}`);
  }
}

function nextDay(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// What one fact or one choice would change, from the engine: each value that
// alone would make the aid eligible, in words, with the amount it would give
// (`ce_qui_changerait`); the failed condition otherwise (`pour_devenir_eligible`).
function wouldChange(aid) {
  if (aid.statut === 'eligible') return null;
  const values = aid.ce_qui_changerait || [];
  if (values.length) {
    return h('ul', { class: 'cs-changerait', 'aria-label': 'Ce qui la rendrait éligible' }, values.map((c) => h('li', { 'data-montant': c.montant },
      `${capitalized(c.texte)}, elle vous serait ouverte`, c.montant != null ? [' : ', h('strong', {}, euros(c.montant))] : null, '.')));
  }
  const list = aid.pour_devenir_eligible || [];
  if (!list.length) return null;
  return h('p', { class: 'cs-changerait' }, 'Elle deviendrait possible si : ', list.map((c) => c.texte).join(' ; ou '), '.');
}

export function sourceBlock(s) {
  const title = s.titre || (s.url ? 'Texte officiel' : 'Document de référence');
  const origin = [s.emetteur, s.date ? frenchDate(s.date) : null].filter(Boolean).join(', ');
  return h('blockquote', { class: 'cs-source' },
    h('p', {}, `« ${cleanQuote(s.extrait)} »`),
    h('p', { class: 'cs-source__doc' },
      s.url ? h('a', { href: s.url, rel: 'noopener', target: '_blank', title: `${title} — nouvelle fenêtre` }, title) : title,
      origin ? ` — ${origin}` : '',
      s.lu_le ? ` (lu le ${frenchDate(s.lu_le)})` : '',
      s.officiel === false ? ' — source non officielle' : ''));
}

export function contactBlock(c, aid) {
  if (!c) return null;
  return h('div', { class: 'cs-contact' },
    h('p', {}, h('strong', {}, c.organisme)),
    aid?.demarche ? h('p', {}, `Pour en bénéficier : ${aid.demarche}`)
      : h('p', {}, `Pour en bénéficier : adressez votre demande à cet organisme${aid?.statut === 'a_preciser' ? ', qui vérifiera les conditions restant à préciser' : ''}.`),
    c.telephone && h('p', {}, `Téléphone : ${c.telephone}`),
    c.courriel && h('p', {}, 'Courriel : ', h('a', { href: `mailto:${c.courriel}` }, c.courriel)),
    c.site && h('p', {}, 'Site : ', h('a', { href: c.site, rel: 'noopener', target: '_blank' }, c.site)),
    c.adresse && h('p', {}, `Adresse : ${c.adresse}`),
    c.note && h('p', { class: 'fr-text--sm' }, c.note));
}

function months(n) {
  if (n % 12 === 0) return plural(n / 12, 'an', 'ans');
  return plural(n, 'mois', 'mois');
}

// Commitments, duration, renewal, clawback: what signing binds the user to.
function commitments(aid) {
  const items = [];
  for (const t of aid.engagements || []) items.push(h('li', {}, typeof t === 'string' ? t : t.texte));
  const duration = aid.duree_mois ?? aid.montant?.duree_mois;
  if (duration) items.push(h('li', {}, `Durée du contrat : ${months(duration)}.`));
  if (aid.renouvellement) items.push(h('li', {}, `Renouvellement : ${aid.renouvellement}`));
  if (aid.remboursement?.texte) items.push(h('li', {}, `En cas de départ anticipé : ${aid.remboursement.texte}`));
  return items.length ? h('ul', { class: 'cs-engagements' }, items) : null;
}

function schedule(aid) {
  const payments = (aid.montant?.echeancier || []).filter((p) => p.montant != null);
  if (!payments.length) return null;
  return h('ul', { class: 'cs-echeancier' }, payments.map((p) => h('li', {},
    p.date ? frenchDate(p.date) : `${p.mois_apres_debut} mois après le début`, ' : ', h('strong', {}, euros(p.montant)),
    p.libelle ? ` — ${p.libelle}` : '')));
}

function conditionsList(aid) {
  const conditions = aid.conditions || [];
  if (!conditions.length) return null;
  return h('ul', { class: 'cs-conditions' }, conditions.map((c) => h('li', { class: `cs-condition--${c.statut}` },
    h('span', { class: 'cs-condition__marque', 'aria-hidden': 'true' }, CONDITION[c.statut].marque),
    h('span', { class: 'cs-condition__statut' }, `${CONDITION[c.statut].texte} :`), ' ', c.texte,
    c.note ? h('em', {}, ` (${c.note})`) : null,
    c.source ? sourceBlock(c.source) : null)));
}

function card(aid, names, choice) {
  const m = aid.montant;
  const conditions = aid.conditions || [];
  const met = conditions.filter((c) => c.statut === 'remplie').length;
  const eligibleLike = aid.statut === 'eligible' || aid.statut === 'a_preciser';
  let choiceNote = null;
  if (choice && aid.statut === 'eligible') {
    choiceNote = choice.ids.has(aid.id)
      ? h('p', { class: 'fr-badge fr-badge--sm fr-badge--green-emeraude cs-choix', 'data-choix': 'retenue' }, 'Dans la meilleure combinaison')
      : h('p', { class: 'cs-choix', 'data-choix': 'alternative' }, `Alternative : non cumulable avec ${
        (aid.incompatible_avec || []).filter((id) => choice.ids.has(id)).map((id) => nameOf(names, id)).join(', ')}.`);
  }
  return h('article', {
    class: `cs-carte cs-carte--${aid.statut}`, id: `aide-${aid.id}`, 'data-id': aid.id, 'data-statut': aid.statut,
    'data-total': m?.total ?? null, 'data-par-periode': m?.par_periode ?? null,
  },
  h('div', { class: 'cs-carte__tete' },
    h('h4', { class: 'cs-carte__titre' }, aid.nom),
    h('p', { class: `fr-badge fr-badge--sm ${STATUS[aid.statut].badge}` }, STATUS[aid.statut].titre)),
  h('p', { class: 'cs-carte__financeur' }, aid.financeur),
  choiceNote,
  m ? h('p', { class: 'cs-montant' }, amountText(aid)) : null,
  h('p', { class: 'cs-raison' }, reasonOf(aid, names)),
  wouldChange(aid),
  (aid.avertissements || []).map((a) => h('p', { class: 'fr-text--sm cs-avertissement' }, a)),
  aid.possible_a_partir_du ? h('p', { class: 'cs-changerait' }, `Possible à partir du ${frenchDate(aid.possible_a_partir_du)}.`) : null,
  aid.verifie_le ? h('p', { class: 'fr-text--xs cs-verifie' }, `Texte officiel vérifié le ${frenchDate(aid.verifie_le)}.`) : null,
  section('Échéancier des versements', schedule(aid)),
  eligibleLike ? commitments(aid) && h('div', { class: 'cs-suivi' }, h('h5', { class: 'fr-text--md fr-mb-1v' }, 'Ce à quoi vous vous engagez'), commitments(aid))
    : section('Engagements', commitments(aid)),
  section(`Conditions (${met} remplie(s) sur ${conditions.length})`, conditionsList(aid)),
  section('Incompatibilités', aid.incompatible_avec?.length
    ? h('p', {}, `Non cumulable avec : ${aid.incompatible_avec.map((id) => nameOf(names, id)).join(' ; ')}.`) : null),
  section('Sources', (aid.sources || []).map(sourceBlock),
    (aid.informations || []).map((i) => h('p', { class: 'fr-text--sm' }, `À savoir : ${cleanQuote(i.texte)}`))),
  eligibleLike ? h('div', { class: 'cs-suivi' }, h('h5', { class: 'fr-text--md fr-mb-1v' }, 'Contact et démarche'), contactBlock(aid.contact, aid))
    : section('Contact', contactBlock(aid.contact, aid)));
}

// Eligible aids that exclude each other: the engine's best legal combination.
export function choiceOf(result) {
  const c = result.combinaison;
  if (!c) return null;
  const eligible = result.aides.filter((a) => a.statut === 'eligible');
  const ids = new Set(c.aides || []);
  const conflicting = eligible.some((a) => (a.incompatible_avec || []).some((id) => eligible.find((b) => b.id === id)));
  return conflicting ? { ids, total: c.total, annees: c.annees } : null;
}

function choiceBox(choice, names) {
  if (!choice) return null;
  return h('div', { class: 'fr-callout cs-combinaison', id: 'combinaison' },
    h('h3', { class: 'fr-callout__title fr-h6' }, 'Ces aides ne se cumulent pas : choisissez'),
    h('p', { class: 'fr-callout__text' }, `La meilleure combinaison permise : ${[...choice.ids].map((id) => nameOf(names, id)).join(' + ')}, `,
      h('strong', { 'data-total': choice.total }, euros(choice.total)),
      choice.annees ? ` sur ${plural(choice.annees, 'an', 'ans')}` : '', '. Les autres aides éligibles restent affichées comme alternatives.'));
}

// Facts of the commune with the zoning decree they come from; a zone whose
// decree was replaced by one whose values are not known is "à confirmer",
// with the previous value given as information only.
function zoneFact(f, label) {
  if (!f) return null;
  const decree = f.arrete?.libelle ? ` (${f.arrete.libelle})` : f.note && !f.a_confirmer ? ` (${f.note})` : '';
  if (f.a_confirmer) {
    // The newer text in the library's own words (its label says who and
    // when, "au plus tard" included, or that it is the national revision).
    return h('li', { 'data-champ-zone': 'a_confirmer' }, `${label} : `, h('strong', {}, 'à confirmer'),
      f.remplace_par?.libelle ? ` — texte plus récent : ${f.remplace_par.libelle}` : '',
      f.valeur_precedente ? ` ; selon le zonage précédent${decree} : ${valueLabel(f.champ, f.valeur_precedente)}, à titre d'information` : '',
      '. Vérifiez sur le site de l\'ARS ou sur Rézone, puis indiquez votre zone.');
  }
  return h('li', {}, `${label} : `, h('strong', {}, f.valeur != null ? valueLabel(f.champ, f.valeur) : 'inconnu'),
    h('span', { class: 'cs-couche' }, decree));
}

function communeLine(result) {
  if (!result.commune) return null;
  // The default answer lists a fact the commune gives plainly (no decree,
  // nothing to confirm) only as its value in `commune.zonage`.
  const zoning = result.commune.zonage || {};
  const find = (champ) => (result.faits || []).find((f) => f.champ === champ)
    || (zoning[champ.slice('zonage.'.length)] != null ? { champ, valeur: String(zoning[champ.slice('zonage.'.length)]) } : null);
  return h('div', {},
    h('p', {}, 'Commune : ', h('strong', {}, result.commune.nom), ` (${result.commune.code})`),
    h('ul', { class: 'cs-faits' }, zoneFact(find('zonage.medecin'), 'Zonage médecins'), zoneFact(find('zonage.profession'), 'Zonage de votre profession')),
    h('div', { id: 'historique-zonage' }));
}

// The commune's zoning history, one line per zoning that concerns the user.
export function renderHistory(history, profession) {
  const box = $('#historique-zonage');
  if (!box || !history?.historique) return;
  const lines = history.historique.filter((e) => e.resume && (e.champ === 'zonage.medecin' || e.profession === profession));
  fill(box, lines.length ? h('details', { class: 'cs-details' }, h('summary', {}, 'Historique du zonage de la commune'),
    h('ul', { class: 'cs-historique' }, lines.map((e) => h('li', {}, h('strong', {}, `${e.libelle} : `), e.resume)))) : null);
}

// A lean answer names each cited document once, in `documents`: put its
// title, issuer, date and address back beside each quoted sentence.
function withDocuments(result) {
  const docs = result.documents || {};
  for (const aid of result.aides) aid.sources = (aid.sources || []).map((s) => ({ ...docs[s.document], ...s }));
  return result;
}

export function renderResults(result, { onPrintSummary }) {
  withDocuments(result);
  const names = new Map(result.aides.map((a) => [a.id, a.nom]));
  const groups = Object.fromEntries(STATUS_ORDER.map((s) => [s, []]));
  for (const aid of result.aides) groups[aid.statut]?.push(aid);
  const r = result.resume;
  const choice = choiceOf(result);
  const pending = (result.faits || []).filter((f) => f.origine === 'a_confirmer');
  fill($('#synthese'),
    h('p', { id: 'synthese-texte' }, `Au ${frenchDate(result.date)}${result.date_par_defaut ? ' (aujourd\'hui)' : ''} : `,
      h('strong', {}, String(r.eligible)), ' aide(s) éligible(s), ', h('strong', {}, String(r.a_preciser)), ' à préciser, ',
      `${r.non_eligible} non éligible(s), ${r.ferme} fermée(s).`,
      result.aides_autres_professions ? ` ${result.aides_autres_professions} aide(s) concernent d'autres professions.` : ''),
    communeLine(result),
    pending.length ? h('p', { class: 'fr-text--sm' }, `À confirmer pour l'adresse : ${pending.map((f) => labelOf(f.champ)).join(', ')}.`) : null,
    choiceBox(choice, names));
  const shown = choice ? result.aides.filter((a) => choice.ids.has(a.id)) : groups.eligible;
  fill($('#frise'), timeline(shown));
  fill($('#groupes'), STATUS_ORDER.filter((s) => groups[s].length).map((s) => {
    const cards = groups[s].map((a) => card(a, names, choice));
    const title = `${STATUS[s].groupe} (${groups[s].length})`;
    if (s === 'non_eligible' || s === 'ferme') {
      return h('section', { class: 'cs-groupe', id: `groupe-${s}`, 'aria-label': title },
        h('details', { class: 'cs-details cs-details--groupe' }, h('summary', {}, h('h3', { class: 'fr-h6 cs-inline' }, title)), cards));
    }
    return h('section', { class: 'cs-groupe', id: `groupe-${s}`, 'aria-labelledby': `titre-groupe-${s}` },
      h('h3', { class: 'fr-h5', id: `titre-groupe-${s}` }, title), cards);
  }));
  onPrintSummary?.(result, choice, names);
}

// Sticky summary near the question: the effect of each answer, at a glance.
export function renderBanner(result) {
  const box = $('#bandeau');
  if (!result) { fill(box); box.hidden = true; return; }
  const choice = choiceOf(result);
  const eligible = result.aides.filter((a) => a.statut === 'eligible');
  const total = choice ? choice.total : eligible.reduce((s, a) => s + (a.montant?.total || 0), 0);
  box.hidden = false;
  fill(box, h('p', { class: 'fr-mb-0' }, h('strong', { id: 'bandeau-total', 'data-total': total }, euros(total)),
    ` · ${plural(result.resume.eligible, 'aide éligible', 'aides éligibles')}, ${result.resume.a_preciser} à préciser `,
    h('a', { href: '#resultats', class: 'fr-link fr-link--sm' }, 'Voir le détail')));
}

// One or two printed pages: the choice, payment dates, commitments,
// contacts, sources, and the warning that the result is indicative.
export function printSummary(result, choice, names, situationLines) {
  const kept = result.aides.filter((a) => (choice ? choice.ids.has(a.id) : a.statut === 'eligible'));
  const toCheck = result.aides.filter((a) => a.statut === 'a_preciser');
  fill($('#resume-impression'),
    h('p', { class: 'cs-avertissement-impression' }, 'Résultat indicatif, établi par capsante à partir des textes cités : l\'organisme qui verse chaque aide décide de son attribution.'),
    h('p', {}, h('strong', {}, 'Situation : '), situationLines.join(' ; ') || 'aucune réponse', '.'),
    h('p', {}, h('strong', {}, `Aides retenues au ${frenchDate(result.date)} : `),
      kept.length ? `${kept.map((a) => a.nom).join(' + ')} — ${euros(choice ? choice.total : kept.reduce((s, a) => s + (a.montant?.total || 0), 0))}` : 'aucune'),
    kept.map((a) => h('section', { class: 'cs-impression-aide' },
      h('h3', {}, `${a.nom} — ${amountText(a)}`),
      schedule(a),
      commitments(a),
      contactBlock(a.contact, a),
      h('p', { class: 'cs-impression-sources' }, 'Sources : ', (a.sources || []).map((s) => `${s.titre || 'document de référence'}${s.url ? ` (${s.url})` : ''}`).join(' ; ')))),
    toCheck.length ? h('p', {}, h('strong', {}, 'À préciser : '), toCheck.map((a) => `${a.nom} (${(a.manquants || []).map(labelOf).join(', ') || 'conditions à vérifier'})`).join(' ; ')) : null);
}
