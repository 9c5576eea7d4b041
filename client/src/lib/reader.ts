// The source reader's logic that needs no page: which pair to show next.

/**
 * The pair to check after the one shown (or from the page shown on, at `offset`), the first
 * again after the last: a walk through the pairs the aligner was unsure of, in reading order.
 */
export function nextToCheck(toCheck: { id: number; rank: number }[], offset: number, shown: number | null): number {
  const current = toCheck.find((p) => p.id === shown);
  const after = current ? current.rank + 1 : offset;
  return (toCheck.find((p) => p.rank >= after) ?? toCheck[0]!).id;
}
