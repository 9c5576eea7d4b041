// The drill's keyboard map as a pure function, so the rules (IME safety, keys inert while typing)
// are tested without a browser.
import type { Rating } from '../../../server/http/api-types.ts';

export type DrillPhase = 'answer' | 'checked';

export type DrillAction =
  | { type: 'check' }
  | { type: 'rate'; rating: Rating }
  | { type: 'confirm' }
  | { type: 'suggest' }
  | { type: 'select'; delta: -1 | 1 }
  | { type: 'undo' }
  | { type: 'edit' }
  | { type: 'suspend' }
  | { type: 'known' }
  | { type: 'accept' }
  | { type: 'pinyin' }
  | { type: 'speak' }
  | { type: 'listen' }
  | { type: 'reveal' }
  | { type: 'leave-field' };

export interface KeyInput {
  key: string;
  /** The event came from a text field (the answer box or any other input). */
  inField: boolean;
  /** An input method is composing (isComposing, keyCode 229, or between compositionstart/end). */
  composing: boolean;
  /** Ctrl, Meta or Alt held: leave the browser's own shortcuts alone. */
  modifier: boolean;
  phase: DrillPhase;
}

export function drillKeyAction(k: KeyInput): DrillAction | null {
  // While an IME is composing, Enter confirms the candidate; it must never submit the answer.
  if (k.composing || k.modifier) return null;
  if (k.key === 'Enter') return k.phase === 'answer' ? { type: 'check' } : { type: 'confirm' };
  if (k.inField) return k.key === 'Escape' ? { type: 'leave-field' } : null;
  if (k.phase === 'checked') {
    if (k.key >= '1' && k.key <= '4' && k.key.length === 1) return { type: 'rate', rating: Number(k.key) as Rating };
    if (k.key === ' ') return { type: 'suggest' };
    if (k.key === 'ArrowLeft') return { type: 'select', delta: -1 };
    if (k.key === 'ArrowRight') return { type: 'select', delta: 1 };
    if (k.key === 'a' || k.key === 'A') return { type: 'accept' };
  }
  switch (k.key.toLowerCase()) {
    case 'u':
      return { type: 'undo' };
    case 'e':
      return { type: 'edit' };
    case 's':
      return { type: 'suspend' };
    case 'k':
      return { type: 'known' };
    case 'p':
      return { type: 'pinyin' };
    case 'r':
      return { type: 'speak' };
    case 'l':
      return { type: 'listen' };
    case 't':
      return { type: 'reveal' };
    default:
      return null;
  }
}

/** Whether a key was pressed in an open dialog (the shortcuts list, a confirmation): not the page's. */
export function inDialog(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && typeof el.closest === 'function' && el.closest('dialog[open]') !== null;
}

/** Whether a key pressed here is typing (a text box, a list box, editable text), not a shortcut. */
export function isTypingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true);
}
