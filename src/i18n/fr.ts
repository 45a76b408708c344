// Every French string of the viewer, in one place. Identifiers stay English.
// Later issues add their own sections (indicator, contracts, zones, portrait).
import { LEVEL_LABELS, LEVEL_LABELS_PLURAL, ZONE_LABELS, type Level } from '../lib/levels.ts';
import { describeCsvProblem, describeInputProblem, encodingLabel } from '../lib/text-input.ts';
import type { LinkDrop } from '../url-coherence.ts';

const numberFr = new Intl.NumberFormat('fr-FR');
const areaFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

// Portrait: territory portrait & CLS checklist
const nfPortrait = (decimals: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
const portraitFr = {
  title: 'Portrait du territoire',
  open: 'Portrait du territoire',
  openPerimeter: 'Portrait du périmètre',
  close: 'Fermer le portrait',
  perimeterLevel: 'Périmètre sur mesure',
  notAvailable: 'non disponible',
  loading: 'Chargement du portrait…',
  loadError: 'Le portrait n’a pas pu être chargé.',
  notFound: 'Territoire introuvable dans l’index.',
  sources: 'Sources',
  generatedOn: (date: string) => `Portrait établi le ${date} avec CLS Atlas.`,
  identity: {
    title: 'Identité',
    name: 'Nom',
    code: 'Code',
    level: 'Échelon',
    parents: 'Appartenance',
    population: 'Population',
    area: 'Superficie',
    communes: 'Nombre de communes',
  },
  themes: {
    offre: 'Offre de soins de premier recours',
    population: 'Population',
    precarite: 'Précarité',
    sante: 'État de santé',
  } as Record<'offre' | 'population' | 'precarite' | 'sante', string>,
  indicators: {
    title: 'Indicateurs clés',
    indicator: 'Indicateur',
    value: 'Valeur',
    rank: 'Rang',
    comparison: 'Comparaison',
    noIndicator: 'Aucun indicateur disponible pour ce thème.',
    rankText: (rank: number, count: number, levelPlural: string) =>
      `${nfPortrait(0).format(rank)}${rank === 1 ? 'er' : 'e'} sur ${nfPortrait(0).format(count)} ${levelPlural.toLowerCase()} (valeur décroissante)`,
    percentileText: (p: number) => `percentile ${nfPortrait(0).format(p)}`,
    noRank: 'rang non applicable',
    noRankPerimeter: 'sans rang (périmètre sur mesure)',
    barLabel: (label: string) => `Comparaison : ${label}`,
    higherBetter: 'plus élevé = plus favorable',
    higherWorse: 'plus élevé = moins favorable',
    neutral: 'sans sens favorable',
  },
  scopes: { subject: 'Territoire', epci: 'EPCI', departement: 'Département', region: 'Région', france: 'France' } as Record<
    'subject' | 'epci' | 'departement' | 'region' | 'france',
    string
  >,
  verdicts: {
    worse: 'moins favorable',
    better: 'plus favorable',
    similar: 'proche',
    neutral: '',
    unknown: 'comparaison non disponible',
  } as Record<'worse' | 'better' | 'similar' | 'neutral' | 'unknown', string>,
  formatValue: (value: number | null | undefined, decimals = 1) =>
    value === null || value === undefined || !Number.isFinite(value) ? 'non disponible' : nfPortrait(decimals).format(value),
  viaBassin: (name: string) => `Valeur du bassin de vie ${name}`,
  quintile: (q: number) =>
    `${q}${q === 1 ? 'er' : 'e'} quintile de défavorisation (1 = 20 % de la population la moins défavorisée, 5 = 20 % la plus défavorisée)`,
  formatGap: (pct: number | null) =>
    pct === null ? '' : `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${nfPortrait(1).format(Math.abs(pct))} %`,
  contracts: {
    title: 'Situation CLS',
    coverage: 'Couverture par un CLS',
    coverageLabel: {
      covered: 'Couvert par un CLS en vigueur',
      partial: 'Partiellement couvert par un CLS en vigueur',
      none: 'Aucun CLS en vigueur connu du registre',
    } as Record<'covered' | 'partial' | 'none', string>,
    registrySize: (n: number) => `Le registre compte ${n} contrat${n > 1 ? 's' : ''} ; pour en ajouter un : docs/contracts.md.`,
    status: 'Statut',
    signature: 'Signature',
    period: 'Période',
    source: 'Source',
    communesCovered: (n: number, total: number | null) =>
      total === null ? `${n} commune(s) couverte(s)` : `${n} commune(s) couverte(s) sur ${total}`,
    none: 'Aucun CLS connu du registre sur ce territoire.',
    neighbours: 'Contrats des territoires voisins',
    noNeighbours: 'Aucun contrat recensé dans les communes voisines.',
    sampleWarning:
      'Le registre des CLS rassemble les contrats nommés par des sources publiques (pas d’inventaire national publié) : l’absence de contrat recensé ne prouve pas l’absence de contrat.',
  },
  zones: {
    title: 'Zones prioritaires',
    isolatedRural: 'Communes rurales isolées',
    qpv: 'Communes avec un QPV 2024',
    qpvCount: 'Quartiers prioritaires (QPV 2024)',
    frr: 'Communes classées FRR / FRR+ (à vérifier)',
    any: 'Au moins une zone prioritaire',
    population: 'population',
    communesCol: 'Communes',
    populationCol: 'Population des communes',
    note: 'Population des communes concernées, pas la population vivant dans la zone elle-même (non disponible pour les QPV).',
  },
  care: {
    title: 'Offre de soins',
    apl: 'APL aux médecins généralistes',
    aplUnit: 'consultations/an/hab.',
    nurseZoning: 'Zonage des infirmiers (communes par classe)',
    hospitals: 'Établissements hospitaliers',
    hospitalType: 'Type (catégorie FINESS)',
    count: 'Nombre',
    noHospital: 'Aucun établissement hospitalier recensé sur le territoire (FINESS 2020).',
    missing: 'Non disponibles ici : APL infirmiers, kinésithérapeutes, dentistes, sages-femmes par commune ; MSP et centres de santé ; zonage médecins (ZIP/ZAC).',
  },
  checklist: {
    title: 'Faut-il engager un CLS ?',
    intro:
      'Liste de critères tirés des documents de référence sur les CLS (ARS, Code de la santé publique, art. L. 1434-17). Chaque ligne montre les valeurs utilisées et le seuil appliqué ; les seuils sont modifiables. Aucune note globale : la décision reste celle des élus et de l’ARS.',
    criterion: 'Critère',
    evidenceCol: 'Éléments',
    status: 'Statut',
    statusText: { pass: 'Critère rempli', fail: 'Critère non rempli', missing: 'Données manquantes' } as Record<
      'pass' | 'fail' | 'missing',
      string
    >,
    statusIcon: { pass: '✓', fail: '✗', missing: '?' } as Record<'pass' | 'fail' | 'missing', string>,
    thresholds: 'Seuils',
    reset: 'Rétablir les seuils par défaut',
    thresholdLabels: {
      minGapPct: 'Écart minimal avec le département ou la région (%)',
      minPriorityCommunes: 'Nombre minimal de communes en zone prioritaire',
      minPopulation: 'Population minimale (masse critique)',
      minCommunes: 'Nombre minimal de communes (masse critique)',
      minWorseIndicators: 'Nombre minimal d’indicateurs défavorables',
    } as Record<'minGapPct' | 'minPriorityCommunes' | 'minPopulation' | 'minCommunes' | 'minWorseIndicators', string>,
    rules: {
      'no-contract': {
        title: 'Pas de CLS en vigueur sur le territoire',
        why: 'Un CLS est signé pour une collectivité ; un territoire déjà couvert relève du renouvellement ou de l’extension du contrat existant.',
      },
      'priority-zones': {
        title: 'Présence de zones prioritaires',
        why: 'Deux milieux d’application privilégiés : les zones rurales isolées et les quartiers urbains en difficulté (QPV).',
      },
      'care-offer': {
        title: 'Offre de soins de premier recours moins favorable que le département ou la région',
        why: 'Objectif prioritaire : une offre de santé de proximité (accès aux soins, premier recours).',
      },
      deprivation: {
        title: 'Précarité plus marquée que dans le département ou la région',
        why: 'Objectif prioritaire : réduire les inégalités sociales et territoriales de santé (ISTS).',
      },
      'critical-mass': {
        title: 'Masse critique (population, nombre de communes)',
        why: 'Le périmètre se choisit selon des critères de « masse critique » (nombre d’habitants, superficie) et les partenariats possibles.',
      },
      'epci-level': {
        title: 'Échelon intercommunal (EPCI), privilégié par les ARS',
        why: 'Les EPCI sont les partenaires à privilégier (ARS Pays de la Loire) ; une commune peut aussi signer.',
      },
    } as Record<'no-contract' | 'priority-zones' | 'care-offer' | 'deprivation' | 'critical-mass' | 'epci-level', { title: string; why: string }>,
    evidence: {
      coverage: (label: string) => label,
      contract: (name: string, status: string) => `${name} — ${status}`,
      zone: (label: string, communes: string, total: number, population: string) =>
        `${label} : ${communes} commune(s) sur ${total}, ${population}`,
      indicatorWorse: 'moins favorable',
      indicatorNotWorse: 'pas d’écart défavorable suffisant',
      quintile: (q: number) => `quintile ${q} sur 5${q === 5 ? ' : parmi les 20 % de la population la plus défavorisée' : ''}`,
      used: (labels: string) => `Jugé sur : ${labels}.`,
      usedNone: 'Aucun indicateur de précarité comparable ici.',
      count: (label: string, value: string, threshold: string, ok: boolean | null) =>
        `${label} : ${value} (seuil : ${threshold})${ok === null ? '' : ok ? ' ✓' : ' ✗'}`,
      isEpci: 'Le territoire est un EPCI.',
      communeOfEpci: (name: string, population: string) => `Échelon communal ; l’EPCI d’appartenance est ${name} (${population}).`,
      otherLevel: (level: string) => `Échelon : ${level}.`,
      perimeterEpcis: (count: number, matches: boolean) =>
        matches ? 'Le périmètre correspond exactement à un EPCI.' : `Le périmètre touche ${count} EPCI sans correspondre à l’un d’eux.`,
      perimeterUnknown: 'Correspondance du périmètre avec les EPCI non disponible.',
      noEpci: 'Commune hors EPCI.',
    },
    docLink: 'Origine des seuils par défaut : docs/checklist.md',
  },
  actions: {
    title: 'Exporter et partager',
    print: 'Imprimer / PDF',
    csv: 'Exporter en CSV',
    permalink: 'Copier le lien permanent',
    copied: 'Lien copié dans le presse-papiers.',
    copyFailed: 'Copie impossible : sélectionnez le lien ci-dessous.',
  },
  print: {
    mapAlt: (name: string) => `Carte de situation : ${name}`,
    mapUnavailable: 'Carte non disponible à l’impression.',
  },
  csv: {
    identity: 'identite',
    meta: 'meta',
    generatedOn: 'date_export',
  },
};

// Perimeter builder
const perimeterNumber = new Intl.NumberFormat('fr-FR');
const perimeterPlural = (n: number, one: string, many: string) => `${perimeterNumber.format(n)} ${n > 1 ? many : one}`;
const perimeterFr = {
  defaultName: 'Périmètre personnalisé',
  title: 'Construire un périmètre',
  kicker: 'Périmètre personnalisé',
  openFromScratch: 'Construire un périmètre',
  openFromScratchHint: 'Composer un périmètre de communes et le comparer aux échelons existants',
  startFrom: 'Partir de ce territoire',
  startFromHint: (name: string) => `Ouvrir le constructeur de périmètre avec les communes de ${name}`,
  compareLevels: 'Comparer commune / EPCI / bassin de vie',
  compareLevelsHint: (name: string) => `Comparer ${name}, son EPCI et son bassin de vie côte à côte`,
  sectionTitle: 'Périmètre de contrat',
  close: 'Quitter le mode périmètre',
  name: 'Nom du périmètre',
  tools: 'Outil de sélection sur la carte',
  toolClick: 'Clic',
  toolLasso: 'Lasso',
  help:
    'Clic sur une commune : l’ajouter ou la retirer. Maj + clic : ajouter aussi les communes situées entre la commune précédente et celle-ci (couloir entre leurs deux emprises). Lasso : tracer un contour à main levée ; les communes dont le point intérieur tombe dans le contour sont ajoutées (Alt : retirées).',
  undo: 'Annuler',
  undoHint: 'Annuler la dernière modification (Ctrl+Z)',
  redo: 'Rétablir',
  redoHint: 'Rétablir la modification annulée (Ctrl+Maj+Z)',
  clear: 'Tout effacer',
  fit: 'Recentrer la carte',
  addLabel: 'Ajouter une commune, un EPCI ou un bassin de vie',
  addHint: 'Nom ou code ; un EPCI ou un bassin de vie ajoute toutes ses communes',
  addPlaceholder: 'Ex. : Coulommiers, 77131…',
  addResult: (label: string, level: string) => `${label} — ${level}`,
  addParentOf: (levelLabel: string, name: string) => `Ajouter tout ${levelLabel === 'EPCI' ? 'l’EPCI' : `le ${levelLabel.toLowerCase()}`} : ${name}`,
  lastClicked: (name: string) => `Dernière commune cliquée : ${name}`,
  empty: 'Aucune commune pour l’instant. Cliquez sur la carte, tracez un lasso, cherchez une commune ou importez une liste de codes.',
  figures: 'Masse critique',
  communes: 'Communes',
  population: 'Population municipale',
  populationPartial: (n: number) => `dont ${perimeterPlural(n, 'commune', 'communes')} sans population connue`,
  area: 'Superficie',
  density: 'Densité',
  densityValue: (v: number) => `${perimeterNumber.format(Math.round(v))} hab./km²`,
  indicators: 'Indicateurs agrégés',
  indicatorsIntro:
    'Mêmes règles d’agrégation que pour les échelons : effectifs additionnés, taux recalculés par somme des numérateurs sur somme des dénominateurs, indices moyennés pondérés par la population ; les médianes et classes ne sont pas agrégées.',
  indicatorsLoading: 'Chargement des indicateurs…',
  indicatorsNone: 'Aucun indicateur communal n’est disponible dans les données construites.',
  indicator: 'Indicateur',
  value: 'Valeur',
  spread: 'Dispersion entre communes',
  spreadValue: (min: string, max: string) => `de ${min} à ${max}`,
  iqr: (v: string) => `écart interquartile ${v}`,
  cv: (v: string) => `CV ${v}`,
  spreadHint: 'Minimum et maximum des valeurs communales, écart interquartile et coefficient de variation (écart-type / moyenne) : plus ils sont faibles, plus le périmètre est homogène.',
  reasons: {
    notAggregable: (what: string) => `non agrégeable : ${what}`,
    notAggregableDefault: 'non agrégeable',
    notCommuneLevel: (level: string) => `non calculable : publié à l’échelle ${level}`,
    incompleteCoverage: (share: number) => `non disponible : source couvrant ${Math.round(share * 100)} % de la population`,
    empty: '—',
  },
  coverageNote: (share: number) => `calculé sur ${Math.round(share * 100)} % de la population`,
  zones: 'Zones prioritaires couvertes',
  zoneRow: (communes: number, population: string) => `${perimeterPlural(communes, 'commune', 'communes')} (${population})`,
  qpvCount: (n: number) => perimeterPlural(n, 'quartier prioritaire', 'quartiers prioritaires'),
  contracts: 'Contrats existants',
  contractsActive: 'Couverture par un CLS en vigueur',
  contractsOngoing: 'Contrats en vigueur ou en projet touchant le périmètre',
  contractOverlap: (name: string, status: string, inside: number) =>
    `${name} (${status}) : ${perimeterPlural(inside, 'commune', 'communes')} en commun`,
  noContract: 'Aucun contrat recensé sur ces communes.',
  dataUnavailable: 'non disponible',
  communeList: (n: number) => `Liste des communes (${perimeterNumber.format(n)})`,
  remove: (name: string) => `Retirer ${name}`,
  importTitle: 'Importer une liste de communes',
  importLabel: 'Codes INSEE des communes',
  importHint: 'Collez des codes séparés par des virgules, points-virgules, espaces ou retours à la ligne, ou déposez un fichier CSV, texte ou GeoJSON.',
  importButton: 'Ajouter ces communes',
  importFile: 'Choisir un fichier',
  dropZone: 'Déposez un fichier ici',
  importDone: (n: number) => `${perimeterPlural(n, 'commune reconnue', 'communes reconnues')}.`,
  importUnknown: (sample: readonly string[], count: number) =>
    `${perimeterPlural(count, 'code inconnu ignoré', 'codes inconnus ignorés')} : ${sample.join(', ')}${count > sample.length ? ` et ${perimeterNumber.format(count - sample.length)} autres` : ''}.`,
  importMore: (n: number) => `… et ${perimeterNumber.format(n)} autres.`,
  importing: 'Lecture de la liste…',
  importNoCode: 'Aucun code de commune (5 chiffres, ou 2A/2B et 3 chiffres) trouvé dans ce texte ou ce fichier.',
  importNoneKnown: (n: number) => `Aucune commune reconnue : ${perimeterPlural(n, 'code inconnu', 'codes inconnus')} du COG 2025 ni de ses anciennes versions.`,
  importFailed: 'La liste n’a pas pu être lue.',
  importMoved: (from: string, to: string) => `${from} → ${to}`,
  importMovedTitle: 'Anciens codes remplacés par les codes en vigueur (COG 2025) :',
  importArrondissements: (n: number) => `${perimeterPlural(n, 'arrondissement municipal compté', 'arrondissements municipaux comptés')} dans sa commune.`,
  importDuplicates: (n: number) => `${perimeterPlural(n, 'code en double ignoré', 'codes en double ignorés')}.`,
  exportTitle: 'Enregistrer et partager',
  exportCsv: 'Exporter la liste (CSV)',
  exportGeoJson: 'Exporter le contour (GeoJSON)',
  permalink: 'Copier le lien permanent',
  copied: 'Lien copié dans le presse-papiers.',
  copyFailed: 'Copie impossible : le lien est dans la barre d’adresse.',
  openPortrait: 'Ouvrir le portrait de ce périmètre',
  compareTitle: 'Comparer des périmètres',
  compareIntro: 'Jusqu’à trois périmètres côte à côte ; le contour de chacun est tracé en pointillés de sa couleur.',
  keep: 'Garder pour comparer',
  keepHint: 'Ajouter le périmètre actuel comme colonne de comparaison',
  compareFull: 'Trois périmètres au plus : le plus ancien sera remplacé.',
  compareEmpty: 'Aucun périmètre gardé pour la comparaison.',
  compareCaption: 'Comparaison des périmètres candidats',
  criterion: 'Critère',
  edit: (name: string) => `Modifier ${name}`,
  editShort: 'Modifier',
  removeCandidate: (name: string) => `Retirer ${name} de la comparaison`,
  homogeneity: (label: string) => `Homogénéité — ${label} (écart interquartile)`,
  priorityCommunes: 'Communes en zone prioritaire',
  ruralIsolated: 'Communes rurales isolées',
  qpvCommunes: 'Communes avec un QPV',
  activeCoverage: 'Couverture par un CLS en vigueur',
  coverageLabels: { covered: 'Couvert', partial: 'Partiellement couvert', none: 'Non couvert' } as Record<string, string>,
  coveredCommunes: (covered: number, total: number) => `${perimeterNumber.format(covered)} / ${perimeterNumber.format(total)} communes`,
  announce: {
    opened: (name: string, n: number) => `Mode périmètre ouvert : ${name}, ${perimeterPlural(n, 'commune', 'communes')}.`,
    closed: 'Mode périmètre fermé.',
    count: (n: number, delta: number) =>
      `${perimeterPlural(n, 'commune', 'communes')} dans le périmètre${delta > 0 ? ` (+${delta})` : delta < 0 ? ` (${delta})` : ''}.`,
    compare: (n: number) => `${perimeterPlural(n, 'périmètre', 'périmètres')} en comparaison.`,
  },
};

// Overlays: contracts, priority zones, care offer
const overlaysNumberFr = new Intl.NumberFormat('fr-FR');
const overlaysPlural = (n: number, one: string, many: string) => `${overlaysNumberFr.format(n)} ${n <= 1 ? one : many}`;

const overlaysFr = {
  control: {
    title: 'Couches superposées',
    show: 'Afficher',
    hide: 'Masquer',
    groupContracts: 'Contrats locaux de santé',
    groupZones: 'Zones prioritaires',
    groupCare: 'Offre de soins',
    loading: 'chargement…',
    error: (message: string) => `Couche indisponible : ${message}`,
    legend: 'Légende',
    credits: 'Source',
    unavailableTitle: 'Données non disponibles dans cette version',
  },
  toggles: {
    contracts: 'Périmètres des CLS',
    qpv: 'Communes avec un QPV 2024',
    rural_isole: 'Communes rurales isolées',
    frr: 'France Ruralités Revitalisation (à vérifier)',
    hospitals: 'Établissements hospitaliers (FINESS 2020)',
  } as Record<'contracts' | 'qpv' | 'rural_isole' | 'frr' | 'hospitals', string>,
  contracts: {
    legendTitle: 'Statut du contrat',
    count: (n: number) => overlaysPlural(n, 'périmètre', 'périmètres'),
    listTitle: (n: number) => `Liste des contrats du registre (${n})`,
    unmappedTitle: (n: number) => `Non cartographiés (${n})`,
    unmappedHint: ': territoire nommé par la source sans ses communes (Pays, PETR, ancien EPCI)',
    unmapped: 'non cartographié',
    unmappedReason: (reason: string) => `non cartographié : ${reason}`,
    sample:
      'Registre compilé à partir de pages publiques et de listes d’ARS : pas l’inventaire national (aucune liste nationale publiée).',
    registryCoverage: (n: number) =>
      `Registre : ${overlaysPlural(n, 'contrat connu', 'contrats connus')} de sources publiques ; un territoire sans CLS connu peut en avoir un non recensé.`,
    registryAsOf: (date: string) => `Sources consultées jusqu’en ${date} ; chaque statut vaut à la date de sa source.`,
    howToAdd: 'Ajouter ou corriger un contrat',
    howToAddTitle: 'Mode d’emploi du registre (docs/contracts.md) : commande d’import, formats CSV et polygones — nouvelle fenêtre',
    byRegionTitle: 'Contrats connus par région',
    byRegionRow: (name: string, n: number, mapped: number, asOf: string | null) =>
      n === 0 ? `${name} : aucun contrat connu` : `${name} : ${overlaysPlural(n, 'contrat', 'contrats')}${mapped < n ? ` (${overlaysNumberFr.format(mapped)} cartographié${mapped > 1 ? 's' : ''})` : ''}${asOf ? `, statut le plus récent : ${asOf}` : ''}`,
    regionUnknown: 'Région non identifiée',
    filterTitle: 'Statuts affichés sur la carte',
    filterHint: 'Décocher un statut masque ses périmètres.',
    coverageIndicator: 'Part de la population couverte par un CLS en vigueur',
    coverageIndicatorValue: (share: string, place: string) => `${share} (${place})`,
    coverageIndicatorFrance: 'France',
    coverageIndicatorNote:
      'Calculée sur le registre : population légale des communes comprises dans le périmètre d’un contrat signé ou en renouvellement dont le statut date de moins que la durée du contrat (5 ans si elle est inconnue), rapportée à la population totale. Un contrat non recensé abaisse la valeur.',
    textAlternative: (mapped: number, total: number, byStatus: string) =>
      `${overlaysPlural(mapped, 'périmètre de CLS cartographié', 'périmètres de CLS cartographiés')} sur ${total} contrats du registre (${byStatus}).`,
    open: (name: string) => `Ouvrir la fiche : ${name}`,
  },
  card: {
    title: 'Fiche du contrat',
    close: 'Fermer la fiche',
    status: 'Statut',
    // The registry's `statusReported` is the compiler's raw note (often English): the card shows the
    // normalised status, its date, and the French notes instead.
    statusAsOf: (asOf: string, approximate: boolean) => `(statut établi ${approximate ? 'vers' : 'au'} ${asOf} d’après les sources)`,
    generation: 'Génération',
    generationValue: (n: number) => (n === 1 ? '1er CLS du territoire' : `${n}e CLS du territoire`),
    start: 'Début',
    engagement: 'Engagement',
    signature: 'Signature',
    end: 'Échéance',
    period: 'Période',
    duration: 'Durée',
    durationValue: (years: number) => (years === 1 ? '1 an' : `${years} ans`),
    signatories: 'Signataires',
    perimeter: 'Périmètre',
    perimeterValue: (label: string, communes: number) => `${label} — ${overlaysPlural(communes, 'commune', 'communes')}`,
    population: 'Population du périmètre',
    ars: 'ARS',
    coordinator: 'Coordination',
    source: 'Source',
    sources: 'Sources',
    newTab: 'nouvelle fenêtre',
    confidence: 'Fiabilité de l’information',
    confidenceValue: { high: 'élevée', medium: 'moyenne', low: 'faible' } as Record<'high' | 'medium' | 'low', string>,
    notes: 'Notes',
    unknown: 'non renseigné',
    otherContracts: 'Autres contrats à cet endroit',
    zoomTo: 'Centrer la carte sur le périmètre',
  },
  coverage: {
    title: 'Contrat local de santé',
    covered: 'Couvert par un CLS',
    partial: (communes: string) => `Partiellement couvert (communes : ${communes})`,
    none: (n: number) => `Non couvert : aucun CLS connu du registre (${overlaysPlural(n, 'contrat recensé', 'contrats recensés')})`,
    noneInForce: (n: number) => `Non couvert : pas de CLS en vigueur connu du registre (${overlaysPlural(n, 'contrat recensé', 'contrats recensés')})`,
    rule: 'Couvert = toutes les communes du territoire sont dans le périmètre d’un CLS signé ou en renouvellement, dont le statut date de moins que la durée du contrat (5 ans si elle est inconnue).',
    contractsHere: 'Contrats sur ce territoire',
    otherStatuses: 'Projets, contrats échus ou au statut à confirmer sur ce territoire',
    neighbours: 'Contrats des territoires voisins',
    noNeighbours: 'Aucun contrat recensé dans les communes voisines.',
    adjacent: (n: number) => overlaysPlural(n, 'commune limitrophe', 'communes limitrophes'),
    communesIn: (n: number, total: number) => `${overlaysNumberFr.format(n)} commune(s) sur ${overlaysNumberFr.format(total)}`,
    more: (n: number) => `et ${overlaysNumberFr.format(n)} autres`,
  },
  zones: {
    title: 'Zones prioritaires',
    zone: 'Zone',
    communes: 'Communes',
    population: 'Population',
    qpvCount: (n: number) => `${overlaysPlural(n, 'quartier prioritaire', 'quartiers prioritaires')} (QPV 2024)`,
    populationNote:
      'Population (populations légales) des communes concernées, pas la population vivant dans la zone : population en QPV non disponible.',
    ofTotal: (n: number, total: number) => `${overlaysNumberFr.format(n)} / ${overlaysNumberFr.format(total)}`,
    legendCount: (n: number) => overlaysPlural(n, 'commune', 'communes'),
    toVerify: 'à vérifier',
    textAlternative: (label: string, n: number) => `${label} : ${overlaysPlural(n, 'commune tracée', 'communes tracées')}.`,
    loadingCommunes: 'Les zones sont tracées sur les communes : chargement de leurs contours…',
  },
  care: {
    title: 'Offre de soins',
    legendTitle: 'Établissements hospitaliers',
    categories: {
      chr: 'Centre hospitalier régional (CHR / CHU)',
      ch: 'Centre hospitalier (dont ex-hôpitaux locaux)',
      psy: 'Psychiatrie (lutte contre les maladies mentales)',
      ssrSld: 'Soins de suite et réadaptation, soins de longue durée',
      other: 'Autres établissements (médecine, chirurgie, obstétrique, cancer…)',
    } as Record<'chr' | 'ch' | 'psy' | 'ssrSld' | 'other', string>,
    clusters: 'Cercles gris : regroupements d’établissements (nombre indiqué) ; zoomer ou cliquer pour les détailler.',
    inTerritory: (n: number) => overlaysPlural(n, 'établissement hospitalier', 'établissements hospitaliers'),
    none: 'Aucun établissement hospitalier recensé sur ce territoire (FINESS, 2020).',
    list: 'Liste des établissements',
    unavailable: 'Données non disponibles dans cette version',
    unavailableItems: [
      'Maisons de santé pluriprofessionnelles (MSP) et centres de santé',
      'Nombre de médecins généralistes, infirmiers, kinésithérapeutes, dentistes et pharmacies par commune',
      'Zonage médecins de l’ARS (ZIP / ZAC)',
    ],
    vintageNote: 'Répertoire FINESS au 6 mars 2020 : des établissements ont pu ouvrir, fermer ou fusionner depuis.',
    textAlternative: (n: number) => `${overlaysPlural(n, 'établissement hospitalier', 'établissements hospitaliers')} en points, regroupés aux petites échelles.`,
  },
};

export const fr = {
  app: {
    brandTop: 'République\nFrançaise',
    title: 'CLS Atlas',
    tagline: 'Inégalités territoriales de santé : où et à quel échelon engager un Contrat Local de Santé',
    homeTitle: 'Accueil — CLS Atlas',
    loading: 'Chargement de la carte…',
    loadError: 'Les données de la carte n’ont pas pu être chargées.',
    skipToMap: 'Aller à la carte',
    skipToSearch: 'Aller à la recherche',
    skipLinks: 'Accès rapide',
  },
  levels: {
    legend: 'Échelon territorial',
    label: (level: Level) => LEVEL_LABELS[level],
    plural: (level: Level) => LEVEL_LABELS_PLURAL[level],
  },
  zones: {
    navLabel: 'Aller à un territoire',
    label: ZONE_LABELS,
    short: {
      metro: 'Métropole',
      '971': 'Guadeloupe',
      '972': 'Martinique',
      '973': 'Guyane',
      '974': 'La Réunion',
      '976': 'Mayotte',
    } as Record<string, string>,
  },
  map: {
    ariaLabel: 'Carte des territoires de France (métropole et outre-mer)',
    summaryTitle: 'Description textuelle de la carte',
    summary: (level: Level, count: number | null) =>
      count === null
        ? `Carte des ${LEVEL_LABELS_PLURAL[level].toLowerCase()}, chargement en cours.`
        : `Carte des ${LEVEL_LABELS_PLURAL[level].toLowerCase()} : ${numberFr.format(count)} territoires affichés.`,
    selected: (name: string) => `Territoire sélectionné : ${name}.`,
    noSelection: 'Aucun territoire sélectionné. Cliquez sur la carte ou utilisez la recherche.',
    /** Patch of MapLibre's UI strings (controls' titles, the canvas label). */
    maplibreLocale: {
      'Map.Title': 'Carte des territoires',
      'NavigationControl.ZoomIn': 'Zoomer',
      'NavigationControl.ZoomOut': 'Dézoomer',
      'NavigationControl.ResetBearing': 'Réinitialiser l’orientation',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Meters': 'm',
    } as Record<string, string>,
    help: 'Survolez un territoire pour afficher son nom ; cliquez pour le sélectionner. Flèches du clavier pour déplacer la carte, + et − pour zoomer.',
  },
  search: {
    label: 'Rechercher un territoire',
    hint: 'Nom, code INSEE, SIREN, code de département ou code postal',
    placeholder: 'Ex. : Coulommiers, 77131, 974…',
    noResult: 'Aucun territoire trouvé',
    loadingTerritories: 'Chargement des territoires…',
    resultsCount: (n: number) => (n === 0 ? 'Aucun résultat' : n === 1 ? '1 résultat' : `${n} résultats`),
    postcode: (code: string) => `code postal ${code}`,
  },
  panel: {
    title: 'Territoire sélectionné',
    close: 'Fermer le panneau',
    code: 'Code',
    codeOf: (level: Level) => (level === 'epci' ? 'SIREN' : level === 'commune' ? 'Code INSEE' : 'Code'),
    level: 'Échelon',
    parents: 'Appartenance',
    population: 'Population municipale',
    populationSource: 'populations légales',
    area: 'Superficie',
    communes: 'Nombre de communes',
    postcodes: 'Codes postaux',
    notAvailable: 'non disponible',
    noEpci: 'Commune hors EPCI',
    loading: 'Chargement…',
    selectParent: (levelLabel: string, name: string) => `Sélectionner ${levelLabel.toLowerCase()} ${name}`,
  },
  tooltip: {
    loading: 'chargement…',
  },
  footer: {
    description:
      'CLS Atlas cartographie les inégalités territoriales de santé en France pour aider à choisir où et à quel échelon engager un Contrat Local de Santé. Carte statique, sans cookie ni requête externe.',
    legal: 'Mentions légales',
    legalText:
      'Site statique sans collecte de données personnelles, sans cookie ni traceur. Les données sont publiques et réutilisées selon leurs licences respectives.',
    creditsTitle: 'Sources des données',
    credit: (producer: string, title: string, vintage: string, licence: string) =>
      `${producer} — ${title} (${vintage}), ${licence}`,
    licence: 'Code sous licence MIT ; données sous les licences de leurs producteurs.',
    accessibility: 'Accessibilité : non conforme (audit non réalisé)',
  },
  format: {
    number: (n: number) => numberFr.format(n),
    population: (n: number | null | undefined) =>
      n === null || n === undefined || !Number.isFinite(n) ? 'non disponible' : `${numberFr.format(n)} hab.`,
    area: (km2: number | null | undefined) =>
      km2 === null || km2 === undefined || !Number.isFinite(km2) ? 'non disponible' : `${areaFr.format(km2)} km²`,
    territoryWithDep: (name: string, dep: string) => `${name} (${dep})`,
  },
  portrait: portraitFr,
  perimeter: perimeterFr,
  overlays: overlaysFr,
} as const;

// Indicators: choropleth, legend, CSV import/export
const nfIndicators = new Intl.NumberFormat('fr-FR');
const levelPhrase: Record<Level, string> = {
  commune: 'à l’échelle des communes',
  epci: 'à l’échelle des EPCI',
  bv: 'à l’échelle des bassins de vie',
  departement: 'à l’échelle des départements',
  region: 'à l’échelle des régions',
};
export const frIndicators = {
  sectionTitle: 'Indicateur',
  pickerLabel: 'Indicateur cartographié',
  pickerHint: 'Recherchez un indicateur par son nom ou son thème',
  searchPlaceholder: 'Ex. : médecins, pauvreté, 75 ans…',
  none: 'Aucun indicateur (fond de carte seul)',
  noMatch: 'Aucun indicateur ne correspond à la recherche',
  customTheme: 'Mes données (fichier importé)',
  catalogueLoading: 'Chargement du catalogue des indicateurs…',
  catalogueError: 'Le catalogue des indicateurs n’a pas pu être chargé.',
  loading: 'Chargement de l’indicateur…',
  loadError: (label: string) => `L’indicateur « ${label} » n’a pas pu être chargé.`,
  unknownIndicator: (id: string) => `Indicateur inconnu : ${id}.`,
  noValuesAtLevel: 'Aucune valeur publiée à cet échelon.',
  unavailableTitle: (level: Level) => `Indicateur non disponible ${levelPhrase[level]}`,
  unavailableAnnouncement: (label: string, level: Level, reason: string) =>
    `${label} : non disponible ${levelPhrase[level]}. ${reason}`,
  mappedAnnouncement: (label: string, level: Level, classes: number, noData: number) =>
    `Carte mise à jour : ${label} ${levelPhrase[level]}, ${classes} classes` +
    (noData > 0 ? `, ${nfIndicators.format(noData)} territoire${noData > 1 ? 's' : ''} sans donnée.` : '.'),
  // definition / source
  aboutButton: 'Définition et source',
  aboutUnavailable: 'La fiche n’a pas pu s’ouvrir : un script de la page n’a pas été chargé (connexion interrompue ?). Rechargez la page.',
  aboutTitle: (label: string) => label,
  definition: 'Définition',
  unit: 'Unité',
  source: 'Source',
  producer: 'Producteur',
  vintage: 'Millésime',
  licence: 'Licence',
  licenceToVerify: 'Conditions de réutilisation à vérifier auprès du producteur',
  aggregation: 'Calcul aux échelons supérieurs',
  aggregationLabel: {
    count: 'Somme des communes',
    ratio: 'Rapport des sommes (numérateurs / dénominateurs), jamais une moyenne de taux',
    weightedMean: 'Moyenne pondérée par la population',
    estimate: 'Estimation (méthode indiquée pour chaque valeur)',
    none: 'Non agrégeable : valeur disponible uniquement à l’échelon d’origine',
  } as Record<string, string>,
  nativeLevel: 'Échelon de publication',
  polarity: 'Lecture',
  polarityLabel: {
    'higher-better': 'Une valeur élevée est favorable',
    'higher-worse': 'Une valeur élevée est défavorable',
    neutral: 'Ni favorable ni défavorable en soi',
  } as Record<string, string>,
  availability: 'Disponibilité par échelon',
  available: 'disponible',
  notAvailable: 'non disponible',
  sourceLink: 'Page de la source',
  // classification
  classificationTitle: 'Classification',
  method: 'Méthode',
  classes: 'Nombre de classes',
  palette: 'Palette',
  paletteAuto: 'Automatique (selon la lecture de l’indicateur)',
  diverging: 'Palette divergente centrée sur la valeur France',
  divergingHint: (france: string) => `Valeur de référence : France = ${france}`,
  divergingUnavailable: 'Valeur France non disponible pour cet indicateur',
  manualBreaks: 'Seuils (séparés par des points-virgules)',
  manualBreaksHint: 'Ex. : 2,5 ; 3 ; 4 — valeurs intérieures, par ordre croissant',
  applyBreaks: 'Appliquer les seuils',
  categoriesNote: 'Indicateur en catégories : une classe par catégorie.',
  // legend
  legendTitle: 'Légende',
  noData: 'Données manquantes',
  territories: (n: number) => `${nfIndicators.format(n)} territoire${n > 1 ? 's' : ''}`,
  franceValue: (v: string) => `France : ${v}`,
  legendCaption: (label: string, unit: string) => (unit ? `${label} (${unit})` : label),
  direction: {
    reversed: 'Couleurs foncées : valeurs faibles (défavorables)',
    normal: 'Couleurs foncées : valeurs élevées',
    diverging: 'Palette centrée sur la valeur France',
  },
  /** The three kinds of absence, in the legend, tooltip, panel and exports. */
  absence: {
    secret: 'secret statistique',
    uncovered: 'non couvert par la source',
    notComputable: 'non calculable à cet échelon',
  } as Record<'secret' | 'uncovered' | 'notComputable', string>,
  absenceCount: (label: string, n: number) => `${label} : ${nfIndicators.format(n)} territoire${n > 1 ? 's' : ''}`,
  /** An estimate's method and the share of persons it rests on, beside the value. */
  estimateLine: (method: string, share: number | null) =>
    share === null ? method : `${method} — part des personnes dans une commune au taux publié : ${nfIndicators.format(Math.round(share * 100))} %`,
  unitCheck: (implied: string, unit: string, expected: string, what: string) =>
    `Valeurs cohérentes avec une densité ${unit} : total national implicite ≈ ${implied}, pour ${expected} ${what}.`,
  unitCheckSource: 'Effectif de référence',
  franceNote: (note: string) => `France : ${note}.`,
  partialCoverage: (share: number) =>
    `calculé sur ${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(share * 100)} % de la population (territoires non couverts exclus)`,
  estimate: 'Méthode',
  // tooltip and panel
  rank: (rank: string) => `Rang : ${rank}`,
  rankHint: '(1er = valeur la plus élevée)',
  noValue: 'donnée manquante',
  france: 'France',
  comparisonTitle: 'Comparaison',
  comparisonCaption: (label: string) => `${label} : le territoire sélectionné, son département, sa région et la France`,
  comparisonNone: 'Choisissez un indicateur pour comparer ce territoire.',
  territoryColumn: 'Territoire',
  valueColumn: 'Valeur',
  // export
  exportButton: 'Exporter en CSV',
  exportHint: 'Code, nom, valeur et classe du niveau affiché (séparateur « ; », compatible Excel)',
  // bring your own CSV
  byoButton: 'Importer un fichier CSV',
  byoHint: 'Déposez un fichier CSV sur la page ou choisissez-le : il est lu dans votre navigateur et n’est envoyé nulle part.',
  byoDropHere: 'Déposez le fichier CSV pour le cartographier',
  byoDialogTitle: 'Cartographier un fichier CSV',
  byoFileInput: 'Fichier CSV',
  byoFileSummary: (name: string, rows: number, columns: number) =>
    `${name} : ${nfIndicators.format(rows)} lignes, ${columns} colonnes`,
  byoReadError: 'Le fichier n’a pas pu être lu comme un CSV.',
  byoDialogUnavailable:
    'Le fichier a été lu, mais la fenêtre d’import n’a pas pu s’ouvrir : un script de la page n’a pas été chargé (connexion interrompue ?). Rechargez la page, puis déposez le fichier à nouveau.',
  byoCodeColumn: 'Colonne des codes territoriaux',
  byoCodeLevel: 'Nature des codes',
  byoCodeLevels: {
    commune: 'Code commune INSEE (5 caractères)',
    epci: 'SIREN d’EPCI (9 chiffres)',
    departement: 'Code de département',
  } as Record<string, string>,
  byoMode: 'Valeur à cartographier',
  byoModeValue: 'Une colonne de valeurs',
  byoModeRatio: 'Un rapport numérateur / dénominateur',
  byoValueColumn: 'Colonne des valeurs',
  byoNumerator: 'Numérateur',
  byoDenominator: 'Dénominateur',
  byoScale: 'Multiplier le rapport par',
  byoAggregation: 'Agrégation aux échelons supérieurs',
  byoAggregations: {
    count: 'Somme (effectifs)',
    weightedMean: 'Moyenne pondérée par la population',
    estimate: 'Estimation (méthode indiquée pour chaque valeur)',
    none: 'Aucune (valeurs non additives : médianes, classes…)',
  } as Record<string, string>,
  byoLabel: 'Nom de l’indicateur',
  byoMap: 'Cartographier',
  byoCancel: 'Annuler',
  byoReportTitle: 'Rapport d’appariement',
  byoReportSummary: (matched: number, unknown: number) =>
    `${nfIndicators.format(matched)} ligne${matched > 1 ? 's' : ''} appariée${matched > 1 ? 's' : ''}, ` +
    `${nfIndicators.format(unknown)} code${unknown > 1 ? 's' : ''} inconnu${unknown > 1 ? 's' : ''}`,
  byoReportRemapped: (n: number) => `${nfIndicators.format(n)} recodée${n > 1 ? 's' : ''} (arrondissements, anciens codes)`,
  byoReportDuplicates: (n: number) => `${nfIndicators.format(n)} doublon${n > 1 ? 's' : ''}`,
  byoReportConflict: (code: string, kept: string, ignored: readonly string[]) =>
    `${code} : ${kept} gardée (première ligne) ; ${ignored.join(', ')} ignorée${ignored.length > 1 ? 's' : ''}`,
  byoReportConflictsTitle: 'Codes en double avec des valeurs différentes :',
  byoReportIdentical: (codes: string) => `Codes en double aux valeurs identiques (une seule ligne gardée) : ${codes}`,
  byoReportMissing: (n: number) => `${nfIndicators.format(n)} sans valeur (secret statistique ou vide)`,
  byoReportUnparsable: (n: number) => `${nfIndicators.format(n)} valeur${n > 1 ? 's' : ''} illisible${n > 1 ? 's' : ''}`,
  byoReportTerritories: (n: number, of: number) =>
    `${nfIndicators.format(n)} territoires sur ${nfIndicators.format(of)} ont une valeur`,
  byoNoPassage: 'Table de passage des anciens codes indisponible : les codes antérieurs au COG 2025 sont comptés comme inconnus.',
  byoDefaultLabel: (file: string) => `Import : ${file}`,
  byoNoMatch: 'Aucune ligne n’a pu être rattachée à un territoire : vérifiez la colonne des codes et leur nature.',
} as const;

// Finder (territory finder, bivariate map, comparable territories, trends)
const nfFinder = new Intl.NumberFormat('fr-FR');
const levelPluralLower = (level: Level, n: number) => {
  if (level === 'epci') return 'EPCI';
  if (level === 'bv') return n > 1 ? 'bassins de vie' : 'bassin de vie';
  if (level === 'commune') return n > 1 ? 'communes' : 'commune';
  if (level === 'departement') return n > 1 ? 'départements' : 'département';
  return n > 1 ? 'régions' : 'région';
};
export const frFinder = {
  open: 'Trouver des territoires',
  openHint: 'Combiner des critères (indicateurs, zones prioritaires, absence de CLS) pour trouver les territoires qui y répondent',
  title: 'Trouver des territoires',
  kicker: 'Recherche multicritère',
  close: 'Fermer la recherche de territoires',
  level: 'Échelon',
  levelHint: 'La carte passe à cet échelon.',
  levelNotSupported: 'La recherche porte sur les communes, EPCI, bassins de vie ou départements.',
  presetsTitle: 'Requêtes prêtes à l’emploi',
  presetsHint: 'Chaque requête se modifie ensuite librement.',
  presetApply: (title: string) => `Appliquer la requête « ${title} »`,
  conditionsTitle: 'Critères (tous doivent être remplis)',
  noCondition: 'Aucun critère : tous les territoires de l’échelon sont retenus.',
  addCondition: 'Ajouter un critère sur un indicateur',
  removeCondition: 'Retirer ce critère',
  indicatorLabel: 'Indicateur',
  modeLabel: 'Type de critère',
  modeThreshold: 'Seuil',
  modeQuantile: 'Part de la distribution',
  comparator: { lt: '<', le: '≤', gt: '>', ge: '≥' } as Record<string, string>,
  comparatorLabel: 'Comparaison',
  thresholdLabel: 'Seuil',
  thresholdInvalid: 'Nombre attendu (virgule ou point décimal).',
  partsLabel: 'Part',
  parts: { 4: 'quart', 5: 'cinquième (quintile)', 10: 'dixième (décile)' } as Record<number, string>,
  sideLabel: 'Extrémité',
  side: {
    worst: 'le plus défavorisé',
    best: 'le plus favorisé',
    high: 'aux valeurs les plus hautes',
    low: 'aux valeurs les plus basses',
  } as Record<string, string>,
  quantileCut: (parts: number, side: string, cut: string) => `${frFinder.parts[parts] ?? `1/${parts}`} ${frFinder.side[side] ?? side} : ${cut}`,
  flagsTitle: 'Zones et contrats',
  flags: {
    no_cls: 'Aucun CLS connu dans le registre',
    qpv: 'Contient un quartier prioritaire (QPV)',
    rural_isole: 'Rural isolé',
    frr: 'France Ruralités Revitalisation (à vérifier)',
  } as Record<string, string>,
  flagHints: {
    no_cls:
      'Aucun contrat du registre de CLS envisagé, en préparation, signé, en renouvellement ou au statut à confirmer ne touche une commune du territoire (les contrats échus ne comptent pas). Le registre n’est pas exhaustif : « aucun CLS connu » ne veut pas dire « aucun CLS ».',
    qpv: 'Au moins une commune du territoire accueille un quartier prioritaire de la politique de la ville (QPV 2024).',
    rural_isole:
      'Commune : rurale (grille de densité, niveaux 5 à 7) et hors attraction des villes. Territoire : au moins la moitié de sa population vit dans de telles communes.',
    frr: 'Commune classée FRR ou FRR+. Territoire : au moins la moitié de sa population vit dans des communes classées.',
  } as Record<string, string>,
  unplaced: (n: number) =>
    `${nfFinder.format(n)} contrat${n > 1 ? 's' : ''} du registre sans périmètre connu ${n > 1 ? 'ne peuvent pas être situés' : 'ne peut pas être situé'}.`,
  flagValue: (v: boolean) => (v ? 'oui' : 'non'),
  unknownIndicator: 'Indicateur inconnu (fichier importé non rechargé ?)',
  unavailableAtLevel: 'Non disponible à cet échelon : ',
  loading: 'Recherche en cours…',
  error: 'La recherche n’a pas pu aboutir.',
  count: (level: Level, n: number, total: number, population: number) =>
    `${nfFinder.format(n)} ${levelPluralLower(level, n)} sur ${nfFinder.format(total)}, ${nfFinder.format(population)} habitants`,
  populationUnknown: (n: number) => `(population inconnue pour ${nfFinder.format(n)})`,
  missing: (level: Level, n: number, label: string) => `${nfFinder.format(n)} ${levelPluralLower(level, n)} sans donnée pour « ${label} »`,
  undeterminedTitle: (level: Level, n: number) =>
    `${nfFinder.format(n)} ${levelPluralLower(level, n)} à vérifier : ${n > 1 ? 'ils remplissent' : 'il remplit'} les autres critères mais une valeur manque`,
  tableCaption: (level: Level) => `Territoires retenus (${LEVEL_LABELS_PLURAL[level].toLowerCase()})`,
  undeterminedCaption: 'Territoires sans donnée pour au moins un critère',
  columns: { name: 'Nom', code: 'Code', departement: 'Département', population: 'Population' },
  sortBy: (column: string) => `Trier par ${column}`,
  showMore: (n: number) => `Afficher ${nfFinder.format(n)} de plus`,
  export: 'Exporter le tableau (CSV)',
  openTerritory: (name: string) => `Ouvrir ${name}`,
  missingValue: 'n.d.',
  announce: (level: Level, n: number, total: number) => `${nfFinder.format(n)} ${levelPluralLower(level, n)} sur ${nfFinder.format(total)} répondent aux critères.`,
  mapLegend: 'Sur la carte : territoires retenus cernés de bleu, autres atténués.',
  csvHeader: { code: 'code', name: 'nom', departement: 'departement', population: 'population', status: 'statut' },
  csvStatus: { match: 'retenu', undetermined: 'donnee_manquante' },
};

// Bivariate (two indicators at once)
const nfBivariate = new Intl.NumberFormat('fr-FR');
export const frBivariate = {
  open: 'Croiser deux indicateurs',
  openHint: 'Carte bivariée : un indicateur de besoin croisé avec un indicateur d’offre de soins, en tiers',
  title: 'Croiser besoin et offre',
  kicker: 'Carte bivariée',
  close: 'Fermer la carte bivariée',
  needLabel: 'Besoin (axe vertical)',
  supplyLabel: 'Offre (axe horizontal)',
  method:
    'Chaque indicateur est découpé en trois tiers d’effectifs égaux parmi les territoires qui ont les deux valeurs ; le tiers « défavorable » suit la polarité déclarée de l’indicateur (plus d’offre = mieux). La couleur la plus foncée marque les territoires au besoin le plus fort et à l’offre la plus faible.',
  overChoropleth: 'La carte bivariée recouvre la carte de l’indicateur.',
  loading: 'Calcul de la carte bivariée…',
  error: 'La carte bivariée n’a pas pu être calculée.',
  unavailable: 'Carte bivariée non disponible à cet échelon',
  legendTitle: 'Légende (nombre de territoires par case)',
  needAxis: (label: string) => `${label} : besoin plus fort ↑`,
  supplyAxis: (label: string) => `${label} : offre plus faible →`,
  third: ['tiers favorable', 'tiers intermédiaire', 'tiers défavorable'] as const,
  cellLabel: (need: number, supply: number) =>
    `besoin : ${frBivariate.third[need]}, offre : ${frBivariate.third[supply]}`,
  cellCount: (n: number) => `${nfBivariate.format(n)} territoire${n > 1 ? 's' : ''}`,
  noData: (n: number) => `${nfBivariate.format(n)} territoire${n > 1 ? 's' : ''} sans l’une des deux valeurs (gris)`,
  rangesCaption: 'Bornes des tiers',
  range: (low: string | null, high: string | null) => (low === null ? `≤ ${high}` : high === null ? `> ${low}` : `${low} – ${high}`),
  tooltip: (need: number, supply: number) => `Case : ${frBivariate.cellLabel(need, supply)}`,
  panelTitle: 'Besoin et offre',
  noValue: 'non disponible',
};

// Peers (comparable territories)
const nfPeers = new Intl.NumberFormat('fr-FR');
export const frPeers = {
  title: 'Territoires comparables',
  loading: 'Recherche des territoires comparables…',
  error: 'Les territoires comparables n’ont pas pu être calculés.',
  none: 'Ce territoire n’a pas toutes les valeurs nécessaires : pas de territoires comparables.',
  method: (n: number, level: string, compared: number, criteria: string) =>
    `Les ${n} ${level} les plus proches parmi ${nfPeers.format(compared)} sur : ${criteria}. Chaque critère est centré et réduit (écart à la moyenne divisé par l’écart type), la proximité est la distance euclidienne ; à égalité, l’ordre du code.`,
  skipped: (criteria: string) => `Non disponible à cet échelon, donc non utilisé : ${criteria}.`,
  peersCaption: 'Les territoires comparables, du plus proche au plus lointain',
  columns: { name: 'Territoire', departement: 'Département', distance: 'Distance', cls: 'CLS' },
  noCls: 'aucun connu',
  withCls: (n: number, of: number) => `${nfPeers.format(n)} sur ${nfPeers.format(of)} ont un CLS en vigueur (signé ou en renouvellement, statut confirmé) dans le registre.`,
  comparisonTitle: 'Comparaison avec le groupe de pairs',
  comparisonCaption: 'Valeur du territoire, médiane et étendue des pairs, département, région et France',
  comparisonColumns: { indicator: 'Indicateur', value: 'Territoire', peers: 'Pairs : médiane (min – max)', departement: 'Département', region: 'Région', france: 'France' },
  range: (median: string, min: string, max: string, n: number) => `${median} (${min} – ${max}${n < 10 ? `, ${n} valeurs` : ''})`,
  noValue: 'n.d.',
  select: (name: string) => `Sélectionner ${name}`,
};

// Trends (series of several vintages)
export const frTrends = {
  title: 'Évolutions',
  loading: 'Chargement des séries…',
  error: 'Les séries n’ont pas pu être chargées.',
  none: 'Aucune série de plusieurs millésimes n’est disponible à cet échelon.',
  chartLoading: 'Chargement du graphique…',
  tableCaption: (label: string) => `${label} : valeurs par millésime`,
  vintage: 'Millésime',
  france: 'France',
  franceMissing: 'Valeur nationale non publiée par la source.',
  noValue: 'n.d.',
  source: (s: string) => `Source : ${s}.`,
};

// Input checks (files handed to the atlas, links, map errors)

// Input checks (files handed to the atlas, links, map errors)
export const frInput = {
  // Shared with the contract import command (scripts/ may only import src/lib): the messages live there.
  problem: describeInputProblem,
  csvProblem: describeCsvProblem,
  encoding: encodingLabel,
  mapError: {
    level: (level: Level) =>
      `Les contours des ${LEVEL_LABELS_PLURAL[level].toLowerCase()} n’ont pas pu être chargés : la carte de cet échelon est vide ou incomplète. Rechargez la page ; si l’erreur persiste, le serveur bloque peut-être ces fichiers.`,
    source: 'Une couche de la carte n’a pas pu être chargée (tuiles ou superpositions) : la carte peut être incomplète.',
    webgl: 'Le rendu de la carte a été interrompu (contexte WebGL perdu) : rechargez la page.',
    other: 'La carte a rencontré une erreur : certaines informations peuvent manquer.',
  },
  /** What a link lost, in one short sentence per drop. */
  linkDrop: (d: LinkDrop): string => {
    switch (d.kind) {
      case 'ignored':
        return d.why === 'version' ? 'lien d’une version inconnue de l’atlas : vue par défaut' : 'lien trop long : vue par défaut';
      case 'unreadable':
        return `paramètre${d.keys.length > 1 ? 's' : ''} illisible${d.keys.length > 1 ? 's' : ''} ignoré${d.keys.length > 1 ? 's' : ''} (${d.keys.join(', ')})`;
      case 'unknownTerritory':
        return `territoire inconnu ignoré (${LEVEL_LABELS[d.ref.level].toLowerCase()} ${d.ref.code})`;
      case 'selectionUnderPerimeter':
        return `sélection ${d.ref.code} ignorée : le périmètre sur mesure est ouvert`;
      case 'unknownCommunes':
        return `${numberFr.format(d.unknown)} code${d.unknown > 1 ? 's' : ''} de commune inconnu${d.unknown > 1 ? 's' : ''} retiré${d.unknown > 1 ? 's' : ''} du périmètre sur ${numberFr.format(d.total)} (${d.sample.join(', ')}${d.unknown > d.sample.length ? '…' : ''})`;
      case 'portrait':
        return d.portrait === 'territory' ? 'portrait non ouvert : aucun territoire sélectionné' : 'portrait non ouvert : périmètre vide';
    }
  },
  linkNotice: (drops: readonly string[]) => `Lien corrigé : ${drops.join(' ; ')}.`,
  linkNoticeClose: 'Masquer ce message',
  importPhases: {
    prepare: 'Chargement des territoires',
    read: 'Lecture du fichier',
    decode: 'Détection de l’encodage',
    parse: 'Analyse des lignes',
    check: 'Vérification du fichier',
    match: 'Appariement des codes',
  } as Record<string, string>,
  importProgress: (phase: string, fraction: number | null) => (fraction === null ? `${phase}…` : `${phase}… ${Math.round(fraction * 100)} %`),
  importCancel: 'Annuler l’import',
  importCancelled: 'Import annulé.',
  importFileSummary: (encoding: string) => `Encodage lu : ${encoding}.`,
} as const;

// Published map (title, shell, sheets, share, embed, export, data table, labels)
const titleLevel: Record<Level, string> = {
  commune: 'par commune',
  epci: 'par intercommunalité',
  bv: 'par bassin de vie',
  departement: 'par département',
  region: 'par région',
};
export const frPublished = {
  /** Short headline of an indicator in the map title, where its catalogue label is too long. */
  headline: (id: string, label: string): string => {
    const apl = /^apl_mg(?:_moins65)?_(\d{4})$/.exec(id);
    return apl ? `Accès aux médecins généralistes (APL ${apl[1]})` : label;
  },
  titleLevel: (level: Level) => titleLevel[level],
  noIndicatorTitle: (level: Level) => `Territoires ${titleLevel[level]}`,
  titleWhere: (where: string) => ` — ${where}`,
  perimeterWhere: (name: string) => `périmètre « ${name} »`,
  documentTitle: (title: string) => `${title} — CLS Atlas`,
  brand: 'CLS Atlas',
  brandTagline: 'Inégalités territoriales de santé',
  about: 'À propos et sources',
  aboutTitle: 'À propos de CLS Atlas',
  closeDialog: 'Fermer',
  share: 'Partager',
  shareTitle: 'Partager cette carte',
  shareCopied: 'Lien copié dans le presse-papiers.',
  shareCopyFailed: 'Copie impossible : sélectionnez le lien ci-dessous et copiez-le.',
  shareLink: 'Lien vers cette carte',
  shareCopy: 'Copier le lien',
  embedTitle: 'Intégrer la carte dans une page',
  embedHint: 'Copiez ce code HTML : la carte, son titre, sa légende et ses sources seulement.',
  embedCode: 'Code d’intégration (iframe)',
  embedCopy: 'Copier le code',
  embedOpen: 'Ouvrir la carte complète dans CLS Atlas',
  printedFrom: (link: string) => `Carte imprimée depuis CLS Atlas : ${link}`,
  exportPng: 'Exporter en image',
  exportTitle: 'Exporter la carte en image (PNG)',
  exportScreen: 'Taille écran',
  exportPrint: 'Taille impression (A4, 300 dpi)',
  exportDone: (w: number, h: number) => `Image de ${w} × ${h} pixels enregistrée.`,
  exportFailed: 'L’image de la carte n’a pas pu être produite.',
  exportSource: 'Sources',
  exportDate: (date: string) => `Carte produite le ${date}`,
  exportAddress: (url: string) => `CLS Atlas — ${url}`,
  toolbar: 'Outils de la carte',
  menu: 'Outils',
  levelSelect: 'Échelon',
  collapse: 'Replier le panneau',
  expand: 'Déplier le panneau',
  sheetHandle: (title: string, expanded: boolean) => `${title} : ${expanded ? 'réduire' : 'agrandir'}`,
  indicatorSheet: 'Indicateur et légende',
  insets: 'Outre-mer',
  insetLabel: (name: string) => `Afficher ${name}`,
  insetMapLabel: (name: string) => `${name} — voir sur la carte`,
  table: {
    open: 'Tableau des données',
    skip: 'Aller au tableau des données',
    title: (what: string) => `Tableau des données : ${what}`,
    caption: (count: number) => `${numberFr.format(count)} territoires. Cliquez sur un en-tête pour trier ; Entrée sur une ligne pour sélectionner le territoire.`,
    filter: 'Filtrer par nom ou code',
    name: 'Territoire',
    code: 'Code',
    value: 'Valeur',
    cls: 'Classe',
    noValue: 'donnée manquante',
    sortAsc: 'tri croissant',
    sortDesc: 'tri décroissant',
    select: (name: string) => `Sélectionner ${name}`,
    shown: (shown: number, total: number) => `${numberFr.format(shown)} ligne${shown > 1 ? 's' : ''} sur ${numberFr.format(total)}`,
    more: 'Afficher plus de lignes',
    close: 'Fermer le tableau',
    noIndicator: 'Aucun indicateur cartographié : le tableau liste les territoires seulement.',
  },
  keyboardHelp:
    'Carte : Entrée sélectionne le territoire au centre ; Alt + flèches passe au territoire voisin dans cette direction ; flèches seules déplacent la carte.',
  announceSelected: (name: string, level: string) => `${name} (${level}) sélectionné. Panneau du territoire ouvert.`,
  comparisonCsv: 'Exporter la comparaison (CSV)',
} as const;
