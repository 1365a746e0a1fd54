/**
 * A one-line progress meter for downloads and extraction: redraws in place on a terminal,
 * prints a line every 10 % otherwise (CI logs stay short).
 */
export class Progress {
  private lastPct = -1;
  private readonly tty = Boolean(process.stderr.isTTY);
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const pct = this.total > 0 ? Math.min(100, Math.floor((done / this.total) * 100)) : 0;
    if (pct === this.lastPct) return;
    if (!this.tty && pct % 10 !== 0 && pct !== 100) return;
    this.lastPct = pct;
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
