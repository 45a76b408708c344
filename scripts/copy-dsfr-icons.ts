// react-dsfr's `copy-dsfr-to-public` self-hosts only the assets dsfr.min.css
// references, yet keeps the utility icon stylesheet that points at all 1,000+
// icons: every `fr-icon-*` class the viewer uses would 404. This copies the
// SVG of each icon class found in src/ (and the DSFR components we render).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dsfrSource = path.join(root, 'node_modules', '@codegouvfr', 'react-dsfr', 'dsfr');
const dsfrPublic = path.join(root, 'public', 'dsfr');
const iconsCss = path.join(dsfrPublic, 'utility', 'icons', 'icons.min.css');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Icon classes used by our code: literal `fr-icon-…` strings and iconId props. */
export function usedIconClasses(sources: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of sources) for (const match of text.matchAll(/fr-icon-[a-z0-9-]+/g)) found.add(match[0]);
  return [...found].sort();
}

/** The SVG paths (relative to public/dsfr) that the icon stylesheet maps each class to. */
export function iconFilesFor(css: string, classes: readonly string[]): string[] {
  const files = new Set<string>();
  for (const cls of classes) {
    const rule = new RegExp(`\\.${cls}:(?:before|after)[^{]*\\{[^}]*?url\\(\\.\\./\\.\\./([^)]+\\.svg)\\)`).exec(css);
    if (rule) files.add(rule[1]!);
  }
  return [...files].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!existsSync(iconsCss)) {
    process.stderr.write(`copy-dsfr-icons: ${iconsCss} missing — run copy-dsfr-to-public first\n`);
    process.exit(1);
  }
  const sources = filesUnder(path.join(root, 'src'))
    .filter((f) => /\.(tsx?|css)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'));
  // react-dsfr components add icons of their own (Header search, Modal close, Alert…).
  const reactDsfrDir = path.join(root, 'node_modules', '@codegouvfr', 'react-dsfr');
  const reactDsfr = readdirSync(reactDsfrDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(reactDsfrDir, f), 'utf8'));
  const files = iconFilesFor(readFileSync(iconsCss, 'utf8'), usedIconClasses([...sources, ...reactDsfr]));
  for (const rel of files) {
    const target = path.join(dsfrPublic, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(dsfrSource, rel), target);
  }
  process.stdout.write(`copy-dsfr-icons: ${files.length} icon SVGs self-hosted in public/dsfr\n`);
}
