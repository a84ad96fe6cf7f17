/** Runs a whole command as a child process and reports its wall time and peak RSS. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pollPeakRss } from './peak-rss.js';

const GNU_TIME = '/usr/bin/time';

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** True when `timeoutMs` passed and the command's process group was killed. */
  timedOut: boolean;
  wallMs: number;
  /** Peak RSS of the command in bytes; undefined when it could not be read. */
  peakRssBytes: number | undefined;
  /** Where the peak came from: GNU time's "Maximum resident set size", or /proc polling. */
  rssSource: '/usr/bin/time -v' | '/proc VmHWM polling' | 'unavailable';
  /** User + system CPU time of the command in ms (GNU time); undefined without /usr/bin/time. Steadier than wall time on a shared machine. */
  cpuMs: number | undefined;
  stdout: string;
  stderr: string;
}

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command (SIGKILL) after this long. */
  timeoutMs?: number;
  /** Poll /proc even where /usr/bin/time exists (to check the fallback). */
  forceProcPolling?: boolean;
}

/**
 * Runs `command args…`, timing it with `process.hrtime.bigint()`. Peak RSS comes from
 * `/usr/bin/time -v` when installed (it covers the command's waited-for descendants); otherwise
 * the child's /proc/<pid>/status VmHWM is polled, which sees the direct child only.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  const useGnuTime = !options.forceProcPolling && fs.existsSync(GNU_TIME);
  const timeFile = path.join(os.tmpdir(), `popx-bench-time-${process.pid}-${Date.now()}.txt`);
  const [file, fileArgs] = useGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];

  const start = process.hrtime.bigint();
  // Its own process group, so a timeout kills the command and not only /usr/bin/time.
  const child = spawn(file, fileArgs, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
  const killGroup = (): void => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killGroup);
  const poller = !useGnuTime && child.pid !== undefined ? pollPeakRss(child.pid, 20) : undefined;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          killGroup();
        }, options.timeoutMs);

  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve({ exitCode: code, signal: sig }));
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (timer) clearTimeout(timer);
  process.removeListener('exit', killGroup);

  let peakRssBytes: number | undefined;
  let cpuMs: number | undefined;
  let rssSource: CommandResult['rssSource'] = 'unavailable';
  if (useGnuTime) {
    peakRssBytes = readGnuTimePeak(timeFile);
    cpuMs = readGnuTimeCpu(timeFile);
    fs.rmSync(timeFile, { force: true });
    if (peakRssBytes !== undefined) rssSource = '/usr/bin/time -v';
  } else {
    peakRssBytes = poller?.stop();
    if (peakRssBytes !== undefined) rssSource = '/proc VmHWM polling';
  }
  return {
    exitCode,
    signal,
    timedOut,
    wallMs,
    peakRssBytes,
    rssSource,
    cpuMs,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

function readGnuTimePeak(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

function readGnuTimeCpu(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}
