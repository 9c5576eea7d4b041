// Working on a text in the reader: a term picked from its words, and its alignment fixed by hand
// (a pair merged with the next, or cut in two), as in an aligner.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceSentence, SplitPointsResponse, TermRow } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ErrorNote } from '../components.tsx';

/** Words chosen in the text to become a term: the Chinese selected, then its English. */
export interface Picked {
  zh: string;
  en: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * The term being picked, after the user selected text in the reader: Chinese words start a new
 * pick (keeping an English already chosen), English words fill in its rendering. A selection
 * across two sentences, or with no Chinese in it, changes nothing.
 */
export function pickFromSelection(current: Picked | null): Picked | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed) return current;
  const text = selection.toString().replace(/\s+/g, ' ').trim();
  const paragraphOf = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest('.reader p') ?? null;
  const at = paragraphOf(selection.anchorNode);
  if (!text || !at || at !== paragraphOf(selection.focusNode)) return current;
  if (at.getAttribute('lang') === 'zh-CN') {
    const zh = text.replace(/\s/g, '');
    return HAN.test(zh) && zh.length <= 50 ? { zh, en: current?.en ?? '' } : current;
  }
  return current && text.length <= 500 ? { ...current, en: text } : current;
}

/** The form for a term picked in the text, kept in view at the foot of the page. */
export function AddFromText({ picked, onChange, onAdded }: { picked: Picked; onChange: (p: Picked | null) => void; onAdded: (term: TermRow) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const en = useRef<HTMLInputElement>(null);
  useEffect(() => en.current?.focus({ preventScroll: true }), [picked.zh]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!picked.zh.trim() || !picked.en.trim()) return setError(new Error('Give the Chinese term and its English rendering.'));
    setSaving(true);
    setError(null);
    try {
      onAdded(await api.addTerm({ zh: picked.zh.trim(), en: picked.en.trim() }));
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  return (
    <form class="pick-bar" aria-label="Add a term from the text" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onChange(null)}>
      <label>
        中文
        <input name="zh" lang="zh-CN" value={picked.zh} autoComplete="off" onInput={(e) => onChange({ ...picked, zh: e.currentTarget.value })} />
      </label>
      <label>
        English rendering
        <input
          ref={en}
          name="en"
          value={picked.en}
          placeholder="select it in the English, or type it"
          autoComplete="off"
          onInput={(e) => onChange({ ...picked, en: e.currentTarget.value })}
        />
      </label>
      <div class="actions">
        <button type="submit" class="button primary" disabled={saving}>
          Add term
        </button>
        <button type="button" class="button" onClick={() => onChange(null)}>
          Cancel
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

/** A fix of a pair under way: its merge awaiting a yes, its text being corrected, or the places it can be cut. */
export type PairEdit = 'merge' | 'text' | SplitPointsResponse;
export type PairStep =
  | { kind: 'ask-merge' }
  | { kind: 'ask-split' }
  | { kind: 'ask-text' }
  | { kind: 'cancel' }
  | { kind: 'merge' }
  | { kind: 'split'; cut: { zh: number; en: number } }
  | { kind: 'text'; zh: string; en: string };

/** Fixing the alignment, as in an aligner: merge with the next pair, or cut in two. */
export function PairTools({ sentence, last, editing, onFix }: { sentence: SourceSentence; last: boolean; editing: PairEdit | null; onFix: (step: PairStep) => void }) {
  if (editing === 'merge') {
    return (
      <div class="pair-tools open">
        <span>Make this pair and the next one a single pair?</span>
        <button type="button" class="button danger" onClick={() => onFix({ kind: 'merge' })}>
          Merge
        </button>
        <button type="button" class="button" onClick={() => onFix({ kind: 'cancel' })}>
          Cancel
        </button>
      </div>
    );
  }
  if (editing === 'text') return <TextForm sentence={sentence} onFix={onFix} />;
  if (editing) return <SplitForm sentence={sentence} points={editing} onFix={onFix} />;
  return (
    <div class="pair-tools">
      <button type="button" class="linkish small" onClick={() => onFix({ kind: 'ask-text' })} title="A better reference translation, a typo fixed">
        Edit…
      </button>
      <button type="button" class="linkish small" onClick={() => onFix({ kind: 'ask-split' })} title="When the aligner put too much in one pair">
        Split…
      </button>
      {!last && (
        <button type="button" class="linkish small" onClick={() => onFix({ kind: 'ask-merge' })} title="When the aligner paired these sentences wrongly">
          Merge with the next pair ↓
        </button>
      )}
    </div>
  );
}

/** The pair's two texts, corrected by hand (a translation memory's entry edited). */
function TextForm({ sentence, onFix }: { sentence: SourceSentence; onFix: (step: PairStep) => void }) {
  const [zh, setZh] = useState(sentence.zh);
  const [en, setEn] = useState(sentence.en);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="pair-tools open text-form"
      onSubmit={(e) => {
        e.preventDefault();
        onFix({ kind: 'text', zh, en });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onFix({ kind: 'cancel' });
        // Ctrl+Enter saves from either box; Enter alone is a line break.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onFix({ kind: 'text', zh, en });
        }
      }}
    >
      <label>
        中文
        <textarea ref={first} name="zh" lang="zh-CN" rows={3} value={zh} onInput={(e) => setZh(e.currentTarget.value)} />
      </label>
      <label>
        English
        <textarea name="en" lang="en" rows={3} value={en} onInput={(e) => setEn(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button primary">
        Save
      </button>
      <button type="button" class="button" onClick={() => onFix({ kind: 'cancel' })}>
        Cancel
      </button>
      <span class="muted small">Its terms are found again in the new text; its cards keep their history.</span>
    </form>
  );
}

/** Where to cut the Chinese and the English: at a sentence of each, or at an end (a part in one language). */
function SplitForm({ sentence, points, onFix }: { sentence: SourceSentence; points: SplitPointsResponse; onFix: (step: PairStep) => void }) {
  // The first sentence boundary inside the text, or everything in the first part.
  const middle = (list: number[]) => (list.length > 2 ? list[1]! : list[list.length - 1]!);
  const [zh, setZh] = useState(middle(points.zh));
  const [en, setEn] = useState(middle(points.en));
  // Some words either side of the cut: fewer of the wider Chinese characters.
  const label = (text: string, at: number, width: number) =>
    at === 0 ? '‖ all in the second pair' : at === text.length ? 'all in the first pair ‖' : `…${text.slice(Math.max(0, at - width), at).trimStart()} ‖ ${text.slice(at, at + width)}…`;
  const choice = (name: string, lang: string, text: string, list: number[], value: number, set: (n: number) => void) => (
    <label>
      {name}
      <select lang={lang} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
        {list.map((at) => (
          <option key={at} value={at}>
            {label(text, at, lang === 'en' ? 14 : 8)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      class="pair-tools open split-form"
      onSubmit={(e) => {
        e.preventDefault();
        onFix({ kind: 'split', cut: { zh, en } });
      }}
      onKeyDown={(e) => e.key === 'Escape' && onFix({ kind: 'cancel' })}
    >
      {choice('中文 cut', 'zh-CN', sentence.zh, points.zh, zh, setZh)}
      {choice('English cut', 'en', sentence.en, points.en, en, setEn)}
      <button type="submit" class="button danger">
        Split
      </button>
      <button type="button" class="button" onClick={() => onFix({ kind: 'cancel' })}>
        Cancel
      </button>
    </form>
  );
}
