// Association learned on the imported text itself: Dice between a Chinese word and an English
// stem over sentence pairs. Kept sparse and lazy: a word's co-occurrence table is built only when
// a candidate containing it is aligned, from at most MAX_POSTINGS of its sentences.

const MAX_POSTINGS = 400;

export class Association {
  private readonly postings = new Map<string, number[]>();
  private readonly enFreq = new Map<string, number>();
  private readonly enStems: string[][];
  private readonly tables = new Map<string, Map<string, number>>();

  /** `enStems[i]`: the distinct content stems of English sentence i. */
  constructor(zhWords: string[][], enStems: string[][]) {
    this.enStems = enStems;
    // Index loops: these run once per import, mostly before the compiler has optimized them,
    // and an unoptimized for-of allocates an iterator result per element.
    for (let i = 0; i < enStems.length; i++) {
      const set = enStems[i];
      for (let k = 0; k < set.length; k++) this.enFreq.set(set[k], (this.enFreq.get(set[k]) ?? 0) + 1);
    }
    for (let i = 0; i < zhWords.length; i++) {
      const words = zhWords[i];
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        const list = this.postings.get(w);
        if (!list) this.postings.set(w, [i]);
        // Sentences are visited in order: a repeat of the word in sentence i ends its list.
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  }

  /** Sentence pairs whose Chinese contains the word. */
  frequency(zhWord: string): number {
    return this.postings.get(zhWord)?.length ?? 0;
  }

  /** Dice coefficient in [0, 1]; 0 unless the pair co-occurs at least twice. */
  dice(zhWord: string, enStem: string): number {
    const table = this.table(zhWord);
    const joint = table.get(enStem) ?? 0;
    if (joint < 2) return 0;
    const sampled = Math.min(this.frequency(zhWord), MAX_POSTINGS);
    const fe = this.enFreq.get(enStem) ?? 0;
    // With a sample, scale the English frequency down to the same share of the corpus.
    const scale = sampled / Math.max(1, this.frequency(zhWord));
    return (2 * joint) / (sampled + fe * scale);
  }

  /** English stem → sentence pairs (of the sample) holding both it and the word. */
  cooccurrences(zhWord: string): ReadonlyMap<string, number> {
    return this.table(zhWord);
  }

  private table(zhWord: string): Map<string, number> {
    let table = this.tables.get(zhWord);
    if (table) return table;
    table = new Map();
    const list = this.postings.get(zhWord) ?? [];
    const step = list.length > MAX_POSTINGS ? list.length / MAX_POSTINGS : 1;
    for (let k = 0; k < list.length && table.size < 50_000; k += step) {
      for (const s of this.enStems[list[Math.floor(k)]]) table.set(s, (table.get(s) ?? 0) + 1);
    }
    this.tables.set(zhWord, table);
    return table;
  }
}
