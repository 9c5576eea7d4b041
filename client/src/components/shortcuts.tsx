// "?" anywhere (outside a text box): every keyboard shortcut of the app, by page. Esc closes it.
import { useEffect, useRef } from 'preact/hooks';
import { Kbd } from '../components.tsx';

const GROUPS: { title: string; keys: [string[], string][] }[] = [
  {
    title: 'Drill',
    keys: [
      [['Enter'], 'check the answer, then take the selected rating'],
      [['1', '2', '3', '4'], 'Again, Hard, Good, Easy'],
      [['Space'], 'take the suggested rating'],
      [['←', '→'], 'move the selected rating'],
      [['Esc'], 'leave the answer box, for the letter keys'],
      [['U'], 'undo the last answer'],
      [['E'], 'edit the card’s term'],
      [['S'], 'suspend the card'],
      [['K'], 'I know this term: out of the drill'],
      [['A'], 'count your answer as a rendering of the term, once checked'],
      [['P'], 'pinyin on or off'],
      [['R'], 'read the prompt aloud'],
      [['L'], 'listening first on or off'],
      [['T'], 'show the text heard'],
    ],
  },
  {
    title: 'A text, side by side',
    keys: [
      [['Tab'], 'from term to term; its rendering lights up'],
      [['Enter'], 'open the term'],
      [['N'], 'the next pair the aligner was unsure of'],
      [['Ctrl', 'Enter'], 'save a pair’s corrected text'],
    ],
  },
  {
    title: 'Terms',
    keys: [
      [['/'], 'search'],
      [['↑', '↓'], 'move through the list'],
    ],
  },
  { title: 'Everywhere', keys: [[['?'], 'this list']] },
];

export function Shortcuts({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="confirm shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {GROUPS.map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          <dl>
            {g.keys.map(([keys, what]) => (
              <div key={what}>
                <dt>
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <Kbd>{k}</Kbd>
                    </span>
                  ))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div class="row">
        <button type="button" class="button" autoFocus onClick={() => dialog.current?.close()}>
          Close <Kbd>Esc</Kbd>
        </button>
      </div>
    </dialog>
  );
}
