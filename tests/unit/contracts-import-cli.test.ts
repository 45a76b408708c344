// The contract import command end to end on a temp registry: exit codes, and
// the registry on disk never damaged (not written when nothing is kept, when
// the file is refused, or when --out is not a registry).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContractImport, type CogForImport } from '../../scripts/overlays/contract-import-run.ts';
import { overlapIssues, validateRegistry, type CogLookup, type Contract, type ContractRegistry } from '../../src/lib/contracts.ts';

const COMMUNES = new Set(['77284', '77131', '77001', '77002', '01165']);
const cog: CogLookup = { hasCommune: (c) => COMMUNES.has(c), epciMembers: () => undefined };
const loadCog = async (): Promise<CogForImport> => ({ cog, historicalPassage: new Map() });

const HEADER = 'nom;statut;codes_insee;source';
const line = (name: string, codes: string, status = 'signé') => `${name};${status};${codes};https://example.org/${encodeURIComponent(name)}`;

let dir: string;
let registryFile: string;
const EXISTING: ContractRegistry = {
  version: 1,
  referenceDate: '2025-06',
  description: 'test',
  contracts: [
    {
      id: 'existant',
      name: 'Existant',
      status: 'signe',
      statusReported: 'signé',
      statusAsOf: null,
      generation: null,
      ars: { region: null, name: null },
      dates: { engagement: null, signature: null, start: null, end: null },
      periodReported: null,
      durationYears: null,
      signatories: [],
      perimeterType: 'commune',
      perimeter: { communes: ['01165'], epci: [] },
      departements: [],
      coordinator: null,
      sources: [{ url: 'https://example.org/existant', says: 'x' }],
      confidence: 'high',
      notes: null,
    } as Contract,
  ],
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cls-import-'));
  registryFile = path.join(dir, 'registry.json');
  writeFileSync(registryFile, `${JSON.stringify(EXISTING, null, 2)}\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(content: string | Uint8Array | null, ...flags: string[]) {
  const input = path.join(dir, 'liste.csv');
  if (content !== null) writeFileSync(input, content);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runContractImport([input, '--out', registryFile, ...flags], loadCog, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join(''), registry: readFileSync(registryFile, 'utf8') };
}
const before = () => readFileSync(registryFile, 'utf8');
const ids = (text: string) => (JSON.parse(text) as ContractRegistry).contracts.map((c) => c.id);

describe('contract import command: exit codes and file safety', () => {
  it('exits 0 and merges when every line is imported', async () => {
    const r = await run([HEADER, line('Coulommiers', '77131')].join('\n'));
    expect(r.code).toBe(0);
    expect(ids(r.registry)).toEqual(['existant', 'coulommiers']);
  });

  it('exits 1 and writes nothing when every line is rejected', async () => {
    const original = before();
    const r = await run([HEADER, line('Un', '77131', 'n’importe quoi'), line('Deux', '77131', '???')].join('\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Aucune ligne retenue/);
    expect(r.registry).toBe(original);
  });

  it('exits 1 when some line is rejected, writing the others', async () => {
    const r = await run([HEADER, line('Coulommiers', '77131'), line('Inconnu', '77131', 'n’importe quoi')].join('\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Import partiel : 1 ligne\(s\) rejetée\(s\)/);
    expect(ids(r.registry)).toEqual(['existant', 'coulommiers']);
  });

  it('exits 1 without writing with --dry-run when something is rejected, 0 when nothing is', async () => {
    const original = before();
    expect((await run([HEADER, line('A', '77131'), line('B', '99999')].join('\n'), '--dry-run')).code).toBe(1);
    expect((await run([HEADER, line('A', '77131')].join('\n'), '--dry-run')).code).toBe(0);
    expect(before()).toBe(original);
  });

  it('gives a French line, no stack trace, for a missing file or a directory (exit 2)', async () => {
    const original = before();
    const missing = await run(null);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Fichier introuvable : /);
    const out: string[] = [];
    const code = await runContractImport([dir, '--out', registryFile], loadCog, { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(out.join('')).toMatch(/est un dossier/);
    expect(out.join('')).not.toMatch(/\n\s+at /);
    expect(before()).toBe(original);
  });

  it('refuses to overwrite an --out that is not a registry', async () => {
    writeFileSync(registryFile, 'code;nom\n77131;x\n');
    const r = await run([HEADER, line('A', '77131')].join('\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/n’est pas un registre lisible/);
    expect(r.registry).toBe('code;nom\n77131;x\n');
  });

  it('creates the registry when --out does not exist yet, never when nothing is kept', async () => {
    rmSync(registryFile);
    const none = await runContractImport([path.join(dir, 'x.csv'), '--out', registryFile], loadCog, { out: () => undefined, err: () => undefined });
    expect(none).toBe(2);
    writeFileSync(path.join(dir, 'bad.csv'), [HEADER, line('A', '77131', '???')].join('\n'));
    expect(await runContractImport([path.join(dir, 'bad.csv'), '--out', registryFile], loadCog, { out: () => undefined, err: () => undefined })).toBe(1);
    expect(existsSync(registryFile)).toBe(false);
  });

  it('reads UTF-16 (with and without BOM) like UTF-8', async () => {
    const text = [HEADER, line('Évry Coulommiers', '77131')].join('\r\n');
    for (const bom of [true, false]) {
      writeFileSync(registryFile, `${JSON.stringify(EXISTING)}\n`);
      const units = (bom ? '\uFEFF' : '') + text;
      const bytes = new Uint8Array(units.length * 2);
      for (let i = 0; i < units.length; i++) {
        bytes[2 * i] = units.charCodeAt(i) & 0xff;
        bytes[2 * i + 1] = units.charCodeAt(i) >> 8;
      }
      const r = await run(bytes);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/encodage UTF-16/);
      expect((JSON.parse(r.registry) as ContractRegistry).contracts[1]!.name).toBe('Évry Coulommiers');
    }
  });

  it('refuses binary files and unbalanced quotes, naming the line, without writing', async () => {
    const original = before();
    const png = await run(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(png.code).toBe(1);
    expect(png.err).toMatch(/image PNG/);
    const quote = await run([HEADER, 'Un;signé;"77131;https://example.org/a', line('Deux', '77284'), line('Trois', '77001')].join('\n'));
    expect(quote.code).toBe(1);
    expect(quote.err).toMatch(/ligne 2/);
    expect(before()).toBe(original);
  });

  it('rejects formula cells and oversized cells, line by line', async () => {
    const r = await run([HEADER, line('=HYPERLINK("http://x")', '77131'), line('@SUM(A1)', '77284'), line('N'.repeat(5_000_000), '77001'), line('Bonne ligne', '77002'), line('Tiret', '77001', 'signé')].join('\n'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/formule de tableur refusée/);
    expect(r.out).toMatch(/trop longue \(5000000 caractères, au plus 300\)/);
    expect(ids(r.registry)).toEqual(['existant', 'bonne-ligne', 'tiret']);
  }, 30_000);
});

describe('the real command (tsx)', () => {
  it('prints a French line and exits 2 on a missing file, no stack trace', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/import-contracts.ts'), path.join(dir, 'absent.csv'), '--out', registryFile], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Fichier introuvable/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('overlap check', () => {
  const contract = (i: number, status: Contract['status'], communes: string[]): Contract => ({ ...EXISTING.contracts[0]!, id: `c${i}`, name: `C${i}`, status, perimeter: { communes, epci: [] } });

  it('keeps the rule: two active contracts partly overlapping is an error, nested ones information, an ended or planned one a warning', () => {
    const issues = overlapIssues([
      { contract: contract(1, 'signe', ['77131', '77284']), line: 1, communes: ['77131', '77284'] },
      { contract: contract(2, 'signe', ['77131', '77002']), line: 2, communes: ['77131', '77002'] },
      { contract: contract(3, 'termine', ['77284']), line: 3, communes: ['77284'] },
      { contract: contract(4, 'envisage', ['77001']), line: 4, communes: ['77001'] },
      { contract: contract(5, 'signe', ['77284']), line: 5, communes: ['77284'] },
    ]);
    expect(issues.map((i) => [i.level, i.id, i.message.split(' (')[0]])).toEqual([
      ['error', 'c2', 'chevauche le contrat actif c1'],
      ['warning', 'c3', 'partage 77284 avec c1'],
      ['info', 'c5', 'c5'],
      ['warning', 'c5', 'partage 77284 avec c3'],
    ]);
  });

  it('stays linear in the number of contracts: 20,000 active contracts on one commune', () => {
    const n = 20_000;
    const registry: ContractRegistry = { ...EXISTING, contracts: Array.from({ length: n }, (_, i) => contract(i, 'signe', ['77131'])) };
    const issues = validateRegistry(registry, cog);
    // Each later line is flagged (at most 5 partners + one summary line), never one issue per pair (2·10⁸).
    expect(issues.filter((i) => i.level === 'error').length).toBeLessThanOrEqual(n * 6);
    expect(new Set(issues.map((i) => i.id)).size).toBe(n - 1);
  });
});
