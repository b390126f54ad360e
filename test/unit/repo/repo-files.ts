/**
 * The repository as the self-containment check sees it: every file git would commit (tracked,
 * plus untracked files that are not ignored, so a new file is caught before its first commit)
 * and a view of which paths exist. Build output, node_modules and test results are ignored by
 * .gitignore and never read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepoView } from './outside-references';

/** This file lives in test/unit/repo/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Repository-relative paths (forward slashes) of the files git sees, that exist on disk. */
export function listRepoFiles(root: string = REPO_ROOT): string[] {
  const output = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const files = new Set(output.split('\0').filter((path) => path !== ''));
  // A tracked file deleted in the working tree is still listed; there is nothing to read.
  return [...files].filter((path) => isFile(join(root, path))).sort();
}

/** Text content, or null for a binary file (one with a NUL byte). */
export function readText(path: string, root: string = REPO_ROOT): string | null {
  const text = readFileSync(join(root, path), 'utf8');
  return text.includes('\0') ? null : text;
}

export function diskRepoView(root: string = REPO_ROOT): RepoView {
  return {
    exists: (path) => existsSync(join(root, path)),
    readDoc: (path) =>
      path.endsWith('.md') && isFile(join(root, path)) ? readText(path, root) : null,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
