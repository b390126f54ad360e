/**
 * How long `npm run web` takes, with a current build, from the command to the JSON line an
 * operator waits for: the median of a few starts, each with its own data folder.
 */
import { startBenchHost } from './support/web-host-process';

export async function webHostStartSeconds(runs = 3): Promise<{ seconds: number; runs: number[] }> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const host = await startBenchHost({ command: ['npm', 'run', '-s', 'web', '--'] });
    times.push(host.startSeconds);
    await host.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const seconds = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { seconds: Number(seconds.toFixed(2)), runs: times.map((t) => Number(t.toFixed(2))) };
}
