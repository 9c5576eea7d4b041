import { describe, expect, it } from 'vitest';
import { drillKeyAction, inDialog, isTypingIn, type KeyInput } from '../../client/src/lib/keys.ts';

const key = (k: Partial<KeyInput> & { key: string }): KeyInput => ({ inField: false, composing: false, modifier: false, phase: 'answer', ...k });

describe('drill keys', () => {
  it('never submits while a Chinese input method is composing', () => {
    expect(drillKeyAction(key({ key: 'Enter', inField: true, composing: true }))).toBeNull();
    expect(drillKeyAction(key({ key: 'Enter', inField: true, composing: false }))).toEqual({ type: 'check' });
  });

  it('lets letters and digits type into the answer box', () => {
    for (const k of ['u', 'e', 's', 'k', 'a', 'p', 'r', 'l', 't', '1', '3', ' ', 'U']) {
      expect(drillKeyAction(key({ key: k, inField: true }))).toBeNull();
      expect(drillKeyAction(key({ key: k, inField: true, phase: 'checked' }))).toBeNull();
    }
  });

  it('Escape leaves the answer box so the letter keys work', () => {
    expect(drillKeyAction(key({ key: 'Escape', inField: true }))).toEqual({ type: 'leave-field' });
  });

  it.each([
    ['1', { type: 'rate', rating: 1 }],
    ['2', { type: 'rate', rating: 2 }],
    ['3', { type: 'rate', rating: 3 }],
    ['4', { type: 'rate', rating: 4 }],
    [' ', { type: 'suggest' }],
    ['Enter', { type: 'confirm' }],
    ['ArrowLeft', { type: 'select', delta: -1 }],
    ['ArrowRight', { type: 'select', delta: 1 }],
    ['u', { type: 'undo' }],
    ['E', { type: 'edit' }],
    ['s', { type: 'suspend' }],
    ['K', { type: 'known' }],
    ['a', { type: 'accept' }],
    ['p', { type: 'pinyin' }],
    ['r', { type: 'speak' }],
    ['l', { type: 'listen' }],
    ['T', { type: 'reveal' }],
    ['5', null],
    ['x', null],
  ])('after checking, %j', (k, action) => {
    expect(drillKeyAction(key({ key: k, phase: 'checked' }))).toEqual(action);
  });

  it('does not rate a card before its answer is checked', () => {
    for (const k of ['1', '2', '3', '4', ' ', 'a']) expect(drillKeyAction(key({ key: k }))).toBeNull();
    expect(drillKeyAction(key({ key: 'Enter' }))).toEqual({ type: 'check' });
    expect(drillKeyAction(key({ key: 'u' }))).toEqual({ type: 'undo' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(drillKeyAction(key({ key: 'r', modifier: true, phase: 'checked' }))).toBeNull();
    expect(drillKeyAction(key({ key: 'Enter', modifier: true, inField: true }))).toBeNull();
  });
});

describe('isTypingIn: a key pressed in a field is typing, not a shortcut', () => {
  it.each<[string, { tagName: string; isContentEditable?: boolean } | null, boolean]>([
    ['a text box', { tagName: 'INPUT' }, true],
    ['a text area', { tagName: 'TEXTAREA' }, true],
    ['a list box', { tagName: 'SELECT' }, true],
    ['editable text', { tagName: 'DIV', isContentEditable: true }, true],
    ['a link', { tagName: 'A' }, false],
    ['the page', { tagName: 'BODY' }, false],
    ['nothing', null, false],
  ])('%s', (_name, target, expected) => {
    expect(isTypingIn(target as unknown as EventTarget)).toBe(expected);
  });
});

describe('inDialog: a key pressed in an open dialog is not the page’s', () => {
  it.each<[string, EventTarget | null, boolean]>([
    ['a button inside an open dialog', { closest: (s: string) => (s === 'dialog[open]' ? {} : null) } as unknown as EventTarget, true],
    ['the page', { closest: () => null } as unknown as EventTarget, false],
    ['the window (no closest)', {} as EventTarget, false],
    ['nothing', null, false],
  ])('%s', (_name, target, expected) => {
    expect(inDialog(target)).toBe(expected);
  });
});
