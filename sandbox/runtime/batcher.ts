/**
 * Collects what a run produces into `batch` messages: the first item goes out at once (so the
 * page can draw the first diagram update while the program is still running), then items go in
 * chunks; `flush()` sends the rest.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { RunSink } from './program.ts';
import type { Batch, ConsoleLine, DmesgLine } from './protocol.ts';

export class Batcher implements RunSink {
  private traceBuf: TraceEvent[] = [];
  private consoleBuf: ConsoleLine[] = [];
  private dmesgBuf: DmesgLine[] = [];
  private sentFirst = false;

  constructor(
    private readonly runId: number,
    private readonly post: (b: Batch) => void,
    private readonly chunk = 256,
  ) {}

  trace(e: TraceEvent): void {
    this.traceBuf.push(e);
    this.maybeFlush();
  }
  console(l: ConsoleLine): void {
    this.consoleBuf.push(l);
    this.maybeFlush();
  }
  dmesg(l: DmesgLine): void {
    this.dmesgBuf.push(l);
    this.maybeFlush();
  }

  private maybeFlush(): void {
    if (!this.sentFirst || this.traceBuf.length + this.consoleBuf.length + this.dmesgBuf.length >= this.chunk) this.flush();
  }

  flush(): void {
    if (!this.traceBuf.length && !this.consoleBuf.length && !this.dmesgBuf.length) return;
    this.sentFirst = true;
    this.post({ type: 'batch', runId: this.runId, trace: this.traceBuf, console: this.consoleBuf, dmesg: this.dmesgBuf });
    this.traceBuf = [];
    this.consoleBuf = [];
    this.dmesgBuf = [];
  }
}
