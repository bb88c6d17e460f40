// The legal texts behind the zoning layers, by region: ARS decrees (arrêtés)
// that fixed each profession's zoning, and the national texts that open or
// close a scheme (FRR, ZRR) or set a layer's start (QPV 2024). Hand-curated
// from official pages (ARS, PAPS, Légifrance) read with the search tool on
// 2026-11-29; each row quotes its source sentence. import.mjs checks the rows
// and writes them to data/arretes_zonage.tsv (format: docs/data-formats.md).
//
// Columns:
//  id           stable id, [a-z0-9_]+
//  champ        situation field (zonage.medecin, zonage.profession, zonage.frr, ...)
//  profession   for zonage.profession rows: the situation profession value
//  region       INSEE region code, or '*' for every region without a row of
//               its own for the same champ and profession
//  nature       'zonage' (fixes the zones), 'creation' (the scheme starts:
//               before, the fact is legally false), 'fin' (the scheme ends)
//  autorite     who signed ("ARS Centre-Val de Loire")
//  reference    the text ("arrêté n° 2022-DOS-DM-0003")
//  signe_le     date of signature, '' when not found
//  debut        first day in force, '' when not found
//  au_plus_tard when `debut` is not found: a day by which the text is known
//               to be in force (publication, press report); the library
//               treats it as the switch date (conservative)
//  couche       the imported layer whose values reflect this text in this
//               region; '' when its values are not imported
//  url, extrait, lu_le   the source (the sentence copied verbatim)
//  remarque     French: what is missing or inferred
//
// Where a region's dates could not be found, the row says so in `remarque`;
// regions with no row at all: see docs/zonings.md (Decrees).

const READ = '2026-11-29';

export const ARRETES = [
  // ------------------------------------------------ doctors (zonage.medecin)
  {id: 'medecin_24_2022', champ: 'zonage.medecin', profession: '', region: '24', nature: 'zonage',
    autorite: 'ARS Centre-Val de Loire', reference: 'arrêté n° 2022-DOS-DM-0003', signe_le: '2022-01-13', debut: '2022-01-13', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://cardiologie.lequotidiendumedecin.fr/sante-societe/demographie/centre-val-de-loire-85-de-la-population-reside-dans-une-zone-sous-dotee-en-medecins',
    extrait: 'Dans l’Indre par exemple, l’intégralité du département est en ZIP, à part Châteauroux, dans le Cher seule la ville de Bourges, à l’exception de quelques quartiers, ne passe pas au rouge.',
    lu_le: READ,
    remarque: 'Numéro et date de l’arrêté : issue 13 (arrêté du 13 janvier 2022) ; la page de l’ARS sur cette actualisation (https://www.centre-val-de-loire.ars.sante.fr/lars-actualise-le-zonage-medecin-en-centre-val-de-loire) ne donne pas la date ; source de presse professionnelle. La couche de mai 2025 reflète ce zonage (Déols ZIP, Châteauroux ZAC).'},
  {id: 'medecin_24_2026', champ: 'zonage.medecin', profession: '', region: '24', nature: 'zonage',
    autorite: 'ARS Centre-Val de Loire', reference: 'nouvel arrêté de zonage médecins (méthode de l’arrêté du 9 mai 2025)', signe_le: '', debut: '', au_plus_tard: '2026-02-10',
    couche: '',
    url: 'https://www.centre-val-de-loire.ars.sante.fr/index.php/zonage-medecin-en-centre-val-de-loire',
    extrait: 'Ce nouveau zonage s’inscrit dans la dynamique de la convention médicale 2024-2029, signée le 4 juin 2024 entre les représentants des médecins libéraux, l’Assurance maladie (Uncam) et les organismes complémentaires (Unocam).',
    lu_le: READ,
    remarque: 'Date d’effet non trouvée (la page de l’ARS est tronquée dans nos sources). En vigueur au plus tard le 10 février 2026 : ce jour-là, l’URPS médecins libéraux conteste « la récente cartographie des zones médicales en Centre-Val de Loire, arrêtée par l’ARS », où Déols passe de ZIP à ZAC (https://www.actudreux.fr/economie/5410). Valeurs non importées.'},
  {id: 'medecin_84_2022', champ: 'zonage.medecin', profession: '', region: '84', nature: 'zonage',
    autorite: 'ARS Auvergne-Rhône-Alpes', reference: 'arrêté de zonage médecine générale de 2022', signe_le: '', debut: '', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://www.auvergne-rhone-alpes.ars.sante.fr/index.php/acces-aux-soins-publication-du-nouveau-zonage-de-medecine-generale',
    extrait: 'Ainsi, suite au dernier zonage datant de 2022 montrant une stabilité sans grandes améliorations, l’ARS Auvergne-Rhône-Alpes a établi, selon une méthodologie adaptée aux spécificités locales et en concertation avec ses partenaires, une nouvelle cartographie des territoires sous-denses.',
    lu_le: READ, remarque: 'Date exacte du zonage 2022 non trouvée. Couche de mai 2025 : zonage en vigueur à la date de l’export (déduit).'},
  {id: 'medecin_84_2026', champ: 'zonage.medecin', profession: '', region: '84', nature: 'zonage',
    autorite: 'ARS Auvergne-Rhône-Alpes', reference: 'arrêté n° 2025-17-1113', signe_le: '', debut: '2026-01-01', au_plus_tard: '',
    couche: '',
    url: 'https://www.auvergne-rhone-alpes.ars.sante.fr/index.php/acces-aux-soins-publication-du-nouveau-zonage-de-medecine-generale',
    extrait: 'Ce nouveau classement entrera en vigueur au 1er janvier 2026 pour une durée de 2 ans maximum ; il pourra être révisé afin de tenir compte de l’évolution de la situation des territoires et des besoins des habitants.',
    lu_le: READ, remarque: 'Numéro de l’arrêté : URPS médecins AURA (« Vous pouvez consulter ici l’arrêté n° 2025-17-1113 relatif à la détermination des zones »). Valeurs non importées.'},
  {id: 'medecin_32_2022', champ: 'zonage.medecin', profession: '', region: '32', nature: 'zonage',
    autorite: 'ARS Hauts-de-France', reference: 'zonage médecins généralistes publié le 26 avril 2022', signe_le: '', debut: '2022-04-26', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://hauts-de-france.paps.sante.fr/lars-hauts-de-france-elargit-le-zonage-medecins-generalistes-et-etend-lacces-aux-aides-0',
    extrait: 'L’ARS Hauts-de-France a publié le 26 avril 2022 le nouveau zonage médecins généralistes.',
    lu_le: READ, remarque: 'Date de publication prise comme date d’effet ; numéro de l’arrêté non trouvé.'},
  {id: 'medecin_32_2026', champ: 'zonage.medecin', profession: '', region: '32', nature: 'zonage',
    autorite: 'ARS Hauts-de-France', reference: 'nouveau zonage médecins généralistes', signe_le: '', debut: '2026-01-01', au_plus_tard: '',
    couche: '',
    url: 'https://www.hauts-de-france.paps.sante.fr/un-nouveau-zonage-pour-les-medecins',
    extrait: 'L’ARS Hauts-de-France publie un nouveau « zonage médecins généralistes », ce nouveau zonage s’applique à partir du 1er janvier 2026.',
    lu_le: READ, remarque: 'Numéro de l’arrêté non trouvé. Valeurs non importées.'},
  {id: 'medecin_27_2022', champ: 'zonage.medecin', profession: '', region: '27', nature: 'zonage',
    autorite: 'ARS Bourgogne-Franche-Comté', reference: 'zonage médecins de mars 2022', signe_le: '', debut: '2022-03-16', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://rhumatologie.lequotidiendumedecin.fr/sante-societe/demographie/bourgogne-franche-comte-761-de-la-population-reside-dans-une-zone-sous-dense',
    extrait: 'À l’image des autres régions, le zonage médecin a été révisé en début d’année pour prendre effet le 16 mars pour l’ensemble des départements.',
    lu_le: READ, remarque: 'Source de presse professionnelle ; numéro de l’arrêté non trouvé.'},
  {id: 'medecin_27_2025', champ: 'zonage.medecin', profession: '', region: '27', nature: 'zonage',
    autorite: 'ARS Bourgogne-Franche-Comté', reference: 'zonage médecins réactualisé en novembre 2025', signe_le: '', debut: '', au_plus_tard: '2025-11-25',
    couche: '',
    url: 'https://www.bourgogne-franche-comte.paps.sante.fr/zones-eligibles-aux-aides-linstallation-de-medecins-en-bourgogne-franche-comte?parent=8459',
    extrait: 'Le zonage a été réactualisé en novembre 2025.',
    lu_le: READ, remarque: 'Date d’effet non trouvée ; la page du PAPS qui l’annonce est mise à jour le 25/11/2025. Valeurs non importées.'},
  {id: 'medecin_75_2022', champ: 'zonage.medecin', profession: '', region: '75', nature: 'zonage',
    autorite: 'ARS Nouvelle-Aquitaine', reference: 'zonage médecine libérale 2022', signe_le: '', debut: '', au_plus_tard: '2022-04-30',
    couche: 'medecins_2025_05',
    url: 'https://topimmo.info/communiques-de-presse-acces-aux-soins-2022-nouvelle-ars-nouvelle-aquitaine/',
    extrait: 'Ce nouveau classement est entré en vigueur fin avril 2022 pour une durée de 3 ans maximum.',
    lu_le: READ, remarque: 'Reprise d’un communiqué de l’ARS (page officielle non retrouvée) ; jour exact non trouvé (« fin avril 2022 »).'},
  {id: 'medecin_75_2026', champ: 'zonage.medecin', profession: '', region: '75', nature: 'zonage',
    autorite: 'ARS Nouvelle-Aquitaine', reference: 'arrêté du 30 décembre 2025', signe_le: '2025-12-30', debut: '', au_plus_tard: '2026-02-03',
    couche: '',
    url: 'https://www.nouvelle-aquitaine.ars.sante.fr/le-zonage-des-medecins-en-nouvelle-aquitaine',
    extrait: 'Le nouveau zonage - médecins libéraux - a été arrêté par l’Agence régionale de santé (ARS) de Nouvelle-Aquitaine le 30/12/2025 et publié au recueil des actes administratifs de la préfecture de région le 03 février 2026.',
    lu_le: READ, remarque: 'Date d’effet non indiquée : date de publication au recueil des actes administratifs. Valeurs non importées.'},
  {id: 'medecin_93_2026', champ: 'zonage.medecin', profession: '', region: '93', nature: 'zonage',
    autorite: 'ARS Provence-Alpes-Côte d’Azur', reference: 'arrêté du 5 janvier 2026', signe_le: '2026-01-05', debut: '', au_plus_tard: '2026-01-08',
    couche: '',
    url: 'https://www.paca.paps.sante.fr/nouveau-zonage-des-medecins-liberaux-en-region-paca',
    extrait: 'Le nouveau zonage de la région Paca a été arrêté le 5 janvier 2026 après concertation et validation par la Conférence régionale de santé et de l’autonomie (CRSA), l’Assurance maladie et l’Union régionale des professionnels de santé médecin libéraux (URPS-ML).',
    lu_le: READ, remarque: 'Date d’effet non indiquée ; page du PAPS mise à jour le 08/01/2026. Zonage précédent de PACA : date non trouvée. Valeurs non importées.'},
  {id: 'medecin_94_2023', champ: 'zonage.medecin', profession: '', region: '94', nature: 'zonage',
    autorite: 'ARS de Corse', reference: 'arrêté de zonage médecins de 2023', signe_le: '', debut: '2023-05-01', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://toute-la.veille-acteurs-sante.fr/208403/lars-corse-publie-les-arretes-de-zonage-pour-les-medecins-et-les-infirmiers-liberaux-communique',
    extrait: 'Après une large concertation avec les représentants des professionnels de santé (ordres et URPS), l’assurance maladie, la collectivité de Corse et la commission spécialisée de l’offre de soins, émanation de la Conférence régionale de la santé et de l’autonomie (CRSA), un nouveau zonage a été arrêté à compter du 1er mai 2023 pour les médecins et les infirmiers libéraux.',
    lu_le: READ, remarque: 'Reprise du communiqué de l’ARS de Corse.'},
  {id: 'medecin_94_2026', champ: 'zonage.medecin', profession: '', region: '94', nature: 'zonage',
    autorite: 'ARS de Corse', reference: 'arrêté de zonage médecins de 2026', signe_le: '', debut: '2026-02-01', au_plus_tard: '',
    couche: '',
    url: 'https://www.corse.ars.sante.fr/nouveaux-zonages-medecins-et-sages-femmes',
    extrait: 'Dans le cadre de la mise en œuvre du pacte de lutte contre les déserts médicaux, annoncé par le Premier ministre le 25 avril 2025, l’Agence régionale de santé (ARS) de Corse a arrêté deux nouveaux zonages relatifs à l’implantation des médecins et des sage-femmes, applicables à compter du 1er février 2026 afin de favoriser une meilleure répartition géographique de ces professionnels sur le territoire.',
    lu_le: READ, remarque: 'Valeurs non importées.'},
  {id: 'medecin_02_2023', champ: 'zonage.medecin', profession: '', region: '02', nature: 'zonage',
    autorite: 'ARS Martinique', reference: 'arrêté de zonage médecins de 2023', signe_le: '', debut: '2023-10-17', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://www.martinique.ars.sante.fr/index.php/zonage-medecins-presentation-de-la-methodologie-et-du-classement-du-territoire?parent=16118',
    extrait: 'Le nouveau zonage est effectif depuis le 17 octobre 2023, selon l’arrêté pris par la Directrice Générale de l’ARS Martinique.',
    lu_le: READ, remarque: 'Validité de 2 ans au plus selon l’ARS : révision attendue, non trouvée.'},
  {id: 'medecin_53_2021', champ: 'zonage.medecin', profession: '', region: '53', nature: 'zonage',
    autorite: 'ARS Bretagne', reference: 'arrêté du 17 décembre 2020', signe_le: '2020-12-17', debut: '2021-01-01', au_plus_tard: '',
    couche: '',
    url: 'https://bretagne.paps.sante.fr/publication-du-nouveau-zonage-medecin?parent=8715',
    extrait: 'Par arrêté en date du 17 décembre 2020, le Directeur général de l’ARS Bretagne a donc déterminé le nouveau zonage « médecins » qui se substitue, à compter du 1er janvier 2021, au zonage en date du 12 juin 2018.',
    lu_le: READ, remarque: 'Révisé en 2023 (ligne suivante) : la couche de mai 2025 ne reflète pas cet arrêté.'},
  {id: 'medecin_53_2023', champ: 'zonage.medecin', profession: '', region: '53', nature: 'zonage',
    autorite: 'ARS Bretagne', reference: 'révision du zonage médecins de 2023', signe_le: '', debut: '', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://www.bretagne.ars.sante.fr/zonage-medecin-lars-bretagne-soumet-la-nouvelle-carte-la-concertation-pendant-deux-mois',
    extrait: 'Deux ans après la publication de l’arrêté définissant les "zones caractérisées par une offre de soins insuffisante ou par des difficultés dans l’accès aux soins" concernant les médecins, l’ARS Bretagne s’est engagée dans les travaux de révision du zonage en vue d\'une actualisation d\'ici l\'été 2023.',
    lu_le: READ, remarque: 'Date d’effet de la révision de 2023 non trouvée ; révision 2025-2026 non trouvée.'},
  {id: 'medecin_44_2022', champ: 'zonage.medecin', profession: '', region: '44', nature: 'zonage',
    autorite: 'ARS Grand Est', reference: 'zonage médecins généralistes de juillet 2022', signe_le: '', debut: '', au_plus_tard: '2022-07-31',
    couche: 'medecins_2025_05',
    url: 'https://ors-ge.org/actualites/medecins-generalistes-publication-de-la-nouvelle-cartographie-2022-des-zones',
    extrait: 'Publiée en juillet 2022, cette cartographie détermine les zones sous-denses éligibles aux aides à l\'installation.',
    lu_le: READ, remarque: 'Observatoire régional de la santé, pas l’ARS ; jour exact non trouvé.'},
  {id: 'medecin_44_2026', champ: 'zonage.medecin', profession: '', region: '44', nature: 'zonage',
    autorite: 'ARS Grand Est', reference: 'zonage médecins généralistes 2026', signe_le: '', debut: '', au_plus_tard: '',
    couche: '',
    url: 'https://www.grand-est.ars.sante.fr/medecins-generalistes-publication-du-nouveau-zonage-2026-pour-lacces-aux-soins',
    extrait: 'Pour améliorer l’accès aux soins, l’ARS publie une nouvelle cartographie identifiant, dans chaque département du Grand Est, les zones sous-denses éligibles aux aides à l’installation des médecins libéraux.',
    lu_le: READ, remarque: 'Date d’effet et date de publication non trouvées : le zonage de mai 2025 reste affiché avec cet avertissement. Valeurs non importées.'},
  {id: 'medecin_11_2022', champ: 'zonage.medecin', profession: '', region: '11', nature: 'zonage',
    autorite: 'ARS Île-de-France', reference: 'zonage médecins 2022', signe_le: '', debut: '2022-03-30', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://www.urps-med-idf.org/sinstaller/zones-deficitaires-ars-2022-et-aides-a-linstallation-et-au-maintien/les-zones-deficitaires-selon-lars-donnees-2022/',
    extrait: 'La dernière mise à jour du zonage par l’ARS date du 30 mars 2022.',
    lu_le: READ, remarque: 'URPS médecins libéraux d’Île-de-France (page de l’ARS non retrouvée) ; numéro de l’arrêté non trouvé. Refonte engagée en 2025 : date non trouvée.'},
  {id: 'medecin_76_2022', champ: 'zonage.medecin', profession: '', region: '76', nature: 'zonage',
    autorite: 'ARS Occitanie', reference: 'arrêté de zonage médecins publié le 4 mai 2022', signe_le: '', debut: '2022-05-04', au_plus_tard: '',
    couche: 'medecins_2025_05',
    url: 'https://www.atd31.fr/fr/publications/info-lettre/il-2022/info-lettre-310/une-extension-du-zonage-medecins-generalistes-et-de-l-acces-aux-aides-a-l-installation-par-l-ars-occitanie.html',
    extrait: 'L’Agence Régionale de Santé d’Occitanie a publié le 4 mai dernier un arrêté portant sur « la détermination des zones caractérisées par une offre insuffisante ou par des difficultés dans l’accès aux soins concernant la profession de médecin ».',
    lu_le: READ, remarque: 'Agence technique départementale, pas l’ARS ; révision 2025-2026 non trouvée.'},

  // ------------------------------------------------ national texts of other layers
  {id: 'frr_creation', champ: 'zonage.frr', profession: '', region: '*', nature: 'creation',
    autorite: 'Parlement', reference: 'loi n° 2023-1322 du 29 décembre 2023 de finances pour 2024, art. 73', signe_le: '2023-12-29', debut: '2024-07-01', au_plus_tard: '',
    couche: '',
    url: 'https://unpeudedroit.fr/entree-en-vigueur-de-la-reforme-france-ruralites-revitalisation-un-souffle-nouveau-pour-les-territoires-ruraux-des-le-1er-juillet',
    extrait: 'À partir du 1er juillet 2024, la politique d’aménagement du territoire connaîtra un tournant majeur avec l’entrée en vigueur de la réforme des zones de revitalisation rurale (ZRR), intégrant le nouveau zonage « France Ruralités Revitalisation » (FRR).',
    lu_le: READ, remarque: 'Avant cette date le dispositif FRR n’existe pas. Le classement de juin 2024 n’est pas importé.'},
  {id: 'frr_2025_07', champ: 'zonage.frr', profession: '', region: '*', nature: 'zonage',
    autorite: 'DGCL', reference: 'classement FRR du 10 juillet 2025', signe_le: '', debut: '2025-07-10', au_plus_tard: '',
    couche: 'frr_2025_07',
    url: 'https://www.service-public.fr/simulateur/calcul/zonageFranceRuralitesRevitalisation',
    extrait: 'classement du 10 juillet 2025', lu_le: READ,
    remarque: 'Date reprise de la liste importée (liste-communes-FRR-juillet2025).'},
  {id: 'zrr_2017', champ: 'zonage.zrr', profession: '', region: '*', nature: 'zonage',
    autorite: 'ministres', reference: 'arrêté du 16 mars 2017 constatant le classement de communes en ZRR', signe_le: '2017-03-16', debut: '2017-07-01', au_plus_tard: '',
    couche: 'zrr_2017',
    url: 'https://www.idcite.com/JORF-Classement-de-communes-en-zone-de-revitalisation-rurale_a25404.amp.html',
    extrait: 'Le classement constaté par le présent arrêté prend effet au 1er juillet 2017.',
    lu_le: READ, remarque: 'Modifié le 22 février 2018.'},
  {id: 'zrr_fin', champ: 'zonage.zrr', profession: '', region: '*', nature: 'fin',
    autorite: 'Parlement', reference: 'loi n° 2023-1322 du 29 décembre 2023 de finances pour 2024, art. 73', signe_le: '2023-12-29', debut: '2024-07-01', au_plus_tard: '',
    couche: '',
    url: 'https://legal.tricoteuses.fr/articles/JORFARTI000048727426',
    extrait: '-la date : « 31 décembre 2023 » est remplacée par la date : « 30 juin 2024 » ;',
    lu_le: READ, remarque: 'Le dispositif ZRR prend fin le 30 juin 2024 (remplacé par FRR) ; certaines communes en gardent les effets jusqu’en 2027.'},
  {id: 'qpv_2024_metropole', champ: 'zonage.qpv', profession: '', region: '*', nature: 'zonage',
    autorite: 'Gouvernement', reference: 'décret n° 2023-1314 du 28 décembre 2023', signe_le: '2023-12-28', debut: '2024-01-01', au_plus_tard: '',
    couche: 'qpv_2024',
    url: 'https://unionhabitat-hautsdefrance.org/2024/01/politique-de-la-ville-204-quartiers-prioritaires-en-hauts-de-france-depuis-le-1er-janvier-2024',
    extrait: 'Entré en vigueur le 1er janvier 2024, il remplace donc la précédente liste des quartiers prioritaires établie le 30 décembre 2014.',
    lu_le: READ, remarque: 'QPV de l’Hexagone.'},
];

// The overseas QPV: same text for the five overseas regions.
for (const region of ['01', '02', '03', '04', '06']) {
  ARRETES.push({id: `qpv_2024_outremer_${region}`, champ: 'zonage.qpv', profession: '', region, nature: 'zonage',
    autorite: 'Gouvernement', reference: 'décret n° 2024-1211 (QPV d’outre-mer)', signe_le: '', debut: '2025-01-01', au_plus_tard: '',
    couche: 'qpv_2024',
    url: 'https://www.banquedesterritoires.fr/politique-de-la-ville-une-geographie-prioritaire-renouvelee?pk_kwd=2024-01-08',
    extrait: 'En outre-mer, le zonage sera actualisé courant 2024, pour une entrée en vigueur au 1er janvier 2025.',
    lu_le: READ, remarque: 'Numéro du décret repris de la version précédente de capsante ; QPV de la génération 2015 non importés.'});
}
