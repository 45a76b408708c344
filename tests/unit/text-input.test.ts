import { describe, expect, it } from 'vitest';
import { checkCsvStructure, decodeInput, guessUtf16, scanQuotes } from '../../src/lib/text-input.ts';
import { readCsv } from '../../src/lib/csv.ts';
import { frInput } from '../../src/i18n/fr.ts';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
};
const CSV = 'code;valeur;libellé\n77131;12,5;Coulommiers\n2A004;3;Ajaccio\n';

describe('decodeInput: encodings', () => {
  it('decodes UTF-16 LE and BE, with a BOM and without', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const r = decodeInput(utf16(CSV, order, bom));
        expect(r.ok && r.text).toBe(CSV);
        expect(r.ok && r.encoding).toBe(`utf-16${order}`);
      }
    }
    expect(guessUtf16(new TextEncoder().encode(CSV))).toBeNull();
  });

  it('decodes UTF-8 (BOM stripped) and falls back to Windows-1252', () => {
    const r = decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]));
    expect(r).toMatchObject({ ok: true, text: CSV, encoding: 'utf-8', hadBom: true });
    const latin = new Uint8Array([...new TextEncoder().encode('nom;v\nCl'), 0xe9, 0x6d, 0x65, 0x6e, 0x74, 0x3b, 0x31, 0x0a]);
    expect(decodeInput(latin)).toMatchObject({ ok: true, text: 'nom;v\nClément;1\n', encoding: 'windows-1252' });
  });

  it('the decoded UTF-16 text reads as the same table as UTF-8', () => {
    const r = decodeInput(utf16(CSV, 'le', false));
    const table = readCsv(r.ok ? r.text : '');
    expect(table.headers).toEqual(['code', 'valeur', 'libellé']);
    expect(table.rows[1]!.code).toBe('2A004');
  });
});

describe('decodeInput: not text', () => {
  it('refuses empty and blank files', () => {
    expect(decodeInput(new Uint8Array())).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(decodeInput(new TextEncoder().encode(' \r\n\n\t'))).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('names known binary formats from their signature', () => {
    const cases: [number[], string][] = [
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'png'],
      [[0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'pdf'],
      [[0x50, 0x4b, 0x03, 0x04, 0x14], 'zip'],
      [[0x1f, 0x8b, 0x08], 'gzip'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'ole'],
    ];
    for (const [bytes, format] of cases) expect(decodeInput(new Uint8Array(bytes))).toEqual({ ok: false, problem: { kind: 'binary', format } });
    expect(frInput.problem({ kind: 'binary', format: 'zip' })).toMatch(/Enregistrez la feuille au format CSV/);
  });

  it('refuses NUL bytes and control characters that are not UTF-16', () => {
    const bytes = new Uint8Array(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(decodeInput(bytes)).toMatchObject({ ok: false, problem: { kind: 'binary' } });
    const controls = new TextEncoder().encode(`code;v\n${'\u0001\u0002\u0003abc;1\n'.repeat(50)}`);
    expect(decodeInput(controls)).toMatchObject({ ok: false, problem: { kind: 'binary', format: 'unknown' } });
  });

  it('refuses a file above the size limit', () => {
    expect(decodeInput(new Uint8Array(11), { maxBytes: 10 })).toMatchObject({ ok: false, problem: { kind: 'tooLarge' } });
  });
});

describe('CSV structure checks', () => {
  const check = (text: string) => {
    const table = readCsv(text);
    return checkCsvStructure({ text, delimiter: table.delimiter, headers: table.headers, rows: table.rows.length });
  };

  it('accepts a well-formed file, quoted separators and quoted line breaks of the right width', () => {
    expect(check(CSV)).toBeNull();
    expect(check('code;nom;v\n77131;"Coulommiers; ville";1\n77132;"deux\nlignes";2\n')).toBeNull();
  });

  it('says header only, one column, reserved header', () => {
    expect(check('code;valeur\n')).toEqual({ kind: 'headerOnly' });
    expect(check('code\n77131\n77132\n')).toMatchObject({ kind: 'oneColumn', header: 'code' });
    expect(check('code;__proto__\n77131;1\n')).toEqual({ kind: 'reservedHeader', header: '__proto__', column: 2 });
    expect(check('constructor;v\n77131;1\n')).toMatchObject({ kind: 'reservedHeader', column: 1 });
  });

  it('finds an unbalanced quote, whether it runs to the end or swallows lines', () => {
    expect(check('code;nom;v\n77131;"Coulommiers;1\n77132;Boissy;2\n')).toEqual({ kind: 'unclosedQuote', line: 2 });
    expect(check('code;nom;v\n77131;"Coulommiers;1\n77132;Boissy";2\n77133;C;3\n')).toEqual({ kind: 'quoteSpansLines', line: 2, lines: 2 });
  });

  it('counts lines from the header offset and reports in French', () => {
    const scan = scanQuotes('titre\n\ncode;v\n1;"x\n', ';', 'titre\n\n'.length);
    expect(scan.unclosedAt).toBe(4);
    expect(frInput.csvProblem({ kind: 'unclosedQuote', line: 4 })).toMatch(/ligne 4/);
  });

  it('a __proto__ header does not reach the prototype of the rows', () => {
    const table = readCsv('code;__proto__\n77131;{"polluted":1}\n');
    const row = table.rows[0]!;
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(row.__proto__).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
