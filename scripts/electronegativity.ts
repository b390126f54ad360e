/**
 * `npm run lint:electron`: Doyensec's Electronegativity over the main process's sources and the
 * built main bundle (what an installer ships), offline. It must find nothing but the findings
 * reviewed below, each pinned to the code it was reviewed on and counted, so a new preload, a
 * second openExternal or a new computed CSP fails the run until someone reviews it here.
 *
 * This file is the one place exclusions live. Electronegativity's own `eng-disable` comments
 * cannot be used: the bundler drops comments, and the bundle is what ships.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Reviewed {
  check: string;
  /** The scanner's sample (the matched line, trimmed), or 'N/A' for a global check. */
  sample: string;
  /** How many such findings the sources and the bundle have between them. */
  count: number;
  why: string;
}

const REVIEWED: Reviewed[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    sample: 'preload: options.preload,',
    count: 4, // dashboard and bot windows, in the sources and in the bundle
    why:
      'Botdeck needs its two preloads. Both run sandboxed with context isolation, expose only ' +
      'the typed contract API through contextBridge (no generic invoke), and are tested as built ' +
      'in test/shell/ipc-bridge.test.ts.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'void shell.openExternal(url);',
    count: 1,
    why:
      'openInBrowser (src/main/electron/window-guards.ts) is the only call. Only the dashboard ' +
      'reaches it, after isAllowedExternalLink (https, exact Zoom documentation hosts); bot ' +
      'windows never do. test/shell/navigation-guards.test.ts holds both rules.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'shell.openExternal(',
    count: 1,
    why: 'The same call in the bundle, where the bundler wraps the line.',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    sample: 'N/A',
    count: 4, // page-policy.ts and page-responder.ts, in the sources and in the bundle
    why:
      'Botdeck computes its CSPs (per page kind; in npm run dev with a per-page nonce), so the ' +
      'scanner cannot parse them ("Failed to parse CSP"). They are asserted directive by ' +
      'directive in test/unit/main/pages/*.test.ts and served to real Chromium in the e2e tests.',
  },
];

const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

/** One scan over a copy of the sources and the bundle (each run waits on a network timeout). */
function scan(): string[][] {
  const root = mkdtempSync(join(tmpdir(), 'botdeck-electronegativity-'));
  try {
    const input = join(root, 'input');
    mkdirSync(input);
    cpSync('src/main', join(input, 'src-main'), { recursive: true });
    cpSync('src/preload', join(input, 'src-preload'), { recursive: true });
    cpSync('out/main', join(input, 'bundle-main'), { recursive: true });
    const csv = join(root, 'findings.csv');
    execFileSync(
      'node_modules/.bin/electronegativity',
      // The one global check that needs the network (Electron's release list) is skipped; the
      // Electron version is pinned in package.json and raised by hand.
      [
        '-i',
        input,
        '-x',
        'availablesecurityfixesglobalcheck',
        '-e',
        electronVersion,
        '-r',
        '-o',
        csv,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LANG: 'en-US' } },
    );
    return parseCsv(readFileSync(csv, 'utf8')).slice(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n').filter((row) => row.trim() !== '')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (char === '"' && quoted && line[i + 1] === '"') cell += line[++i];
      else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell.trim());
        cell = '';
      } else cell += char;
    }
    rows.push([...cells, cell.trim()]);
  }
  return rows;
}

const findings = scan().map(([check = '', , , file = '', location = '', sample = '']) => ({
  check,
  file,
  location,
  sample,
}));
const problems: string[] = [];
for (const finding of findings) {
  if (!REVIEWED.some((r) => r.check === finding.check && r.sample === finding.sample)) {
    problems.push(
      `not reviewed: ${finding.check} at ${finding.file}:${finding.location} (${finding.sample})`,
    );
  }
}
for (const reviewed of REVIEWED) {
  const seen = findings.filter(
    (f) => f.check === reviewed.check && f.sample === reviewed.sample,
  ).length;
  if (seen !== reviewed.count) {
    problems.push(
      `${reviewed.check} "${reviewed.sample}": reviewed ${reviewed.count}, found ${seen}; ` +
        'review the change and update scripts/electronegativity.ts',
    );
  }
}
if (problems.length > 0) {
  console.error(`Electronegativity found what nobody reviewed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.error(
  `Electronegativity (Electron ${electronVersion}): 0 unreviewed findings over src/main, ` +
    `src/preload and out/main (${findings.length} reviewed in scripts/electronegativity.ts).`,
);
