/**
 * A one-line progress meter for downloads and extraction: redraws in place on a terminal,
 * prints a line each time another 10 % is crossed otherwise (CI logs stay short).
 */
export class Progress {
  private lastPct = -1;
  private lastDecile = -1;
  private readonly tty = Boolean(process.stderr.isTTY);
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const pct = this.total > 0 ? Math.min(100, Math.floor((done / this.total) * 100)) : 0;
    if (pct === this.lastPct) return;
    const decile = Math.floor(pct / 10);
    if (!this.tty && decile === this.lastDecile) return;
    this.lastPct = pct;
    this.lastDecile = decile;
    const mb = (n: number) => (n / 1048576).toFixed(1);
    const line = `${this.label}: ${pct}% (${mb(done)} / ${mb(this.total)} MB)`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else process.stderr.write(`${line}\n`);
  }

  done(): void {
    this.update(this.total);
    if (this.tty) process.stderr.write('\n');
  }
}
