import { describe, expect, it } from 'vitest';
import { ApiFailure, LineReader, outcomeOf, progressOf, ProgressResponse } from '../../client/src/lib/index.ts';

describe('LineReader: a progress stream read as it arrives', () => {
  it('returns each line once, when it is complete', () => {
    const reader = new LineReader();
    let text = '{"progress":{"done":10,"total":1000}}\n{"progress":{"do';
    expect(reader.next(text).map(progressOf)).toEqual([{ done: 10, total: 1000 }]);
    text += 'ne":500,"total":1000}}\n';
    expect(reader.next(text).map(progressOf)).toEqual([{ done: 500, total: 1000 }]);
    expect(reader.next(text)).toEqual([]);
    text += '{"status":201,"result":{"ok":1}}\n';
    const last = reader.next(text);
    expect(last.map(progressOf)).toEqual([null]);
    expect(outcomeOf(last[0])).toEqual({ ok: 1 });
  });

  it('skips blank and broken lines instead of failing on them', () => {
    const reader = new LineReader();
    expect(reader.next('\n<html>\n{"progress":{"done":1,"total":2}}\n').map(progressOf)).toEqual([{ done: 1, total: 2 }]);
  });
});

describe('outcomeOf', () => {
  it("throws the server's error with its message and status", () => {
    const failure = (() => {
      try {
        outcomeOf({ status: 500, error: { code: 'internal', message: 'internal error' } });
      } catch (e) {
        return e;
      }
    })();
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 500, code: 'internal', message: 'internal error' });
  });

  it('says the server stopped when the stream ends without an outcome', () => {
    expect(() => outcomeOf({ progress: { done: 400, total: 1000 } })).toThrow(/stopped before finishing/);
    expect(() => outcomeOf(undefined)).toThrow(/stopped before finishing/);
  });
});

describe('ProgressResponse: progress passed on as the response grows, the outcome at its end', () => {
  it('reports each progress once and returns the result, even from a last line without its line break', () => {
    const seen: number[] = [];
    const response = new ProgressResponse((w) => seen.push(w.done));
    let text = '{"progress":{"done":100,"total":1000}}\n{"progress":{"done":5';
    response.read(text);
    text += '00,"total":1000}}\n';
    response.read(text);
    response.read(text);
    expect(seen).toEqual([100, 500]);
    expect(response.end(text + '{"status":201,"result":{"ok":1}}')).toEqual({ ok: 1 });
    expect(seen).toEqual([100, 500]);
  });

  it("throws the outcome's failure", () => {
    const response = new ProgressResponse(() => {});
    expect(() => response.end('{"status":422,"error":{"code":"invalid_input","message":"line 3: no Chinese"}}\n')).toThrow('line 3: no Chinese');
  });
});
