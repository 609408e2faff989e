/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per tenth otherwise). */
export class ProgressBar {
  private readonly started = Date.now();
  private lastTenth = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'events',
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const share = this.total <= 0 ? 1 : Math.min(1, done / this.total);
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const width = 30;
    const filled = Math.round(share * width);
    const line =
      `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit} ` +
      `${Math.round(done / seconds).toLocaleString('en-US')}/s`;
    if (this.out.isTTY) {
      this.out.write(`\r${line}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${line}\n`);
    }
  }

  done(message: string): void {
    if (this.out.isTTY) this.out.write('\n');
    this.out.write(`${message}\n`);
  }
}

/** How far along the log a position is, for a progress bar: SQLite positions count events. */
export function positionNumber(position: string | null): number {
  if (position === null) return 0;
  return Number(position.split('/')[0]);
}
