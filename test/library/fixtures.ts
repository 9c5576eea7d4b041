// Hand-made extractions: plain data shaped as server/extract returns it.
import type { Extraction, ExtractedTerm, SentencePair } from '../../server/extract/types.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/store/index.ts';
import { updateSettings } from '../../server/settings/index.ts';

export const sentences: SentencePair[] = [
  {
    paragraph: 0,
    sentence: 0,
    zh: '我们要完善网络生态治理长效机制。',
    en: 'We must improve the long-term mechanisms for cyber ecosystem governance.',
    score: 0.95,
  },
  {
    paragraph: 0,
    sentence: 1,
    zh: '网络生态治理是建设网络强国的重要任务。',
    en: 'Online ecosystem governance is a crucial task in building a cyber power.',
    score: 0.9,
  },
  {
    paragraph: 1,
    sentence: 0,
    zh: '要坚持依法管网治网。',
    en: 'We must manage and govern cyberspace in accordance with the law.',
    score: 0.85,
  },
];

function occ(sentence: number, zhTerm: string, enTerm: string | null) {
  const s = sentences[sentence];
  const zhStart = s.zh.indexOf(zhTerm);
  const enStart = enTerm === null ? -1 : s.en.indexOf(enTerm);
  if (zhStart < 0) throw new Error(`fixture: ${zhTerm} not in sentence ${sentence}`);
  return {
    sentence,
    zhStart,
    zhEnd: zhStart + zhTerm.length,
    enStart: enStart < 0 ? null : enStart,
    enEnd: enStart < 0 || enTerm === null ? null : enStart + enTerm.length,
  };
}

export const governance: ExtractedTerm = {
  zh: '网络生态治理',
  en: 'cyber ecosystem governance',
  variants: ['online ecosystem governance'],
  pinyin: 'wǎng luò shēng tài zhì lǐ',
  count: 2,
  score: 0.9,
  occurrences: [occ(0, '网络生态治理', 'cyber ecosystem governance'), occ(1, '网络生态治理', 'Online ecosystem governance')],
};

export const mechanism: ExtractedTerm = {
  zh: '长效机制',
  en: 'long-term mechanisms',
  variants: [],
  pinyin: 'cháng xiào jī zhì',
  count: 1,
  score: 0.8,
  occurrences: [occ(0, '长效机制', 'long-term mechanisms')],
};

export const cyberPower: ExtractedTerm = {
  zh: '网络强国',
  en: 'cyber power',
  variants: [],
  pinyin: 'wǎng luò qiáng guó',
  count: 1,
  score: 0.85,
  occurrences: [occ(1, '网络强国', 'cyber power')],
};

export const lawfulGovernance: ExtractedTerm = {
  zh: '依法管网治网',
  en: 'manage and govern cyberspace in accordance with the law',
  variants: [],
  pinyin: 'yī fǎ guǎn wǎng zhì wǎng',
  count: 1,
  score: 0.7,
  occurrences: [occ(2, '依法管网治网', 'manage and govern cyberspace in accordance with the law')],
};

export const extraction: Extraction = { sentences, terms: [governance, mechanism, cyberPower, lawfulGovernance] };

/** A second text reusing 网络生态治理 with a new rendering. */
export const secondSentences: SentencePair[] = [
  {
    paragraph: 0,
    sentence: 0,
    zh: '网络生态治理需要全社会参与。',
    en: 'Cyberspace governance requires the participation of the whole society.',
    score: 0.9,
  },
];
export const secondExtraction: Extraction = {
  sentences: secondSentences,
  terms: [
    {
      zh: '网络生态治理',
      en: 'cyberspace governance',
      variants: [],
      pinyin: 'wǎng luò shēng tài zhì lǐ',
      count: 1,
      score: 0.9,
      occurrences: [{ sentence: 0, zhStart: 0, zhEnd: 6, enStart: 0, enEnd: 21 }],
    },
  ],
};

export interface TempDb {
  db: Db;
  path: string;
  close(): void;
}

/** A fresh database file in a temporary directory, in UTC unless a zone is given. */
export function tempDb(timeZone = 'UTC'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-'));
  const path = join(dir, 'test.db');
  const db = openDatabase(path);
  updateSettings(db, { timeZone });
  return {
    db,
    path,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each term in a sentence of its own ("我们重视ZH。" / "We value EN."), the sentences in order. */
export function valuedTerms(pairs: [zh: string, en: string][]): Extraction {
  const sentences: Extraction['sentences'] = [];
  const terms: Extraction['terms'] = [];
  pairs.forEach(([zh, en], i) => {
    sentences.push({ paragraph: i, sentence: 0, zh: `我们重视${zh}。`, en: `We value ${en}.`, score: 0.9 });
    terms.push({
      zh,
      en,
      variants: [],
      pinyin: '',
      count: 1,
      score: 0.8,
      occurrences: [{ sentence: i, zhStart: 4, zhEnd: 4 + zh.length, enStart: 9, enEnd: 9 + en.length }],
    });
  });
  return { sentences, terms };
}

/** Terms 术语N号 → termN for N from `offset`, `n` of them, each in a sentence of its own. */
export function numberedTerms(n: number, offset = 0): [string, string][] {
  return Array.from({ length: n }, (_, i): [string, string] => [`术语${offset + i}号`, `term${offset + i}`]);
}
