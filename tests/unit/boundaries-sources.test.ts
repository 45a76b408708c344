// Source resolution: a missing or altered source fails with an error naming it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../scripts/lib/context.ts';
import { getSource, resolveSource, SourceUnavailableError } from '../../scripts/lib/sources.ts';

const mirrorDir = mkdtempSync(path.join(tmpdir(), 'cls-mirror-'));
const ctx: BuildContext = { mirrorDir, outDir: path.join(mirrorDir, 'out'), reportDir: path.join(mirrorDir, 'report'), allowFetch: false, log: () => {} };
afterAll(() => rmSync(mirrorDir, { recursive: true, force: true }));

describe('resolveSource', () => {
  it('names the source and where it looked when the file is missing', async () => {
    const error = await resolveSource(ctx, 'cog2025-communes-geometry').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).sourceId).toBe('cog2025-communes-geometry');
    expect((error as Error).message).toMatch(/Source "cog2025-communes-geometry" unavailable: not found in the mirror at .*communes\.geojson/);
    expect((error as Error).message).toMatch(/mirror-only/);
  });

  it('refuses a file whose checksum differs', async () => {
    const file = path.join(mirrorDir, getSource('cog2025-epci').mirrorPath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'EPCI\n');
    await expect(resolveSource(ctx, 'cog2025-epci')).rejects.toThrow(/Source "cog2025-epci" unavailable: checksum mismatch/);
  });

  it('rejects an undeclared source by name', async () => {
    await expect(resolveSource(ctx, 'no-such-source')).rejects.toThrow(/Source "no-such-source" unavailable: not declared/);
  });
});
