// @ts-check
/**
 * Runs before `npm start` and `npm run dev`: where Electron cannot run (no binary downloaded, no
 * display), says what is missing, how to fix it and that `npm run web` works without it, and
 * exits 1, instead of letting electron-vite fail with "Electron uninstall" or a stack trace.
 */
import { fileURLToPath } from 'node:url';
import { electronStatus, explainProblems, thisMachine } from './electron-status.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const { problems, warnings } = electronStatus(thisMachine(projectDir));
for (const warning of warnings) process.stderr.write(`Note: ${warning}\n`);
if (problems.length > 0) {
  process.stderr.write(explainProblems(problems));
  process.exitCode = 1;
}
