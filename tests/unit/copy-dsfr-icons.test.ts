import { describe, expect, it } from 'vitest';
import { iconFilesFor, usedIconClasses } from '../../scripts/copy-dsfr-icons.ts';

const css =
  '.fr-icon-download-line:after,.fr-icon-download-line:before{-webkit-mask-image:url(../../icons/system/download-line.svg);mask-image:url(../../icons/system/download-line.svg)}' +
  '.fr-icon-close-line:before{mask-image:url(../../icons/system/close-line.svg)}' +
  '.fr-icon-close-line-fill:before{mask-image:url(../../icons/system/close-line-fill.svg)}';

describe('DSFR icon self-hosting', () => {
  it('finds icon classes in source text, once each', () => {
    expect(usedIconClasses(['<span className="fr-icon-close-line" />', "iconId: 'fr-icon-download-line'", 'fr-icon-close-line'])).toEqual([
      'fr-icon-close-line',
      'fr-icon-download-line',
    ]);
  });

  it('maps each class to its SVG without confusing prefixes', () => {
    expect(iconFilesFor(css, ['fr-icon-close-line', 'fr-icon-download-line'])).toEqual([
      'icons/system/close-line.svg',
      'icons/system/download-line.svg',
    ]);
  });

  it('ignores classes the stylesheet does not define', () => {
    expect(iconFilesFor(css, ['fr-icon-unknown'])).toEqual([]);
  });
});
