/**
 * The player's connection to the server: every move is sent with the number of moves this screen has
 * seen, so a reload resumes and a second tab can never interleave moves; a refused move changes nothing.
 */
import type { Debrief } from '../../lib/domain/scenario/debrief';
import type { Move } from '../../lib/domain/scenario/moves';
import type { PlayerView } from '../../lib/server/practice/view';

export class PlayerSession {
  view = $state<PlayerView>(null as unknown as PlayerView);
  debrief = $state<Debrief | null>(null);
  busy = $state(false);
  message = $state<string | null>(null);

  constructor(
    private readonly url: string,
    initial: PlayerView,
    initialDebrief: Debrief | null,
  ) {
    this.view = initial;
    this.debrief = initialDebrief;
  }

  async send(move: Move): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.message = null;
    try {
      const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seq: this.view.seq, move }) });
      const body = (await response.json()) as { view?: PlayerView; debrief?: Debrief | null; error?: string };
      if (body.view) this.view = body.view;
      if (body.debrief) this.debrief = body.debrief;
      if (!response.ok) this.message = body.error ?? 'That move did not go through.';
      return response.ok;
    } catch {
      this.message = 'No connection: your move was not sent. Check your signal and try again; nothing is lost.';
      return false;
    } finally {
      this.busy = false;
    }
  }
}
