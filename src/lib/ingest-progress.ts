/**
 * What `npm run ingest` shows while it works. On a terminal: a bar at the bottom (files done of all, the file
 * in progress and what is being done to it), redrawn in place, with each file's outcome line printed above it
 * as the file ends. Elsewhere (a log, a pipe, CI): the outcome lines alone, one per file, exactly as before —
 * no control characters in a log.
 */

/** The part of a stream the progress needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  /** Width of the terminal in characters, when known. */
  columns?: number;
  write(chunk: string): unknown;
}

/** Characters of the bar itself; the counts and the file name take the rest of the line. */
const BAR_WIDTH = 20;
/** Carriage return and "erase the line": the bar is redrawn over itself. */
const CLEAR_LINE = '\r\u001b[2K';

/** `[██████░░░░]` for `done` of `total`, `width` cells wide (an empty run shows an empty bar). */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** Cut `text` to `max` characters, keeping its end (a file name's end tells files apart): `…2024-final.pdf`. */
export function fitEnd(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return max <= 1 ? '…'.slice(0, max) : `…${chars.slice(chars.length - (max - 1)).join('')}`;
}

/** The bar line: `[███░░] 3/13 name.pdf · reading`, no wider than `columns`. */
export function barLine(done: number, total: number, file: string, status: string, columns: number): string {
  const head = `${progressBar(done, total)} ${done}/${total} `;
  const tail = status === '' ? '' : ` · ${status}`;
  const room = Math.max(0, columns - 1 - [...head].length - [...tail].length);
  return `${head}${fitEnd(file, room)}${tail}`;
}

export class IngestProgress {
  private readonly tty: boolean;
  private done = 0;
  private file = '';
  private status = '';
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {
    this.tty = stream.isTTY === true;
  }

  /** A file begins. */
  start(file: string): void {
    this.file = file;
    this.status = '';
    this.draw();
  }

  /** What is being done to the file now (reading, planning, writing …). */
  step(status: string): void {
    this.status = status;
    this.draw();
  }

  /** A line for the log (a note, a warning): above the bar on a terminal. */
  log(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
    this.draw();
  }

  /** The file ended with this outcome line. */
  finish(line: string): void {
    this.done += 1;
    this.status = '';
    this.log(line);
  }

  /** The run is over: the bar is removed, the terminal left clean for the summary. */
  end(): void {
    this.clear();
    this.file = '';
  }

  private draw(): void {
    if (!this.tty || this.file === '' || this.done >= this.total) return;
    this.stream.write(`${CLEAR_LINE}${barLine(this.done, this.total, this.file, this.status, this.stream.columns || 80)}`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }
}
