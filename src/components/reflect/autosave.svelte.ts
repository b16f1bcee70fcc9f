/**
 * Autosave for one reflection: debounced saves to the server, a copy kept on the device while offline
 * and retried, and a conflict (another tab saved first) held for the learner to resolve. Never drops text.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'invalid';

interface Payload {
  baseVersion: number;
  body: string;
  title: string;
  criteria: string[];
}

const DEBOUNCE_MS = 1200;
const RETRY_MS = 5000;

export class Autosaver {
  state = $state<SaveState>('saved');
  version = $state(0);
  savedAt = $state<Date | null>(null);
  message = $state<string | null>(null);
  /** The newer text from elsewhere, while a conflict waits for the learner. */
  theirs = $state<{ version: number; body: string } | null>(null);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Omit<Payload, 'baseVersion'> | null = null;
  #inFlight = false;

  constructor(
    private readonly url: string,
    private readonly storageKey: string,
    initialVersion: number,
    /** Called with each successful save's answer (it carries the server's fresh feedback). */
    private readonly onSaved: (answer: Record<string, unknown>) => void = () => {},
  ) {
    this.version = initialVersion;
    if (typeof window !== 'undefined') window.addEventListener('online', () => this.flush());
  }

  /** A copy saved on this device that the server never got, if it was edited from this version. */
  restoreLocal(): { body: string; baseVersion: number } | null {
    try {
      const raw = localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as { body: string; baseVersion: number }) : null;
    } catch {
      return null;
    }
  }

  change(next: Omit<Payload, 'baseVersion'>): void {
    this.#pending = next;
    if (this.state !== 'conflict') this.state = 'dirty';
    this.#keepLocal(next.body);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  async flush(): Promise<void> {
    if (!this.#pending || this.#inFlight || this.state === 'conflict') return;
    const payload: Payload = { ...this.#pending, baseVersion: this.version };
    this.#inFlight = true;
    this.state = 'saving';
    try {
      const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      // The server could not save just now (busy, restarting; its answer may not be JSON): as when
      // offline, the text is kept on this device and sent again.
      if (response.status >= 500) return this.#retryLater('The server could not save just now. Your text is kept on this device and will be sent again shortly.');
      const body = await response.json();
      if (response.ok) {
        this.version = body.version;
        this.onSaved(body);
        if (body.savedAt) this.savedAt = new Date(body.savedAt);
        if (this.#same(payload)) {
          this.#pending = null;
          this.#clearLocal();
          this.state = 'saved';
        } else this.state = 'dirty';
        this.message = null;
      } else if (response.status === 409) {
        this.theirs = { version: body.version, body: body.body };
        this.state = 'conflict';
      } else {
        this.state = 'invalid';
        this.message = body.error ?? 'This could not be saved.';
      }
    } catch {
      this.#retryLater('No connection. Your text is kept on this device and will be saved when you are back online.');
    } finally {
      this.#inFlight = false;
    }
    if (this.state === 'dirty') this.#timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  #retryLater(message: string): void {
    this.state = 'offline';
    this.message = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), RETRY_MS);
  }

  /** Resolves a conflict with the text the learner chose; it is saved on top of the newer version. */
  resolve(body: string, rest: Omit<Payload, 'baseVersion' | 'body'>): void {
    if (!this.theirs) return;
    this.version = this.theirs.version;
    this.theirs = null;
    this.state = 'dirty';
    this.change({ ...rest, body });
  }

  #same(p: Payload): boolean {
    return this.#pending !== null && this.#pending.body === p.body && this.#pending.title === p.title && this.#pending.criteria.join() === p.criteria.join();
  }

  #keepLocal(body: string): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ body, baseVersion: this.version }));
    } catch {
      // Private browsing or a full store: the server copy is then the only copy, as before.
    }
  }

  #clearLocal(): void {
    try {
      localStorage.removeItem(this.storageKey);
    } catch {
      // nothing to clear
    }
  }
}
