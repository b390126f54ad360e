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
  /** The line the scanner pointed at (trimmed), in the sources or the bundle. */
  line: RegExp;
  /** How many such findings the sources and the bundle have between them. */
  count: number;
  why: string;
}

const REVIEWED: Reviewed[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    line: /^preload: options\.preload,$/,
    count: 4, // dashboard and bot windows, in the sources and in the bundle
    why:
      'Botdeck needs its two preloads. Both run sandboxed with context isolation, expose only ' +
      'the typed contract API through contextBridge (no generic invoke), and are tested as built ' +
      'in test/shell/ipc-bridge.test.ts.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^(void )?shell\.openExternal\(url\);$/,
    count: 2, // openInBrowser, in the sources and in the bundle
    why:
      'openInBrowser (src/main/electron/window-guards.ts) is the only call. Only the dashboard ' +
      'reaches it, after isAllowedExternalLink (https, exact Zoom documentation hosts); bot ' +
      'windows never do. test/shell/navigation-guards.test.ts holds both rules.',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    line: /headers\[["']Content-Security-Policy["']\] = (contentSecurityPolicy|devContentSecurityPolicy)\(/,
    count: 4, // page-policy.ts and page-responder.ts, in the sources and in the bundle
    why:
      'Botdeck computes its CSPs (per page kind and per bot; in npm run dev with a per-page ' +
      'nonce), so the scanner cannot parse them ("Failed to parse CSP"). They are asserted ' +
      'directive by directive in test/unit/main/pages/*.test.ts and test/shell/, and served to ' +
      'real Chromium in the e2e tests.',
  },
];

const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

interface Finding {
  check: string;
  where: string;
  line: string;
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
    }[];
  }[];
}

/**
 * One scan over a copy of the sources and the bundle (each run waits on a network timeout).
 * SARIF, not CSV: the tool writes its CSV header and rows in two racing writes.
 */
function scan(): Finding[] {
  const root = mkdtempSync(join(tmpdir(), 'botdeck-electronegativity-'));
  try {
    const input = join(root, 'input');
    mkdirSync(input);
    cpSync('src/main', join(input, 'src-main'), { recursive: true });
    cpSync('src/preload', join(input, 'src-preload'), { recursive: true });
    cpSync('out/main', join(input, 'bundle-main'), { recursive: true });
    const report = join(root, 'findings.sarif');
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
        report,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LANG: 'en-US' } },
    );
    const sarif = JSON.parse(readFileSync(report, 'utf8')) as Sarif;
    return (sarif.runs[0]?.results ?? []).map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const file = location?.artifactLocation.uri ?? '';
      const lineNumber = location?.region.startLine ?? 0;
      const text = file ? readFileSync(join(input, file), 'utf8').split('\n')[lineNumber - 1] : '';
      return { check: result.ruleId, where: `${file}:${lineNumber}`, line: (text ?? '').trim() };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const findings = scan();
const problems: string[] = [];
const isReviewed = (finding: Finding, reviewed: Reviewed): boolean =>
  finding.check === reviewed.check && reviewed.line.test(finding.line);
for (const finding of findings) {
  if (!REVIEWED.some((reviewed) => isReviewed(finding, reviewed))) {
    problems.push(`not reviewed: ${finding.check} at ${finding.where} (${finding.line})`);
  }
}
for (const reviewed of REVIEWED) {
  const seen = findings.filter((finding) => isReviewed(finding, reviewed)).length;
  if (seen !== reviewed.count) {
    problems.push(
      `${reviewed.check} ${String(reviewed.line)}: reviewed ${reviewed.count}, found ${seen}; ` +
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
