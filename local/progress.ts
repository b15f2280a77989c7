/**
 * Progress of long work on stderr: on a terminal one line rewritten in place (\r), elsewhere
 * (a log, a pipe) plain lines, at most one per step and per tenth of a sheet written, so a log
 * stays short. Quiet prints nothing.
 */
export interface ProgressOptions {
  write(s: string): void;
  terminal: boolean;
  quiet: boolean;
}

export class Progress {
  private open = false;
  private lastTenth = new Map<string, number>();

  constructor(private readonly options: ProgressOptions) {}

  /** A step that starts ("reading customers.csv..."). */
  step(line: string): void {
    this.show(line);
  }

  /** Rows done of a total; a terminal sees every call, a log every tenth. */
  rows(key: string, line: string, done: number, total: number): void {
    if (!this.options.terminal) {
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (this.lastTenth.get(key) === tenth) return;
      this.lastTenth.set(key, tenth);
    }
    this.show(line);
  }

  /** Ends the updating line, before other output or at the end. */
  end(): void {
    if (this.open) this.options.write('\n');
    this.open = false;
  }

  private show(line: string): void {
    if (this.options.quiet) return;
    if (this.options.terminal) {
      // \x1b[K clears what a longer previous line left on the right.
      this.options.write(`\r${line}\x1b[K`);
      this.open = true;
    } else this.options.write(`${line}\n`);
  }
}
