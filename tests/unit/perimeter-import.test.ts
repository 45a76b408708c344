import { describe, expect, it } from 'vitest';
import { runPerimeterImport } from '../../src/perimeter/perimeter-import.worker.ts';
import { fr } from '../../src/i18n/fr.ts';

const communes = ['77131', '77284', '2A004', '01001'];
const run = (input: Blob | string) => runPerimeterImport({ input, communes, passage: [['77999', ['77131']]] });

describe('perimeter import: refusals', () => {
  it('refuses an empty file, a PNG, NUL bytes: never a green « 0 commune »', async () => {
    expect(await run(new Blob([]))).toEqual({ ok: false, message: 'Le fichier est vide : il ne contient aucun texte.' });
    expect(await run(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])]))).toMatchObject({ ok: false, message: expect.stringMatching(/image PNG/) });
    expect(await run(new Blob([new Uint8Array([0x37, 0, 0, 0x31, 0, 0, 0x33, 0, 0, 0, 0x31, 0, 0, 0, 0])]))).toMatchObject({ ok: false });
  });

  it('reads UTF-16 files (BOM or not) as their text', async () => {
    const text = '77131\r\n2A004\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    for (const bytes of [new Uint8Array([0xff, 0xfe, ...le]), le]) {
      const r = await run(new Blob([bytes]));
      expect(r.ok && r.summary.communes).toEqual(['2A004', '77131']);
    }
  });
});

describe('perimeter import: a bounded report', () => {
  it('10,000 unknown codes: the first 20 and the count, not 65,000 characters', async () => {
    const codes = Array.from({ length: 10_000 }, (_, i) => String(10_000 + i * 7).padStart(5, '0')).filter((c) => !communes.includes(c));
    const r = await run(['77131', ...codes].join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.summary.communes).toEqual(['77131']);
    expect(r.summary.unknown.count).toBe(codes.length);
    expect(r.summary.unknown.sample).toHaveLength(20);
    const sentence = fr.perimeter.importUnknown(r.summary.unknown.sample, r.summary.unknown.count);
    expect(sentence.length).toBeLessThan(300);
    expect(sentence.replace(/\s/g, ' ')).toMatch(new RegExp(`et ${new Intl.NumberFormat('fr-FR').format(codes.length - 20).replace(/\s/g, ' ')} autres\\.$`));
  });

  it('moves old codes forward and counts them', async () => {
    const r = await run('77999;2A004');
    expect(r.ok && r.summary).toMatchObject({ communes: ['2A004', '77131'], moved: { count: 1 } });
  });
});
