/**
 * `npm run doctor`'s words: one line per check (status, title, what was found), where the log
 * is, then one fix per problem and a last line that says whether Botdeck can work here. Plain
 * text, no colours, so it reads the same pasted into a support ticket.
 */
import {
  hasRequiredProblem,
  type DiagnosticCheck,
  type DiagnosticsReport,
} from '../../shared/diagnostics-contract';

const STATUS_WORDS: Record<DiagnosticCheck['status'], string> = {
  ok: 'ok',
  problem: 'PROBLEM',
  skipped: 'skipped',
};

export function formatReport(report: DiagnosticsReport, heading: string): string {
  const titleWidth = Math.max(...report.checks.map((check) => check.title.length));
  const lines = [heading, ''];
  for (const check of report.checks) {
    const status = STATUS_WORDS[check.status].padEnd(8);
    const optional = check.required ? '' : ' (optional)';
    lines.push(`  ${status} ${check.title.padEnd(titleWidth)}  ${check.message}${optional}`);
  }
  lines.push('', `Log: ${describeLog(report)}`);

  const problems = report.checks.filter((check) => check.status === 'problem');
  if (problems.length > 0) {
    lines.push('', 'To fix:');
    for (const check of problems) lines.push(`  - ${check.title}: ${check.fix ?? ''}`);
  }
  const required = problems.filter((check) => check.required).length;
  lines.push(
    '',
    hasRequiredProblem(report)
      ? `${required} required check${required === 1 ? '' : 's'} found a problem: Botdeck will not work fully on this machine yet.`
      : 'Everything Botdeck needs works on this machine.',
  );
  return `${lines.join('\n')}\n`;
}

function describeLog({ log }: DiagnosticsReport): string {
  return log.kind === 'file'
    ? `the desktop app writes ${log.file} (rotated by size; older files beside it in ${log.folder}).`
    : log.description;
}
