import { describe, expect, it } from 'vitest';
import { IngestProgress, barLine, fitEnd, progressBar, type ProgressStream } from './ingest-progress';

/** A stream that records what is written; `tty` makes it look like a terminal of `columns` characters. */
function fakeStream(tty: boolean, columns = 60): ProgressStream & { written: string } {
  return {
    isTTY: tty,
    columns,
    written: '',
    write(chunk: string) {
      this.written += chunk;
      return true;
    },
  };
}

/** What a terminal shows after the writes: each line as it stands after its last "erase line". */
const screen = (written: string) => written.split('\n').map((line) => line.split('\r\u001b[2K').at(-1) ?? '');

/** Runs three files through the progress: the second one reports a note. */
function run(stream: ProgressStream): void {
  const progress = new IngestProgress(stream, 3);
  progress.start('shanghai/a.pdf');
  progress.step('reading');
  progress.finish('[1/3] shanghai/a.pdf … added as a');
  progress.start('shanghai/b.pdf');
  progress.step('planning');
  progress.log('ingest: a note');
  progress.finish('[2/3] shanghai/b.pdf … skipped: duplicate of a');
  progress.start('shanghai/c.pdf');
  progress.finish('[3/3] shanghai/c.pdf … failed: not a PDF');
  progress.end();
}

describe('IngestProgress', () => {
  it('not on a terminal: the outcome lines alone, as before, without control characters', () => {
    const stream = fakeStream(false);
    run(stream);
    expect(stream.written).toBe(
      '[1/3] shanghai/a.pdf … added as a\ningest: a note\n[2/3] shanghai/b.pdf … skipped: duplicate of a\n[3/3] shanghai/c.pdf … failed: not a PDF\n',
    );
  });

  it('on a terminal: a bar with the count, the file and its step, redrawn in place; the lines stay, the bar goes at the end', () => {
    const stream = fakeStream(true);
    run(stream);
    expect(stream.written).toContain(`${progressBar(0, 3)} 0/3 shanghai/a.pdf · reading`);
    expect(stream.written).toContain(`${progressBar(1, 3)} 1/3 shanghai/b.pdf · planning`);
    expect(stream.written).toContain(`${progressBar(2, 3)} 2/3 shanghai/c.pdf`);
    expect(screen(stream.written)).toEqual([
      '[1/3] shanghai/a.pdf … added as a',
      'ingest: a note',
      '[2/3] shanghai/b.pdf … skipped: duplicate of a',
      '[3/3] shanghai/c.pdf … failed: not a PDF',
      '',
    ]);
  });

  it('never draws a line wider than the terminal', () => {
    const stream = fakeStream(true, 50);
    const progress = new IngestProgress(stream, 2);
    progress.start('a/very/long/folder/name/sh-putuo-ghzyj-2024-final.pdf');
    progress.step('reading');
    const drawn = stream.written.split('\r\u001b[2K').filter((s) => s !== '');
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect([...line].length).toBeLessThan(50);
    expect(drawn.at(-1)).toMatch(/ 0\/2 …4-final\.pdf · reading$/);
  });

  it('a terminal that does not tell its width (0) is taken as 80 wide: the file name still shows', () => {
    const stream = fakeStream(true, 0);
    new IngestProgress(stream, 2).start('shanghai/a.pdf');
    expect(stream.written).toContain(' 0/2 shanghai/a.pdf');
  });
});

describe('progressBar, fitEnd, barLine', () => {
  it.each<[done: number, total: number, width: number, bar: string]>([
    [0, 4, 4, '[░░░░]'],
    [1, 4, 4, '[█░░░]'],
    [3, 4, 4, '[███░]'],
    [4, 4, 4, '[████]'],
    [0, 0, 4, '[░░░░]'],
    [5, 4, 4, '[████]'],
  ])('%i of %i, %i wide → %s', (done, total, width, bar) => {
    expect(progressBar(done, total, width)).toBe(bar);
  });

  it.each<[text: string, max: number, fitted: string]>([
    ['a.pdf', 10, 'a.pdf'],
    ['shanghai/sh-putuo-czj-2024-final.pdf', 14, '…024-final.pdf'],
    ['长文件名的报告.pdf', 6, '…告.pdf'],
    ['abc', 0, ''],
  ])('fitEnd(%s, %i)', (text, max, fitted) => {
    expect(fitEnd(text, max)).toBe(fitted);
    expect([...fitEnd(text, max)].length).toBeLessThanOrEqual(max);
  });

  it('barLine keeps the count and the step and shortens the file name', () => {
    expect(barLine(1, 3, 'x.pdf', 'reading', 80)).toBe(`${progressBar(1, 3)} 1/3 x.pdf · reading`);
    expect(barLine(1, 3, 'x.pdf', '', 80)).toBe(`${progressBar(1, 3)} 1/3 x.pdf`);
  });
});
