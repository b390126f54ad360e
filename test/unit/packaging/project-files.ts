/**
 * The project as the packaging tests see it: the two config files, every file a checkout
 * holds, and the packages the desktop app's main process loads at run time (read from the
 * sources, so a new import is covered without editing a list).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuilderConfig } from './builder-file-rules';

export const root = join(import.meta.dirname, '..', '..', '..');

interface PackageJson {
  productName?: string;
  homepage?: string;
  author?: { name?: string; email?: string };
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
export const builderConfig = readJson(join(root, 'electron-builder.json')) as BuilderConfig;
export const packageJson = readJson(join(root, 'package.json')) as PackageJson;

/** Build output and installed or generated folders: not part of a checkout. */
const NOT_CHECKED_IN = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  '.botdeck-data',
]);

/** Every file below `dir` (project-relative, `/`-separated), skipping `skip` folder names. */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) visit(path);
      } else if (entry.isFile()) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  visit(dir);
  return found;
}

/** The project's own files: sources, tests, scripts, docs, configs. */
export const checkedInFiles = (): string[] => filesUnder(root, NOT_CHECKED_IN);

/** Host code the desktop app never runs: the web host (Node + Playwright) and command lines. */
const NOT_IN_DESKTOP_APP = (path: string): boolean =>
  path.startsWith('src/main/web/') || path.endsWith('/cli.ts');

/** `import … from 'x'` / `export … from 'x'` statements, and `import('x')`; not words in strings. */
const IMPORT =
  /^\s*(?:import|export)\s[^;]*?\bfrom\s*['"]([^'".][^'"]*)['"]|\bimport\(\s*['"]([^'".][^'"]*)['"]/gm;

/** Packages imported by main-process code (main, shared), by package name. */
export function mainProcessImports(): string[] {
  const names = new Set<string>();
  const sources = [
    ...filesUnder(join(root, 'src', 'main')),
    ...filesUnder(join(root, 'src', 'shared')),
  ];
  for (const file of sources.filter((path) => path.endsWith('.ts') && !NOT_IN_DESKTOP_APP(path))) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('node:') || specifier === 'electron') continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
    }
  }
  return [...names].sort();
}

/**
 * keytar's own dependencies serve only its install: node-addon-api is C++ headers for the
 * compile and prebuild-install fetches a prebuilt binary. At run time lib/keytar.js loads its
 * .node file and nothing else (a test reads it to make sure that stays true).
 */
export const INSTALL_TIME_ONLY: Record<string, readonly string[]> = {
  keytar: ['node-addon-api', 'prebuild-install'],
};

/** Where an installed package lives (project-relative), the way Node looks it up; or null. */
export function installedAt(name: string, from = ''): string | null {
  const nested = from ? `${from}/node_modules/${name}` : null;
  if (nested && existsSync(join(root, nested, 'package.json'))) return nested;
  const top = `node_modules/${name}`;
  return existsSync(join(root, top, 'package.json')) ? top : null;
}

/**
 * The installed packages main needs at run time: its imports and their dependencies, each with
 * its folder. An optional dependency that is not installed is left out, as electron-builder
 * leaves it out; a missing required one throws.
 */
export function mainRuntimePackages(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (name: string, from: string, optional: boolean): void => {
    if (found.has(name)) return;
    const folder = installedAt(name, from);
    if (!folder) {
      if (optional) return;
      throw new Error(`${name} is needed by main at run time but is not installed`);
    }
    found.set(name, folder);
    const manifest = readJson(join(root, folder, 'package.json')) as PackageJson;
    const skip = new Set(INSTALL_TIME_ONLY[name] ?? []);
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (!skip.has(dep)) add(dep, folder, false);
    }
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) add(dep, folder, true);
  };
  const optionalAtTop = new Set(Object.keys(packageJson.optionalDependencies ?? {}));
  for (const name of mainProcessImports()) add(name, '', optionalAtTop.has(name));
  return found;
}
