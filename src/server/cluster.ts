/**
 * Several server processes behind one port (node:cluster). The primary process only supervises: the
 * workers each run the whole server (serve.ts) and the primary hands them connections in turn.
 *
 * - Startup: resolves once every worker is listening; if one exits before that, the others are stopped
 *   and the start fails (a broken build or database must not leave half a server running).
 * - A worker that dies later is replaced, and the event is logged; the others keep serving.
 * - SIGTERM/SIGINT: every worker closes its listener, finishes its in-flight requests and exits, as a
 *   single-process server does. The primary reports "no longer accepting" once every worker has closed
 *   its listener (each says so over the IPC channel after closing it, so by then the primary has also
 *   dropped that worker from the port), and exits when they have all gone.
 * - If the primary itself is killed, the workers lose their IPC channel, and node:cluster makes them exit.
 */
import cluster, { type Worker } from 'node:cluster';

/** Messages from a worker to the primary. */
type WorkerMessage = { goodwill: 'listener-closed' };
const isListenerClosed = (m: unknown): m is WorkerMessage => typeof m === 'object' && m !== null && (m as WorkerMessage).goodwill === 'listener-closed';

/**
 * V8 lets the old generation grow to up to four times what survived the last full collection before
 * collecting again, and keeps the pages it has touched. Under steady load a worker's live heap stays
 * near 40 MB, yet its memory climbed in steps for minutes, to the highest heap it had reached: in the
 * ten-minute soak, 12.5 % after the first minute. Growing by at most a factor of two holds it near its
 * level after the first minute (4 % in the same soak) at no throughput measurable on the benchmark.
 */
export const WORKER_V8_FLAGS = ['--heap-growing-percent=100'];

/** Stops a worker that has not finished its in-flight requests this long after SIGTERM (serve.ts cuts them at 10 s). */
const WORKER_STOP_DEADLINE_MS = 15_000;

export interface Supervisor {
  /** Stops every worker as described above; resolves once they have all exited. */
  stop(signal: NodeJS.Signals, onListenersClosed: () => void): Promise<void>;
}

export async function superviseWorkers(count: number): Promise<Supervisor> {
  let stopping = false;
  const workers = new Set<Worker>();
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...WORKER_V8_FLAGS] });
  const fork = () => {
    const worker = cluster.fork();
    workers.add(worker);
    return worker;
  };

  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    const onListening = () => {
      if (++listening === count) {
        cluster.off('listening', onListening);
        cluster.off('exit', onEarlyExit);
        resolve();
      }
    };
    const onEarlyExit = (worker: Worker, code: number | null, signal: string | null) => {
      cluster.off('listening', onListening);
      cluster.off('exit', onEarlyExit);
      workers.delete(worker);
      for (const w of workers) w.process.kill('SIGKILL');
      reject(new Error(`a server process exited (${signal ?? `code ${code}`}) before it was listening`));
    };
    cluster.on('listening', onListening);
    cluster.on('exit', onEarlyExit);
    for (let i = 0; i < count; i++) fork();
  });

  cluster.on('exit', (worker, code, signal) => {
    workers.delete(worker);
    if (stopping) return;
    console.error(`A server process stopped unexpectedly (${signal ?? `code ${code}`}); starting another.`);
    fork();
  });

  return {
    stop(signal, onListenersClosed) {
      stopping = true;
      const all = [...workers];
      let open = all.length;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        const done = () => {
          if (--open === 0) resolve();
        };
        for (const w of all) {
          let counted = false;
          const once = () => {
            if (!counted) (counted = true), done();
          };
          w.on('message', (m: unknown) => isListenerClosed(m) && once());
          w.once('exit', once);
        }
      });
      void closed.then(onListenersClosed);
      const exits = all.map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once('exit', () => resolve()))));
      for (const w of all) w.process.kill(signal);
      const deadline = setTimeout(() => all.forEach((w) => w.isDead() || w.process.kill('SIGKILL')), WORKER_STOP_DEADLINE_MS);
      deadline.unref();
      return Promise.all(exits).then(() => clearTimeout(deadline));
    },
  };
}

/** In a worker: tells the primary this worker's listener is closed (see the module comment). */
export function reportListenerClosed(): void {
  if (cluster.isWorker) process.send?.({ goodwill: 'listener-closed' } satisfies WorkerMessage);
}
