import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: the code is read from a log and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Wrong codes tolerated over the life of one code; then it is spent (restart for a new one). */
export const SETUP_MAX_FAILURES = 10;

/** A fresh set-up code: 12 characters in three groups (about 59 bits), e.g. `K7QM-4XZP-9RTA`. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

const digest = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase().replaceAll(/[\s-]/g, '')).digest();

/**
 * The one-time code that opens the first run (as Gitea or Grafana do): made when a server
 * starts on an installation with no delegation, printed in its log, accepted once. It is
 * spent by a successful first run, and after too many wrong codes; a server started once a
 * delegation exists has none, so the first run cannot happen twice.
 */
export class SetupGate {
  private hash: Buffer | null;
  private failures = 0;
  private busy = false;

  constructor(code: string | null) {
    this.hash = code ? digest(code) : null;
  }

  get open(): boolean {
    return this.hash !== null;
  }

  /**
   * 'ok' holds the gate for this caller until `release` or `close` (two correct submissions
   * at once cannot both run); 'closed' when spent or never opened; 'wrong' otherwise.
   */
  claim(candidate: string): 'ok' | 'wrong' | 'closed' | 'busy' {
    if (!this.hash) return 'closed';
    if (!timingSafeEqual(digest(candidate), this.hash)) {
      this.failures += 1;
      if (this.failures >= SETUP_MAX_FAILURES) this.hash = null;
      return 'wrong';
    }
    if (this.busy) return 'busy';
    this.busy = true;
    return 'ok';
  }

  /** The first run failed on its data (a field to correct): the same code may be used again. */
  release(): void {
    this.busy = false;
  }

  close(): void {
    this.hash = null;
    this.busy = false;
  }
}
