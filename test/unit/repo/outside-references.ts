/**
 * The rules behind "the repository is self-contained": text in Botdeck may not point at
 * anything a clone does not have. Pure functions over one file's text and a view of which
 * repository paths exist, so every rule is tested on made-up files without touching the disk.
 *
 * What counts as pointing outside:
 * - a relative path with `../` that, resolved against the file's own folder, leaves the
 *   repository (`../shared/x` from `src/main/a.ts` stays inside and is fine);
 * - a markdown link whose target leaves the repository or does not exist, or whose anchor
 *   names no heading of the linked document;
 * - the name of a markdown document that is not in the repository, in prose (a markdown file,
 *   or a comment in code), so a comment citing a doc always names one a reader can open; a name
 *   in a code string is data, not a citation;
 * - a doc section cited by its number rather than its title, or by a title the doc has no
 *   heading for (a citation such as docs/zoom.md, "Rate limits" must match a heading there);
 * - the team's briefing folders, named however they are reached.
 */
import { posix } from 'node:path';

export interface Finding {
  /** Repository-relative path, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  reason: string;
}

/** What the rules may know about the repository. Paths are repository-relative. */
export interface RepoView {
  exists(path: string): boolean;
  /** A markdown document's text, or null when there is none at `path`. */
  readDoc(path: string): string | null;
}

/** Built from parts so this file does not trip its own rule. */
const BRIEFING_FOLDERS = ['docs', 'hooks'].map((folder) => ['shared', folder].join('/'));

/** Characters that end a path-like token in code, shell, JSON and prose. */
const TOKEN_BREAK = /[\s'"`()<>[\]{}|,;=*]+/;
const PARENT = '../';
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const MARKDOWN_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/;
const DOC_NAME = /^[\w@./-]+\.md$/i;
const NUMBERED_SECTION = /\.md\s*,?\s*§/i;
const CITED_SECTION = /([\w@./-]+\.md),\s*["'“‘]([^"'”’]+)["'”’]/gi;

/** Every place `text` (the content of `file`) points outside the repository. */
export function findOutsideReferences(file: string, text: string, repo: RepoView): Finding[] {
  const findings: Finding[] = [];
  const isMarkdown = file.toLowerCase().endsWith('.md');
  text.split('\n').forEach((content, index) => {
    const report = (reason: string): void => {
      if (!findings.some((f) => f.line === index + 1 && f.reason === reason)) {
        findings.push({ file, line: index + 1, reason });
      }
    };
    for (const folder of BRIEFING_FOLDERS) {
      if (content.includes(folder)) {
        report(`names "${folder}", the team's briefing beside the repository, not part of it`);
      }
    }
    for (const token of content.split(TOKEN_BREAK)) checkPath(file, token, report);
    for (const token of proseOf(file, content).split(TOKEN_BREAK)) {
      checkDocName(file, token, repo, report);
    }
    if (isMarkdown) {
      for (const target of linkTargets(content)) checkLink(file, target, repo, report);
    }
    if (NUMBERED_SECTION.test(content)) {
      report('cites a doc section by number; name the section by its title instead');
    }
    for (const [, doc = '', section = ''] of content.matchAll(CITED_SECTION)) {
      checkSection(file, doc, section, repo, report);
    }
  });
  return findings;
}

type Report = (reason: string) => void;

function checkPath(file: string, raw: string, report: Report): void {
  const token = cleanToken(raw);
  if (token === null || !token.includes(PARENT)) return;
  if (isOutside(fromFile(file, token))) report(`path "${token}" leaves the repository`);
}

function checkDocName(file: string, raw: string, repo: RepoView, report: Report): void {
  const token = cleanToken(raw);
  if (token === null || !DOC_NAME.test(token) || posix.basename(token) === '.md') return;
  if (isOutside(fromFile(file, token))) return; // reported as a path already
  if (!docExists(file, token, repo)) report(`names "${token}", which is not in the repository`);
}

/** A token without its query, fragment or trailing punctuation; null when it is no relative path. */
function cleanToken(raw: string): string | null {
  const token = raw.replace(/[#?].*$/, '').replace(/[.:]+$/, '');
  return token === '' || SCHEME.test(token) || /^[/~$\\]/.test(token) ? null : token;
}

/**
 * The prose of a line: all of it in a markdown file; in other files only a comment (after `//`
 * that is not part of `://`, a line of a block comment, or a `#` line outside JS and TS).
 */
function proseOf(file: string, line: string): string {
  if (/\.md$/i.test(file)) return line;
  const trimmed = line.trimStart();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return line;
  if (trimmed.startsWith('#') && !/\.[cm]?[jt]sx?$/i.test(file)) return line;
  const slashes = /(^|[^:])\/\//.exec(line);
  return slashes ? line.slice(slashes.index + slashes[0].length) : '';
}

function checkLink(file: string, target: string, repo: RepoView, report: Report): void {
  if (SCHEME.test(target)) return;
  const [rawPath = '', fragment = ''] = target.replace(/\?[^#]*/, '').split('#');
  const path = safeDecode(rawPath);
  const resolved =
    path === ''
      ? file
      : path.startsWith('/')
        ? posix.normalize(path.slice(1))
        : fromFile(file, path);
  if (isOutside(resolved)) return report(`links to "${target}", outside the repository`);
  if (!repo.exists(resolved)) return report(`links to "${target}", which does not exist`);
  const doc = fragment === '' ? null : repo.readDoc(resolved);
  if (doc !== null && !headingsOf(doc).map(slugOf).includes(safeDecode(fragment).toLowerCase())) {
    report(`links to "${target}", but ${resolved} has no heading for #${fragment}`);
  }
}

function checkSection(
  file: string,
  doc: string,
  section: string,
  repo: RepoView,
  report: Report,
): void {
  const path = candidates(file, doc).find((candidate) => repo.readDoc(candidate) !== null);
  if (path === undefined) return; // the doc name itself is reported by checkDocName
  const wanted = normalizeTitle(section);
  const headings = headingsOf(repo.readDoc(path) ?? '');
  if (!headings.includes(wanted)) {
    report(`cites section "${section}" of ${path}, which has no heading by that title`);
  }
}

/** Where a doc name may point: from the file's folder, or (when not explicitly relative) the root. */
function candidates(file: string, name: string): string[] {
  const local = fromFile(file, name);
  const fromRoot = posix.normalize(name);
  const list = name.startsWith('.') ? [local] : [local, fromRoot];
  return list.filter((path) => !isOutside(path));
}

function docExists(file: string, name: string, repo: RepoView): boolean {
  return candidates(file, name).some((path) => repo.exists(path));
}

function fromFile(file: string, path: string): string {
  return posix.normalize(posix.join(posix.dirname(file), path));
}

function isOutside(normalized: string): boolean {
  return normalized === '..' || normalized.startsWith(PARENT) || posix.isAbsolute(normalized);
}

function linkTargets(line: string): string[] {
  const targets = [...line.matchAll(MARKDOWN_LINK)].map((match) => match[1] ?? '');
  const definition = LINK_DEFINITION.exec(line)?.[1];
  return definition ? [...targets, definition] : targets;
}

/**
 * Markdown ATX headings, without their hashes, for comparing with a cited title. Fenced code is
 * skipped: a shell comment there is not a heading.
 */
function headingsOf(markdown: string): string[] {
  let fenced = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced;
    })
    .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1])
    .filter((title): title is string => title !== undefined)
    .map(normalizeTitle);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes. */
function slugOf(title: string): string {
  return title.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function normalizeTitle(title: string): string {
  return title.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
