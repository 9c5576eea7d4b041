// Small English word lists the scorers share. Negations are content, never stop words: "I
// like it" and "I don't like it" must not look alike.

export const stopWords = new Set(
  (
    'a an the to of in on at for with by from into onto about as than then so and or but if ' +
    'is are was were be been being am do does did done have has had having will would shall ' +
    'should can could may might must i you he she it we they me him her us them my your his ' +
    'its our their mine yours hers ours theirs this that these those there here what which who ' +
    'whom whose im youre hes shes were theyre ive youve weve theyve ill youll ' +
    'theyll youd hed theyd thats whats lets oh just very too also really please ' +
    'one some any get got s re ve ll d m t'
  ).split(' '),
);

const negation = /^(?:not|no|never|none|nothing|nobody|nowhere|neither|nor|cannot|dont|doesnt|didnt|cant|couldnt|wont|wouldnt|shouldnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|mustnt|neednt|aint)$/;

/** A word's meaning-bearing form: negative contractions become "not" ("dont" → "not"). */
export function contentForm(word: string): string | null {
  if (negation.test(word)) return 'not';
  return stopWords.has(word) ? null : word;
}
