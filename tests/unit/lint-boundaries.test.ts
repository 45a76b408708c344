import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it('src/lib/ imports only src/lib/ and no viewer library', async () => {
    expect(await restrictedImports('src/lib/probe.ts', "import { fr } from '../i18n/fr.ts';\nexport const x = fr;\n")).toHaveLength(1);
    expect(await restrictedImports('src/lib/probe.ts', "import { Map } from 'maplibre-gl';\nexport const x = Map;\n")).toHaveLength(1);
    expect(await restrictedImports('src/lib/probe.ts', "import { LEVELS } from './levels.ts';\nexport const x = LEVELS;\n")).toEqual([]);
  });

  it('scripts/ import src/lib/ but never viewer code', async () => {
    expect(await restrictedImports('scripts/lib/probe.ts', "import { FEATURES } from '../../src/features.ts';\nexport const x = FEATURES;\n")).toHaveLength(1);
    expect(await restrictedImports('scripts/probe.ts', "import { x as y } from '../src/perimeter/perimeter.ts';\nexport const x = y;\n")).toHaveLength(1);
    expect(await restrictedImports('scripts/lib/probe.ts', "import { LEVELS } from '../../src/lib/levels.ts';\nexport const x = LEVELS;\n")).toEqual([]);
  });
});
