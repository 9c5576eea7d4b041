// Small English word lists the scorers share, and a rough stemmer for matching answer words
// with dictionary glosses. Negations and pronouns are content, never stop words: "I like it",
// "I don't like it" and "they like it" must not look alike.

/** Articles, auxiliaries, prepositions, conjunctions, fillers: words any translation may add or drop. */
export const stopWords = new Set(
  (
    'a an the to of in on at for with by from into onto about as than then so and or but if ' +
    'be do have will would shall should can could may might must it this that these those there ' +
    'oh just really get s re ve ll d m t'
  ).split(' '),
);

const irregular: Record<string, string> = Object.fromEntries(
  (
    'go:went,gone,goes fall:fell,fallen have:had,has,having do:did,done,does make:made take:took,taken ' +
    'see:saw,seen come:came get:got,gotten give:gave,given know:knew,known think:thought tell:told ' +
    'say:said,says find:found leave:left feel:felt keep:kept buy:bought bring:brought catch:caught ' +
    'teach:taught eat:ate,eaten drink:drank,drunk write:wrote,written speak:spoke,spoken break:broke,broken ' +
    'begin:began,begun run:ran sit:sat stand:stood sleep:slept meet:met lose:lost sell:sold send:sent ' +
    'spend:spent build:built understand:understood forget:forgot,forgotten become:became win:won pay:paid ' +
    'hear:heard hold:held choose:chose,chosen drive:drove,driven fly:flew,flown grow:grew,grown ' +
    'throw:threw,thrown wear:wore,worn swim:swam sing:sang,sung hide:hid,hidden child:children man:men ' +
    'woman:women foot:feet tooth:teeth mouse:mice good:better,best,well bad:worse,worst ' +
    'be:is,are,am,was,were,been,being,isnt,arent,wasnt,werent can:cannot,cant,could,couldnt ' +
    'i:me,my,mine,myself,im,ive he:him,his,himself,hes she:her,hers,herself,shes we:us,our,ours,ourselves,were,weve ' +
    'they:them,their,theirs,themselves,theyre,theyve you:your,yours,yourself,yourselves,youre,youve ' +
    'not:no,never,none,nothing,nobody,nowhere,neither,nor,dont,doesnt,didnt,wont,wouldnt,shouldnt,havent,hasnt,hadnt,mustnt,neednt,aint,nt'
  )
    .split(' ')
    .flatMap((entry) => {
      const [base, forms] = entry.split(':');
      return forms.split(',').map((f) => [f, base] as const);
    }),
);
// "can't" and "cannot" deny; keep the negation rather than the modal.
for (const w of ['cannot', 'cant', 'couldnt']) irregular[w] = 'not';

/**
 * A rough stem for matching, not for display: irregular forms to their base, then -ing, -ed,
 * -ies, -es, -s and -ly off, a final e off, a doubled final consonant single. Glosses and answer
 * words go through the same function, so its crudeness cancels out.
 */
export function roughStem(word: string): string {
  const w = word.toLowerCase().replace(/['’]/g, '');
  const base = irregular[w];
  if (base) return base;
  let s = w;
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && /(?:sh|ch|x|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  else if (s.length > 5 && s.endsWith('ly')) s = s.slice(0, -2);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  if (s.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** The matching key of an English word, or null for a stop word. */
export function contentKey(word: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(word)) return null;
  const stem = roughStem(word);
  return stem && !stopWords.has(stem) && !stopWords.has(word) ? stem : null;
}

/**
 * Whether two keys are one word family: equal, or sharing a prefix of five letters or more
 * that leaves at most two letters of the shorter over ("discussion"/"discuss",
 * "explanation"/"explain" after stemming, "recommendation"/"recommend"). Rough on purpose.
 */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 5 && p >= n - 2;
}

/** Whether a set of keys holds the key or one of its word family. */
export function hasKey(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  for (const k of keys) if (keysMatch(k, key)) return true;
  return false;
}
