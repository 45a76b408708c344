import { describe, expect, it } from 'vitest';
import { iconFilesFor, usedIconClasses, usedIconsCss } from '../../scripts/copy-dsfr-icons.ts';

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

describe('the used-icons stylesheet', () => {
  const svg: Record<string, string> = {
    'icons/system/close-line.svg': '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1"/></svg>\n',
    'icons/system/download-line.svg': '<svg xmlns="http://www.w3.org/2000/svg"><path d="M2 2"/></svg>',
  };
  const out = usedIconsCss(css, ['fr-icon-close-line', 'fr-icon-download-line', 'fr-icon-unknown'], (file) => svg[file]!);

  it('has one rule per used class, on both pseudo-elements, and none for others', () => {
    expect(out.match(/^\.fr-icon-[a-z-]+:after,\.fr-icon-[a-z-]+:before\{/gm)).toHaveLength(2);
    expect(out).not.toContain('fr-icon-close-line-fill');
    expect(out).not.toContain('fr-icon-unknown');
  });

  it('inlines each SVG as a data: URI the browser decodes back to the file', () => {
    const rule = out.split('\n').find((l) => l.startsWith('.fr-icon-close-line:'))!;
    const encoded = /mask-image:url\("data:image\/svg\+xml,([^"]+)"\)\}$/.exec(rule)![1]!;
    expect(decodeURIComponent(encoded)).toBe(svg['icons/system/close-line.svg']!.trim());
    expect(rule).not.toContain('../../icons/');
  });
});
