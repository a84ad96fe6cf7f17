import fs from 'node:fs';
import type { Day } from './calendar.js';

/** A true life event as the simulation lived it (truth/events.ndjson). */
export interface TrueEvent {
  kind: string;
  day: Day;
  person: number;
  [key: string]: string | number | undefined;
}

/** Births and deaths kept in memory for the expected indicators. */
export interface VitalEvent {
  day: Day;
  person: number;
  /** Mother for births, the deceased for deaths. */
  subject: number;
  sex: number;
  order: number;
  town: number;
}

/**
 * The simulation's own record of what happened: every true event to truth/events.ndjson, and
 * births and deaths in memory for the indicators.
 */
export class TruthLog {
  readonly births: VitalEvent[] = [];
  readonly deaths: VitalEvent[] = [];
  readonly contradictions: Array<{ kind: string; person: string; day: string; detail: string }> = [];
  readonly missingFiles: Array<{ org: string; type: string; month: string; records: number }> = [];
  private readonly out: fs.WriteStream;
  private buffer: string[] = [];

  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }

  event(line: Record<string, string | number | undefined>): void {
    this.buffer.push(JSON.stringify(line));
    if (this.buffer.length >= 2000) this.flush();
  }

  contradiction(kind: string, person: string, day: string, detail: string): void {
    this.contradictions.push({ kind, person, day, detail });
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.out.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
