// The builder's side panel, shown instead of the territory panel while the
// perimeter mode is on. Its code (PerimeterBuilderPanel: figures, import /
// export, comparison) is a chunk of its own, fetched when the mode starts.
import { usePerimeterSession } from './connect.ts';
import { usePerimeterState } from './session.ts';
import { lazyPanel } from '../components/lazy-panel.tsx';
import './perimeter.css';

const PerimeterBuilderPanel = lazyPanel(() => import('./PerimeterBuilderPanel.tsx').then((m) => m.PerimeterBuilderPanel));

export function PerimeterPanel({ onClosed }: { onClosed?: () => void }) {
  const session = usePerimeterSession();
  const active = usePerimeterState(session, (s) => s.active);
  return active ? <PerimeterBuilderPanel onClosed={onClosed} /> : null;
}
