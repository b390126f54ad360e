/**
 * Botdeck must make sense to whoever clones it: no comment, doc or config may send a reader to
 * a file the clone does not have. This runs the rules of outside-references.ts over every file
 * git would commit, and shows on made-up files that each rule fires (the bad references below
 * are assembled from parts so this file itself stays clean).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOutsideReferences, type Finding, type RepoView } from './outside-references';
import { diskRepoView, listRepoFiles, readText } from './repo-files';

const format = (finding: Finding): string => `${finding.file}:${finding.line}: ${finding.reason}`;

describe('the repository', () => {
  it('points at nothing outside itself', () => {
    const repo = diskRepoView();
    const files = listRepoFiles();
    expect(files).toContain('README.md');
    const findings = files.flatMap((file) => {
      const text = readText(file);
      return text === null ? [] : findOutsideReferences(file, text, repo);
    });
    expect(findings.map(format)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Each rule, on made-up files

const UP = ['..', ''].join('/');
const BRIEFING = ['shared', 'docs'].join('/');
const ZOOM_DOC = ['zoom', 'md'].join('.');
const ARCHITECTURE_DOC = ['architecture', 'md'].join('.');

/** A repository holding `files` (path → content); folders exist when a file is under them. */
function fakeRepo(files: Record<string, string>): RepoView {
  const paths = Object.keys(files);
  return {
    exists: (path) => paths.some((file) => file === path || file.startsWith(`${path}/`)),
    readDoc: (path) => (path.endsWith('.md') ? (files[path] ?? null) : null),
  };
}

const DOCS = fakeRepo({
  [`docs/${ZOOM_DOC}`]: '# Zoom facts\n\n## Rate limits\n\n```sh\n# Quotas\n```\n',
  [`docs/${ARCHITECTURE_DOC}`]: '# Architecture\n',
  'README.md': '# Botdeck\n\n## Intro\n',
  'src/shared/ipc-contract.ts': '',
  'src/main/app.ts': '',
});

const scan = (file: string, text: string): string[] =>
  findOutsideReferences(file, text, DOCS).map(format);

describe('relative paths', () => {
  it('accepts an import that climbs to src/shared and stays inside the repository', () => {
    expect(scan('src/main/app.ts', `import { ok } from '${UP}shared/ipc-contract';`)).toEqual([]);
    expect(scan('src/main/zoom/x.ts', `// ${UP}${UP}${UP}docs/${ZOOM_DOC}`)).toEqual([]);
  });

  it('reports a path that climbs out of the repository, with its file and line', () => {
    expect(scan('README.md', `Intro\n\nSee \`${UP}${BRIEFING}/notes.txt\` for more.`)).toEqual([
      `README.md:3: names "${BRIEFING}", the team's briefing beside the repository, not part of it`,
      `README.md:3: path "${UP}${BRIEFING}/notes.txt" leaves the repository`,
    ]);
    expect(scan('src/main/app.ts', `const x = '${UP}${UP}${UP}elsewhere';`)).toEqual([
      `src/main/app.ts:1: path "${UP}${UP}${UP}elsewhere" leaves the repository`,
    ]);
  });

  it('leaves web addresses and absolute paths alone', () => {
    expect(scan('README.md', `https://zoom.us/a/${UP}${UP}b and /usr/${UP}lib`)).toEqual([]);
  });
});

describe('markdown links', () => {
  it('accepts links to files and folders that exist, and to the web', () => {
    const text = `[Zoom](docs/${ZOOM_DOC}) [src](src/shared) [web](https://zoom.us#x) [top](#intro)`;
    expect(scan('README.md', text)).toEqual([]);
    expect(scan('docs/notes.md', `[arch](${ARCHITECTURE_DOC}#architecture)`)).toEqual([]);
  });

  it('reports an anchor the linked document has no heading for', () => {
    expect(
      scan('README.md', `[a](docs/${ZOOM_DOC}#rate-limits) [b](docs/${ZOOM_DOC}#quotas)`),
    ).toEqual([
      `README.md:1: links to "docs/${ZOOM_DOC}#quotas", but docs/${ZOOM_DOC} has no heading for #quotas`,
    ]);
  });

  it('reports links that leave the repository or lead nowhere', () => {
    expect(scan('docs/notes.md', `[a](${UP}${UP}outside.txt) [b](missing.txt)`)).toEqual([
      `docs/notes.md:1: path "${UP}${UP}outside.txt" leaves the repository`,
      `docs/notes.md:1: links to "${UP}${UP}outside.txt", outside the repository`,
      'docs/notes.md:1: links to "missing.txt", which does not exist',
    ]);
  });
});

describe('doc citations', () => {
  it('reports a doc name that is not in the repository', () => {
    expect(scan('src/main/app.ts', `// Rate limits (${ZOOM_DOC} §3)`)).toEqual([
      `src/main/app.ts:1: names "${ZOOM_DOC}", which is not in the repository`,
      'src/main/app.ts:1: cites a doc section by number; name the section by its title instead',
    ]);
    expect(scan('README.md', `See ${ARCHITECTURE_DOC}.`)).toEqual([
      `README.md:1: names "${ARCHITECTURE_DOC}", which is not in the repository`,
    ]);
  });

  it('takes a doc name in a code string for data, not for a citation', () => {
    expect(scan('src/main/app.ts', `const file = 'notes.md'; // written to a temp folder`)).toEqual(
      [],
    );
  });

  it('accepts a citation of a section by a title the doc has', () => {
    expect(scan('src/main/app.ts', `// (docs/${ZOOM_DOC}, "Rate limits")`)).toEqual([]);
    expect(scan('src/main/app.ts', `// (docs/${ZOOM_DOC}, ‘rate limits’)`)).toEqual([]);
  });

  it('reports a cited section title the doc has no heading for', () => {
    expect(scan('src/main/app.ts', `// (docs/${ZOOM_DOC}, "Rate limit")`)).toEqual([
      `src/main/app.ts:1: cites section "Rate limit" of docs/${ZOOM_DOC}, which has no heading by that title`,
    ]);
  });
});

describe('the files checked', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('include files not yet committed, but not ignored ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'botdeck-repo-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, '.gitignore'), 'out/\n');
    writeFileSync(join(dir, 'new-file.md'), 'not committed yet\n');
    execFileSync('mkdir', ['out'], { cwd: dir });
    writeFileSync(join(dir, 'out', 'built.js'), 'ignored\n');
    expect(listRepoFiles(dir)).toEqual(['.gitignore', 'new-file.md']);
  });
});
