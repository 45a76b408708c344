// Ready-made finder queries grounded in the CLS doctrine: contracts go first
// to territories cumulating a weak care offer with deprived urban
// neighbourhoods (QPV) or isolated rural areas, and without a contract yet.
// Each is an ordinary query: applying it puts it in the editor (and the URL).
import { parseFinderQuery, type FinderQuery } from './query.ts';

export interface FinderPreset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly query: FinderQuery;
}

function preset(id: string, title: string, description: string, raw: string): FinderPreset {
  const query = parseFinderQuery(raw);
  if (!query) throw new Error(`preset ${id}: bad query ${raw}`);
  return { id, title, description, query };
}

export const FINDER_PRESETS: readonly FinderPreset[] = [
  preset(
    'rural-isole',
    'Rural isolé, peu de médecins, sans CLS',
    'EPCI dont la majorité de la population vit en commune rurale isolée, dans le cinquième le moins bien doté en médecins généralistes de 65 ans ou moins (APL 2023), sans CLS connu.',
    'epci,f~rural_isole,q~apl_mg_moins65_2023~5~worst,f~no_cls',
  ),
  preset(
    'qpv-precarite',
    'Quartiers prioritaires et pauvreté élevée, sans CLS',
    'EPCI comptant au moins un quartier prioritaire (QPV 2024), dans le cinquième au taux de pauvreté le plus élevé (Filosofi 2021, estimé à l’échelon), sans CLS connu.',
    'epci,f~qpv,q~taux_pauvrete_2021~5~worst,f~no_cls',
  ),
  preset(
    'sous-dense',
    'Zone sous-dense en médecins généralistes, sans CLS',
    'EPCI dont l’APL aux médecins généralistes de 65 ans ou moins est inférieure à 2,5 consultations par an et par habitant (seuil de sous-densité retenu par la DREES), sans CLS connu.',
    'epci,v~apl_mg_moins65_2023~lt~2.5,f~no_cls',
  ),
  preset(
    'vieillissement',
    'Population âgée et offre faible',
    'Bassins de vie dans le cinquième où la part des 75 ans ou plus est la plus haute et dans le cinquième le moins bien doté en médecins généralistes (APL 2023).',
    'bv,q~part_75_ans_plus~5~high,q~apl_mg_moins65_2023~5~worst',
  ),
];
