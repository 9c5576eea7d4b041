// TBX termbases in both forms CAT tools write (v2 <martif>, v3 <tbx>): the Chinese and English
// terms of each entry, the preferred rendering first, deprecated ones dropped, other language
// pairs skipped, and a clear error with a line number for what cannot be read.
import { describe, expect, it } from 'vitest';
import { detectFormat, readTbx } from '../../../server/extract/formats/index.ts';
import { extract } from '../../../server/extract/index.ts';
import { InvalidInputError } from '../../../server/errors.ts';

const v2 = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>client glossary</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="e1">
      <langSet xml:lang="en-US">
        <tig><term>online ecosystem governance</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>cyber ecosystem governance</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>network ecology management</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="zh-CN">
        <ntig><termGrp><term>网络生态治理</term></termGrp><note>Pinyin: wǎng luò shēng tài zhì lǐ</note><note>from the 2026 white paper</note></ntig>
      </langSet>
    </termEntry>
    <termEntry id="e2">
      <langSet xml:lang="en"><tig><term>community with a shared future</term></tig></langSet>
      <langSet xml:lang="de"><tig><term>Schicksalsgemeinschaft</term></tig></langSet>
    </termEntry>
    <termEntry id="e3">
      <langSet xml:lang="zh-Hans"><tig><term>守正创新</term></tig><tig><term>守正 &amp; 创新</term></tig></langSet>
      <langSet xml:lang="EN-GB"><tig><term>upholding integrity &amp; innovating</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>`;

const v3 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="zh"><termSec><term>数据安全</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>data security</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

describe('readTbx', () => {
  it('reads TBX v2: preferred English first, admitted as variants, deprecated dropped, notes kept (not the pinyin)', () => {
    expect(readTbx(v2)).toEqual([
      { zh: ['网络生态治理'], en: ['cyber ecosystem governance', 'online ecosystem governance'], note: 'from the 2026 white paper', line: 5 },
      { zh: ['守正创新', '守正 & 创新'], en: ['upholding integrity & innovating'], note: '', line: 19 },
    ]);
  });

  it('reads TBX v3 (conceptEntry, langSec, termSec)', () => {
    expect(readTbx(v3)).toEqual([{ zh: ['数据安全'], en: ['data security'], note: '', line: 5 }]);
  });

  it.each<[string, string, RegExp, number | undefined]>([
    ['a termbase without Chinese', v2.replace(/zh-(CN|Hans)/g, 'fr'), /no entry with both a Chinese and an English term/, undefined],
    ['another XML vocabulary', '<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>', /not a TBX file: its root element is <tmx>/, 2],
    ['a tag left open', v3.replace('</termSec></langSec>\n    </conceptEntry>', '</langSec>\n    </conceptEntry>'), /closing tag <\/langSec> does not match <termSec>/, 7],
  ])('refuses %s, naming the line', (_name, text, message, line) => {
    const error = (() => {
      try {
        readTbx(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
    expect((error as InvalidInputError).line).toBe(line);
  });

  it('is told from TMX by its root element', () => {
    expect(detectFormat(v2)).toBe('tbx');
    expect(detectFormat(v3)).toBe('tbx');
    expect(detectFormat('<?xml version="1.0"?>\n<tmx version="1.4"><body></body></tmx>')).toBe('tmx');
  });
});

describe('extract on a termbase', () => {
  it('gives its terms with pinyin and full confidence, and no sentences', () => {
    const result = extract({ text: v2 });
    expect(result.format).toBe('tbx');
    expect(result.sentences).toEqual([]);
    expect(result.terms.map(({ zh, en, variants, pinyin, count, score, occurrences, note }) => ({ zh, en, variants, pinyin, count, score, occurrences, note }))).toEqual([
      { zh: '网络生态治理', en: 'cyber ecosystem governance', variants: ['online ecosystem governance'], pinyin: 'wǎng luò shēng tài zhì lǐ', count: 0, score: 1, occurrences: [], note: 'from the 2026 white paper' },
      { zh: '守正创新', en: 'upholding integrity & innovating', variants: [], pinyin: 'shǒu zhèng chuàng xīn', count: 0, score: 1, occurrences: [], note: undefined },
      { zh: '守正 & 创新', en: 'upholding integrity & innovating', variants: [], pinyin: expect.any(String), count: 0, score: 1, occurrences: [], note: undefined },
    ]);
  });

  it('merges the renderings of a Chinese term found in two entries, the first preferred', () => {
    const twice = v3.replace('</body>', `<conceptEntry id="c2"><langSec xml:lang="zh"><termSec><term>数据安全</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>data safety</term></termSec><termSec><term>Data Security</term></termSec></langSec></conceptEntry></body>`);
    expect(extract({ text: twice }).terms).toMatchObject([{ zh: '数据安全', en: 'data security', variants: ['data safety'] }]);
  });
});
