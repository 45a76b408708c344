// Level switch: the DSFR segmented control (native radio buttons, keyboard
// arrows move between levels).
import { SegmentedControl, type SegmentedControlProps } from '@codegouvfr/react-dsfr/SegmentedControl';
import { LEVELS } from '../lib/levels.ts';
import { fr } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';

export function LevelSwitch() {
  const atlas = useAtlas();
  const level = useAtlasState((s) => s.level);
  const status = useAtlasState((s) => s.levelStatus[s.level]);
  const segments = LEVELS.map((l) => ({
    label: fr.levels.label(l),
    nativeInputProps: {
      value: l,
      checked: l === level,
      onChange: () => atlas.setLevel(l),
      'data-level': l,
    },
  })) as unknown as SegmentedControlProps.Segments;
  return (
    <div className="atlas-level-switch" aria-busy={status === 'loading'}>
      <SegmentedControl legend={fr.levels.legend} small name="atlas-level" segments={segments} />
    </div>
  );
}
