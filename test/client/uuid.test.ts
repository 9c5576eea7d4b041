import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { newReviewId } from '../../client/src/lib/uuid.ts';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newReviewId', () => {
  it('makes v4 UUIDs where randomUUID is missing (plain http on a LAN address)', () => {
    const insecure = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => webcrypto.getRandomValues(a as never) as T };
    const ids = new Set(Array.from({ length: 500 }, () => newReviewId(insecure)));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(v4);
  });

  it('sets the version and variant bits even from all-ones randomness', () => {
    const ones = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => ((a as unknown as Uint8Array).fill(255), a) };
    expect(newReviewId(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('uses randomUUID where the browser has it', () => {
    expect(newReviewId({ getRandomValues: () => null as never, randomUUID: () => 'x' })).toBe('x');
  });
});
