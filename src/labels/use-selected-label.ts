// Keeps the selected territory's name written on the map.
import { useEffect } from 'react';
import type { Atlas } from '../app/atlas.ts';
import { labelsModule } from './labels-module.ts';
import { selectedLabelPoint } from './label-data.ts';

export function useSelectedLabel(atlas: Atlas): void {
  useEffect(() => {
    const update = () => {
      const record = atlas.territory(atlas.store.getState().selection);
      labelsModule.setSelected(record ? { name: record.name, point: selectedLabelPoint(record.code, record.bbox, labelsModule.points) } : null);
    };
    const off = atlas.store.subscribe((s, p) => {
      if (s.selection !== p.selection || s.indexVersion !== p.indexVersion) update();
    });
    const offPoints = labelsModule.onPoints(update);
    update();
    return () => {
      off();
      offPoints();
    };
  }, [atlas]);
}
