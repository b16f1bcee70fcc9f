/**
 * The running server's processes and the CPU they have used, from /proc: the benchmark reports CPU per
 * request beside throughput (a figure other work on the machine disturbs far less), and the soak sums
 * memory over the same processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** The server's processes: the one started and its children (the workers, when there are several). */
export function serverProcesses(pid: number): number[] {
  const children = existsSync(`/proc/${pid}/task/${pid}/children`) ? readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return [pid, ...children];
}

/** User and system CPU seconds a process has used so far. */
export function cpuSeconds(pid: number): number {
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field.
  const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(after[11]) + Number(after[12])) / TICKS;
}

/** CPU seconds used so far by the server and its workers together. */
export function serverCpuSeconds(pid: number): number {
  return serverProcesses(pid).reduce((total, p) => total + cpuSeconds(p), 0);
}
