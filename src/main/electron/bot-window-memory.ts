/**
 * The desktop app's bots' memory: the renderer processes of the bot windows, found by each bot
 * page's pid (`webContents.getOSProcessId()`), so the dashboard's renderer, the main process and
 * the GPU and network services the dashboard shares are not counted as bots. Each bot window has
 * a session partition of its own, hence a renderer of its own.
 *
 * Linux: PSS from /proc, as the web host measures (proc-memory.ts); elsewhere, or where /proc
 * cannot be read, Electron's own metrics (`app.getAppMetrics()`, working set in KB), which count
 * shared pages in each process like RSS.
 */
import { app, BrowserWindow } from 'electron';
import type { BotMemoryProbe } from '../capacity/capacity-service';
import { realProc, sumProcessMemory, type ProcFiles } from '../capacity/proc-memory';
import type { SenderRegistry } from './sender-registry';

export interface BotWindowMemoryOptions {
  senders: SenderRegistry;
  platform: NodeJS.Platform;
  proc?: ProcFiles;
}

const KIB = 1024;

export function botWindowMemory(options: BotWindowMemoryOptions): BotMemoryProbe {
  const { senders, platform } = options;
  const proc = options.proc ?? realProc;

  /** The live renderer pid of every bot window (0 while a renderer is starting). */
  function botPids(): Set<number> {
    const pids = new Set<number>();
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !senders.isBot(contents.id)) continue;
      const pid = contents.getOSProcessId();
      if (pid > 0) pids.add(pid);
    }
    return pids;
  }

  return async () => {
    const pids = botPids();
    if (platform === 'linux') {
      const sum = await sumProcessMemory([...pids], proc);
      if (sum) return { bytes: sum.kB * KIB, measure: sum.measure };
    }
    const kB = app
      .getAppMetrics()
      .filter((metric) => pids.has(metric.pid))
      .reduce((sum, metric) => sum + metric.memory.workingSetSize, 0);
    return { bytes: kB * KIB, measure: 'rss' };
  };
}
