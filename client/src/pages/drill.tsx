import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Counts, DrillCard, DrillFocus, ExtendStatus, Rating, TermRef } from '../../../server/http/api-types.ts';
import type { GradeResult } from '../../../server/grading/types.ts';
import { api, ApiFailure } from '../api.ts';
import { Diff, ErrorNote, Kbd, Loading, Marked } from '../components.tsx';
import { gradeCard } from '../lib/grade.ts';
import { browserVoices, drillKeyAction, formatDuration, inDialog, isTypingIn, markNeedles, newReviewId, parseVariants, plural, routeHref, speak, voiceFor, type DrillPhase } from '../lib/index.ts';

const RATINGS: { rating: Rating; label: string }[] = [
  { rating: 1, label: 'Again' },
  { rating: 2, label: 'Hard' },
  { rating: 3, label: 'Good' },
  { rating: 4, label: 'Easy' },
];

// A tab left open should not count as an hour of study.
const MAX_DURATION_MS = 120_000;

const KIND_LABEL: Record<DrillCard['kind'], string> = { term: 'Term', cloze: 'Cloze', sentence: 'Sentence' };

interface Session {
  startedAt: number;
  done: number;
  again: number;
  /** Ratings given, newest last, so an undo can take back its counts. */
  history: Rating[];
}

/** A drill preference kept in the browser (pinyin shown, listening first). */
function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // No storage: the toggle lasts for this page.
  }
}

/** The browser's speech voices, again when it has loaded them (Chrome loads them after the page). */
function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState(browserVoices);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined' || typeof speechSynthesis.addEventListener !== 'function') return;
    const onChange = () => setVoices(browserVoices());
    speechSynthesis.addEventListener('voiceschanged', onChange);
    return () => speechSynthesis.removeEventListener('voiceschanged', onChange);
  }, []);
  return voices;
}

/**
 * The drill; with `source`, of that source's cards alone (its sentences', and its terms'); with
 * `ahead`, reviews due that many days after today too (reviewing ahead).
 */
export function DrillPage({ source, ahead }: { source?: number; ahead?: number }) {
  const [card, setCard] = useState<DrillCard | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [focus, setFocus] = useState<DrillFocus | null>(null);
  // With nothing left to drill: what more there is (new cards the day's limit holds back, reviews ahead).
  const [more, setMore] = useState<ExtendStatus | null>(null);
  const newWaiting = more?.newWaiting ?? 0;
  const [loaded, setLoaded] = useState(false);
  const [phase, setPhase] = useState<DrillPhase>('answer');
  const [answer, setAnswer] = useState('');
  const [grade, setGrade] = useState<GradeResult | null>(null);
  const [selected, setSelected] = useState<Rating>(3);
  const [showPinyin, setShowPinyin] = useState(() => readFlag('duizhao-pinyin'));
  // Listening first (interpreting practice): a term or sentence prompt is read aloud and hidden
  // until shown (T) or answered.
  const [listening, setListening] = useState(() => readFlag('duizhao-listen'));
  const [revealed, setRevealed] = useState(false);
  const voices = useVoices();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [suspendedId, setSuspendedId] = useState<number | null>(null);
  // The term just marked known (K), for its undo.
  const [knownTerm, setKnownTerm] = useState<TermRef | null>(null);
  const [session, setSession] = useState<Session>(() => ({ startedAt: Date.now(), done: 0, again: 0, history: [] }));
  const shownAt = useRef(performance.now());
  // One id per showing of a card: a retry after a lost response is recognised, not counted twice.
  const reviewId = useRef('');
  const composing = useRef(false);
  const input = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  // The end of a session's first offer (more new cards, or reviews ahead): Enter takes it.
  const moreButton = useRef<HTMLButtonElement & HTMLAnchorElement>(null);

  const load = async () => {
    setBusy(true);
    try {
      const next = await api.next(source, ahead);
      // With nothing left, whether the day's new-card limit is what ended it, and what is due soon.
      const status = next.card ? null : await api.extendStatus(source);
      setCard(next.card);
      setCounts(next.counts);
      setFocus(next.focus ?? null);
      setMore(status);
      setPhase('answer');
      setRevealed(false);
      setAnswer('');
      setGrade(null);
      setEditing(false);
      setError(null);
      shownAt.current = performance.now();
      reviewId.current = newReviewId();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setLoaded(true);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  // Focus moves in the same commit as the card: with an effect it came a frame later, and a key
  // typed at once (Enter on Today, then the answer) could land before it.
  useLayoutEffect(() => {
    // With nothing to drill, Enter takes more new cards when the day's limit held them back.
    if (!card) moreButton.current?.focus();
    else if (phase === 'answer' && !editing) input.current?.focus();
    else if (phase === 'checked' && !editing) panel.current?.focus({ preventScroll: true });
  }, [card, phase, editing, more]);

  // Counts edits of the card's term: a server grade asked for before one is stale.
  const termEdits = useRef(0);

  const check = () => {
    if (!card || phase !== 'answer') return;
    const result = gradeCard(card, answer);
    setGrade(result);
    setSelected(result.suggestion);
    setPhase('checked');
    if (!answer.trim()) return;
    // The instant grade has no dictionary; the server's (synonyms, the source sentence) replaces it
    // when it arrives, unless the user has moved on or already picked another rating.
    const showing = reviewId.current;
    const edits = termEdits.current;
    api
      .check({ cardId: card.id, answer })
      .then(({ grade: better }) => {
        // A grade of the renderings before an edit (A, E) must not replace the grade after it.
        if (reviewId.current !== showing || termEdits.current !== edits) return;
        setGrade(better);
        setSelected((s) => (s === result.suggestion ? better.suggestion : s));
      })
      .catch(() => {
        // The instant grade stands: checking is advice, the rating is the user's.
      });
  };

  const rate = async (rating: Rating) => {
    if (!card || phase !== 'checked' || busy) return;
    setBusy(true);
    try {
      const answered = await api.answer({
        cardId: card.id,
        rating,
        reviewId: reviewId.current,
        // The version the user saw: the server answers 409 only when another answer got there first.
        reps: card.reps,
        answer: answer.trim() || undefined,
        durationMs: Math.min(MAX_DURATION_MS, Math.round(performance.now() - shownAt.current)),
      }, source, ahead);
      // A card served is never suspended: suspended now, it lapsed into a leech.
      const leech = answered.card.suspended && answered.card.leech;
      setNotice(leech ? 'Suspended as a leech: this card keeps slipping. Bring it back now, or later from the suspended cards on Stats.' : '');
      setSuspendedId(leech ? card.id : null);
      setKnownTerm(null);
      await load();
      setSession((s) => ({ ...s, done: s.done + 1, again: s.again + (rating === 1 ? 1 : 0), history: [...s.history, rating] }));
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) {
        // Answered in another tab or a moment ago: move on rather than leave the user stuck.
        await load();
        setNotice(`${e.message}; here is the next card.`);
        return;
      }
      setError(e);
      setBusy(false);
    }
  };

  /**
   * A change to the drill (an undo, a suspension…), then the card that follows it; `after` says
   * what happened. An error leaves the card as it was.
   */
  const act = async (change: () => Promise<unknown>, after: () => void) => {
    if (busy) return;
    setBusy(true);
    try {
      await change();
      await load();
      after();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const undo = () =>
    act(
      () => api.undo(source, ahead),
      () => {
        setSession((s) => {
          const last = s.history[s.history.length - 1];
          if (last === undefined) return s;
          return { ...s, done: s.done - 1, again: s.again - (last === 1 ? 1 : 0), history: s.history.slice(0, -1) };
        });
        setNotice('Last answer undone.');
      },
    );

  /** Raises today's new-card limit by `n` and goes on with the new cards it lets in. */
  const learnMore = (n: number) =>
    act(
      () => api.extend(n, source),
      () => setNotice(`Today's new-card limit is raised by ${n}.`),
    );

  const suspend = async () => {
    if (!card) return;
    const id = card.id;
    await act(
      () => api.suspend(id),
      () => {
        setSuspendedId(id);
        setKnownTerm(null);
        setNotice('Card suspended.');
      },
    );
  };

  /** K: the card's term is known (Lute's "well known"): its cards leave the drill, it stays in the termbase. */
  const markKnown = async () => {
    if (!card) return;
    const term = card.term;
    if (!term) return setNotice('This card has no term of its own to mark known.');
    await act(
      () => api.patchTerm(term.id, { known: true }),
      () => {
        setSuspendedId(null);
        setKnownTerm(term);
        setNotice(`${term.zh} marked known: its cards leave the drill.`);
      },
    );
  };

  /**
   * A: the answer typed is a right rendering the termbase lacked (a translator's own usage): it
   * becomes a variant of the card's term, accepted from now on, and this answer is graded again.
   */
  const acceptAnswer = async () => {
    const term = card?.term;
    const typed = answer.trim();
    if (!card || !term || !grade || phase !== 'checked' || busy) return;
    if (!canAccept(card, typed)) {
      setNotice('Only a typed English answer to a term or cloze card, not yet accepted, can be counted as a rendering.');
      return;
    }
    // Graded Easy, an answer is the rendering or a slip of it: a typo is no variant to keep.
    if (grade.suggestion === 4) {
      setNotice('Your answer already counts as right: nothing to add.');
      return;
    }
    setBusy(true);
    try {
      // Added to the term's variants as they are now (another tab may have changed them).
      const saved = await api.patchTerm(term.id, { addVariant: typed });
      termEdited({ ...term, en: saved.en, variants: saved.variants });
      setNotice(`“${typed}” now counts as a rendering of ${term.zh}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  /** The card shown with an edited term: its accepted answers and its grade follow the edit. */
  const termEdited = (edited: TermRef) => {
    if (!card) return;
    termEdits.current++;
    const own = card.term?.id === edited.id;
    const updated: DrillCard = {
      ...card,
      term: own ? edited : card.term,
      terms: card.terms.map((t) => (t.id === edited.id ? edited : t)),
      // The accepted English answers of a term card are its rendering and variants.
      accepted: own && card.answerLang === 'en' && card.kind !== 'sentence' ? [edited.en, ...edited.variants] : card.accepted,
      reference: own && card.answerLang === 'en' && card.kind === 'term' ? edited.en : card.reference,
    };
    setCard(updated);
    if (phase === 'checked') {
      const regraded = gradeCard(updated, answer);
      setGrade(regraded);
      setSelected(regraded.suggestion);
    }
  };

  const unknow = async (term: TermRef) => {
    try {
      await api.patchTerm(term.id, { known: false });
      setKnownTerm(null);
      setNotice(`${term.zh} is drilled again.`);
      if (!card) await load();
    } catch (e) {
      setError(e);
    }
  };

  const unsuspend = async (id: number) => {
    try {
      await api.unsuspend(id);
      setSuspendedId(null);
      setNotice('Card restored: it comes back when it is due.');
      if (!card) await load();
    } catch (e) {
      setError(e);
    }
  };

  const togglePinyin = () =>
    setShowPinyin((v) => {
      writeFlag('duizhao-pinyin', !v);
      return !v;
    });

  const toggleListening = () => {
    const on = !listening;
    writeFlag('duizhao-listen', on);
    setListening(on);
    setNotice(on ? 'Listening first: each term and sentence is read aloud; T shows its text, R reads it again.' : 'Listening first is off.');
  };

  // A term or sentence card, heard rather than read, when the browser has a voice for its language.
  const hearable = !!card && listening && card.kind !== 'cloze' && voiceFor(voices, card.promptLang) !== undefined;
  const hidePrompt = hearable && !revealed && phase === 'answer';
  useEffect(() => {
    // Read once per card shown, or once the browser's voices have loaded (Chrome loads them late).
    if (card && hearable) speak(card.prompt, card.promptLang);
  }, [card, hearable]);

  // The handler is replaced on every render and the listener calls the latest one: effects run
  // after paint, so a listener re-added in an effect would miss a key pressed right after a check.
  onKeyRef.current = (e: KeyboardEvent) => {
    if (editing || e.defaultPrevented || e.repeat || inDialog(e.target)) return;
    const target = e.target as HTMLElement | null;
    // Once checked, the answer box is read-only: a rating key pressed before focus moves on counts.
    const inField = isTypingIn(target) && !(target === input.current && phase === 'checked');
    if (!card) {
      // The end of a session still takes back its last answer.
      if (e.key.toLowerCase() === 'u' && !inField && !e.ctrlKey && !e.metaKey && !e.altKey && session.done > 0) void undo();
      return;
    }
    // A focused button or link handles its own Enter and Space.
    const onControl = !!target && (target.tagName === 'BUTTON' || target.tagName === 'A') && (e.key === 'Enter' || e.key === ' ');
    if (onControl) return;
    const action = drillKeyAction({
      key: e.key,
      inField,
      composing: composing.current || e.isComposing || e.keyCode === 229,
      // Shift+Enter is a line break inside a translation, not a submission.
      modifier: e.ctrlKey || e.metaKey || e.altKey || (e.shiftKey && e.key === 'Enter'),
      phase,
    });
    if (!action) return;
    // The answer box is for typing: only Enter and Escape act from there.
    if (inField && target !== input.current && action.type !== 'leave-field') return;
    e.preventDefault();
    switch (action.type) {
      case 'check':
        return check();
      case 'rate':
        return void rate(action.rating);
      case 'confirm':
        return void rate(selected);
      case 'suggest':
        return void rate(grade?.suggestion ?? 3);
      case 'select':
        return setSelected((r) => Math.min(4, Math.max(1, r + action.delta)) as Rating);
      case 'undo':
        return void undo();
      case 'edit':
        if (editableTerm(card)) setEditing(true);
        else setNotice('This card has no term to edit.');
        return;
      case 'suspend':
        return void suspend();
      case 'known':
        return void markKnown();
      case 'accept':
        return void acceptAnswer();
      case 'pinyin':
        return togglePinyin();
      case 'speak':
        if (!speak(card.prompt, card.promptLang)) setNotice('This browser cannot read aloud.');
        return;
      case 'listen':
        return toggleListening();
      case 'reveal':
        return setRevealed(true);
      case 'leave-field':
        (target as HTMLElement).blur();
        panel.current?.focus({ preventScroll: true });
        return;
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onKeyRef.current(e);
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  if (!loaded) return <Loading label="Fetching the next card…" />;

  const focusBar = (focus || ahead) && (
    <p class="focus-bar small">
      {focus && (
        <>
          Only{' '}
          <a href={routeHref({ page: 'source', sourceId: focus.id, at: null })}>
            {focus.title}
          </a>
          {' · '}
          <a href={routeHref({ page: 'drill' })}>Study all texts</a>
        </>
      )}
      {focus && ahead ? ' · ' : ''}
      {ahead ? (
        <>
          Reviewing ahead: cards due in the next {plural(ahead, 'day')} ·{' '}
          <a href={routeHref({ page: 'drill', ...(source === undefined ? {} : { source }) })}>only today's</a>
        </>
      ) : null}
    </p>
  );

  if (!card) {
    const later = counts?.learning ?? 0;
    return (
      <section class="drill-end">
        {focusBar}
        {session.done > 0 ? (
          <>
            <h1>Session complete</h1>
            <dl class="summary">
              <div>
                <dt>Cards</dt>
                <dd>{session.done}</dd>
              </div>
              <div>
                <dt>Again</dt>
                <dd>{session.again}</dd>
              </div>
              <div>
                <dt>Recalled</dt>
                <dd>{Math.round((100 * (session.done - session.again)) / session.done)}%</dd>
              </div>
              <div>
                <dt>Time</dt>
                <dd>{formatDuration(Date.now() - session.startedAt)}</dd>
              </div>
            </dl>
          </>
        ) : (
          <h1>
            {focus ? 'Nothing of this text due' : 'Nothing due'} {ahead ? `in the next ${plural(ahead, 'day')}` : 'right now'}
          </h1>
        )}
        {newWaiting > 0 && (
          <p class="learn-more">
            Today's new-card limit is reached; {plural(newWaiting, 'new card')}
            {newWaiting >= 1000 ? ' or more' : ''} {newWaiting === 1 ? 'waits' : 'wait'}
            {focus ? ' in this text' : ''}.{' '}
            <button type="button" class="button" ref={moreButton} onClick={() => void learnMore(Math.min(10, newWaiting))} disabled={busy}>
              Learn {Math.min(10, newWaiting)} more today
            </button>
            {newWaiting > 10 && newWaiting <= 100 && (
              <>
                {' '}
                <button type="button" class="button" onClick={() => void learnMore(newWaiting)} disabled={busy}>
                  Learn all {newWaiting} today
                </button>
              </>
            )}
          </p>
        )}
        {later > 0 ? (
          <p>
            {plural(later, 'learning card')} will be due again in a few minutes.{' '}
            <button type="button" class="button" onClick={() => void load()}>
              Check again
            </button>
          </p>
        ) : null}
        {!ahead && more && more.reviewsAhead > 0 && (
          <p class="learn-more">
            {plural(more.reviewsAhead, 'review')} of {focus ? 'this text' : 'your cards'} {more.reviewsAhead === 1 ? 'falls' : 'fall'} due in the next{' '}
            {plural(more.aheadDays, 'day')}: before a meeting or an exam, go over {more.reviewsAhead === 1 ? 'it' : 'them'} now.{' '}
            <a class="button" ref={newWaiting > 0 ? undefined : moreButton} href={routeHref({ page: 'drill', ...(source === undefined ? {} : { source }), ahead: more.aheadDays })}>
              Review ahead
            </a>
          </p>
        )}
        {later > 0 || newWaiting > 0 || (more && more.reviewsAhead > 0 && !ahead) ? null : focus ? (
          <p class="muted">Its other cards come when they are due, here or in the drill of all texts.</p>
        ) : (
          <p class="muted">Come back tomorrow, or import another text to have more to learn.</p>
        )}
        {notice && <p class="notice">{notice}</p>}
        <ErrorNote error={error} />
        <p>
          <a class="button primary" href="#/">
            Back to Today
          </a>{' '}
          {source !== undefined ? (
            <a class="button" href={routeHref({ page: 'drill' })}>
              Study all texts
            </a>
          ) : (
            <a class="button" href="#/import">
              Import a text
            </a>
          )}
          {session.done > 0 && (
            <>
              {' '}
              <button type="button" class="button" onClick={() => void undo()}>
                Undo last answer <Kbd>U</Kbd>
              </button>
            </>
          )}
        </p>
      </section>
    );
  }

  const promptLangAttr = card.promptLang === 'zh' ? 'zh-CN' : 'en';
  const answerLangAttr = card.answerLang === 'zh' ? 'zh-CN' : 'en';
  const promptNeedles = termNeedles(card, card.promptLang);
  const answerNeedles = termNeedles(card, card.answerLang);
  const checked = phase === 'checked' && grade;
  // The other-language sentence helps a cloze; the answer-language one would give the answer away.
  const clue = card.kind === 'cloze' && card.context ? (card.promptLang === 'zh' ? card.context.en : card.context.zh) : null;
  const clueLang = card.promptLang === 'zh' ? 'en' : 'zh';
  const fullAnswerSentence = card.context ? (card.answerLang === 'zh' ? card.context.zh : card.context.en) : null;
  const isLong = card.kind === 'sentence';

  return (
    <section class="drill" aria-label="Drill">
      {focusBar}
      <div class="drill-bar">
        {counts && (
          <span class="counts" aria-label="Cards left">
            <span class="c-new" title="new">{counts.new}</span>
            <span class="c-learning" title="learning">{counts.learning}</span>
            <span class="c-review" title="review">{counts.review}</span>
          </span>
        )}
        <span class="muted small">
          {KIND_LABEL[card.kind]} · {card.direction === 'zh-en' ? '中 → EN' : 'EN → 中'}
          {card.source ? ` · ${card.source.title}` : ''}
        </span>
        <span class="muted small session-count">{session.done} done</span>
      </div>
      {counts && (
        <div class="session-meter" aria-hidden="true">
          <span style={{ width: `${(100 * session.done) / Math.max(1, session.done + counts.new + counts.learning + counts.review)}%` }} />
        </div>
      )}

      <div class="card-panel" ref={panel} tabIndex={-1}>
        {hidePrompt ? (
          <p class="prompt listening" data-testid="prompt-hidden">
            Listen: {card.promptLang === 'zh' ? 'Chinese' : 'English'} {card.kind === 'term' ? 'term' : 'sentence'}{' '}
            <button type="button" class="linkish" onClick={() => speak(card.prompt, card.promptLang)}>
              again <Kbd>R</Kbd>
            </button>{' '}
            <button type="button" class="linkish" onClick={() => setRevealed(true)}>
              show the text <Kbd>T</Kbd>
            </button>
          </p>
        ) : (
          <p class={`prompt ${isLong || card.kind === 'cloze' ? 'long' : ''}`} lang={promptLangAttr} data-testid="prompt">
            {card.kind === 'term' ? card.prompt : <Marked pieces={markNeedles(card.prompt, promptNeedles, card.promptLang)} className="term" />}
          </p>
        )}
        {listening && card.kind !== 'cloze' && !hearable && (
          <p class="muted small">This browser has no {card.promptLang === 'zh' ? 'Chinese' : 'English'} voice to read it aloud: its text is shown.</p>
        )}
        {!hidePrompt && showPinyin && card.pinyin && (card.promptLang === 'zh' || checked) && (
          <p class="pinyin" lang="zh-Latn-pinyin">
            {card.pinyin}
          </p>
        )}
        {showPinyin && card.pinyin && card.promptLang === 'en' && !checked && (
          <p class="pinyin hint" lang="zh-Latn-pinyin">
            hint: {card.pinyin}
          </p>
        )}
        {clue && (
          <p class="clue" lang={clueLang === 'zh' ? 'zh-CN' : 'en'}>
            <Marked pieces={markNeedles(clue, card.term ? termForms(card.term, clueLang) : [], clueLang)} className="term" />
          </p>
        )}

        <label class="answer-label" for="answer">
          {card.answerLang === 'zh' ? 'Your Chinese' : 'Your English'}
        </label>
        {isLong ? (
          <textarea
            id="answer"
            ref={input}
            class="answer"
            rows={3}
            lang={answerLangAttr}
            value={answer}
            readOnly={phase === 'checked'}
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)}
            onCompositionStart={() => (composing.current = true)}
            onCompositionEnd={() => (composing.current = false)}
          />
        ) : (
          <input
            id="answer"
            ref={input}
            class="answer"
            lang={answerLangAttr}
            value={answer}
            readOnly={phase === 'checked'}
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            onInput={(e) => setAnswer((e.currentTarget as HTMLInputElement).value)}
            onCompositionStart={() => (composing.current = true)}
            onCompositionEnd={() => (composing.current = false)}
          />
        )}

        {!checked && (
          <div class="actions">
            <button type="button" class="button primary" onClick={check}>
              Check <Kbd>Enter</Kbd>
            </button>
            <span class="muted small">Leave it empty if you don't know.</span>
          </div>
        )}

        {checked && (
          <div class="result" aria-live="polite">
            <p class={`verdict s${grade.suggestion}`}>
              {Math.round(grade.score * 100)}% · {grade.reason}
            </p>
            {answer.trim() && (
              <p class="diff-line" data-testid="diff">
                <Diff ops={grade.diff} lang={card.answerLang} />
              </p>
            )}
            <p class={`reference ${isLong ? 'long' : ''}`} lang={answerLangAttr} data-testid="reference">
              <Marked pieces={markNeedles(card.reference, answerNeedles, card.answerLang)} className="term" />
            </p>
            {card.accepted.length > 1 && card.kind !== 'sentence' && (
              <p class="muted small variants">
                Also accepted: <span lang={answerLangAttr}>{card.accepted.slice(1).join(' · ')}</span>
              </p>
            )}
            {canAccept(card, answer.trim()) && grade.suggestion < 4 && (
              <p class="muted small">
                A right rendering the text did not use?{' '}
                <button type="button" class="linkish" onClick={() => void acceptAnswer()} disabled={busy}>
                  Count my answer as a rendering of {card.term!.zh}
                </button>{' '}
                (<Kbd>A</Kbd>)
              </p>
            )}
            {card.kind === 'cloze' && fullAnswerSentence && (
              <p class="clue" lang={answerLangAttr}>
                <Marked pieces={markNeedles(fullAnswerSentence, card.term ? termForms(card.term, card.answerLang) : [], card.answerLang)} className="term" />
              </p>
            )}
            {grade.terms && grade.terms.length > 0 && (
              <ul class="coverage">
                {grade.terms.map((t) => (
                  <li key={t.zh} class={t.status}>
                    <span lang="zh-CN">{t.zh}</span>{' '}
                    {t.status === 'accepted' ? '✓' : t.status === 'other' ? `≈ ${t.found ?? ''}` : '✗ missing'}
                  </li>
                ))}
              </ul>
            )}
            <div class="ratings" role="group" aria-label="Rate your recall">
              {RATINGS.map(({ rating, label }) => {
                const preview = card.intervals.find((i) => i.rating === rating);
                return (
                  <button
                    key={rating}
                    type="button"
                    class={`rating r${rating} ${selected === rating ? 'selected' : ''}`}
                    aria-pressed={selected === rating}
                    onClick={() => void rate(rating)}
                    disabled={busy}
                  >
                    <span class="rating-label">
                      <Kbd>{rating}</Kbd> {label}
                    </span>
                    <span class="interval">{preview?.label ?? ''}</span>
                  </button>
                );
              })}
            </div>
            <p class="muted small">
              <Kbd>Space</Kbd> takes the suggestion ({RATINGS[grade.suggestion - 1]!.label}), <Kbd>Enter</Kbd> the selected, <Kbd>←</Kbd>
              <Kbd>→</Kbd> move it.
              {card.source?.pairId != null && (
                <>
                  {' '}
                  A wrong reference?{' '}
                  <a href={routeHref({ page: 'source', sourceId: card.source.id, at: card.source.pairId })}>Fix the pair in its text</a>.
                </>
              )}
            </p>
          </div>
        )}
      </div>

      {editing && editableTerm(card) && (
        <EditTerm
          term={editableTerm(card)!}
          onClose={() => setEditing(false)}
          onSaved={(edited) => {
            termEdited(edited);
            setEditing(false);
            setNotice('Term saved.');
          }}
        />
      )}

      {notice && (
        <p class="notice" role="status">
          {notice}
          {suspendedId !== null && (
            <>
              {' '}
              <button type="button" class="linkish" onClick={() => void unsuspend(suspendedId)}>
                Unsuspend
              </button>
            </>
          )}
          {knownTerm !== null && (
            <>
              {' '}
              <button type="button" class="linkish" onClick={() => void unknow(knownTerm)}>
                Drill it again
              </button>
            </>
          )}
        </p>
      )}
      <ErrorNote error={error} />

      <p class="keys muted small" aria-label="Keyboard shortcuts">
        <Kbd>U</Kbd> undo · <Kbd>E</Kbd> edit term · <Kbd>S</Kbd> suspend · <Kbd>K</Kbd> I know this term · <Kbd>L</Kbd> listen first · <Kbd>P</Kbd> pinyin · <Kbd>R</Kbd> read aloud · <Kbd>Esc</Kbd> leave the
        answer box · <Kbd>?</Kbd> all shortcuts
      </p>
      <div class="touch-keys">
        <button type="button" class="button" onClick={() => void undo()}>Undo</button>
        {editableTerm(card) && <button type="button" class="button" onClick={() => setEditing(true)}>Edit term</button>}
        <button type="button" class="button" onClick={() => void suspend()}>Suspend</button>
        {card.term && <button type="button" class="button" onClick={() => void markKnown()}>I know it</button>}
        <button type="button" class="button" onClick={togglePinyin}>Pinyin</button>
        <button type="button" class="button" aria-pressed={listening} onClick={toggleListening}>Listen first</button>
        <button type="button" class="button" onClick={() => speak(card.prompt, card.promptLang)}>Read</button>
      </div>
    </section>
  );
}

/**
 * Whether a typed answer can become a variant of the card's term: English, to a term or cloze card
 * of its own term, and not already one of its accepted renderings.
 */
function canAccept(card: DrillCard, typed: string): boolean {
  if (!card.term || card.kind === 'sentence' || card.answerLang !== 'en' || !typed || typed.length > 200) return false;
  const key = typed.toLowerCase().replace(/\s+/g, ' ');
  return !card.accepted.some((a) => a.toLowerCase().replace(/\s+/g, ' ') === key);
}

/** The card's own term, or else the first known term of its sentence. */
function editableTerm(card: DrillCard): TermRef | null {
  return card.term ?? card.terms[0] ?? null;
}

function termForms(term: NonNullable<DrillCard['term']>, lang: 'zh' | 'en'): string[] {
  return lang === 'zh' ? [term.zh] : [term.en, ...term.variants];
}

/** The key terms to mark in a text of one language: the card's term and the sentence's known terms. */
function termNeedles(card: DrillCard, lang: 'zh' | 'en'): string[] {
  const refs = card.term ? [card.term, ...card.terms] : card.terms;
  return refs.flatMap((t) => termForms(t, lang));
}

function EditTerm({ term, onClose, onSaved }: { term: TermRef; onClose: () => void; onSaved: (term: TermRef) => void }) {
  const [en, setEn] = useState(term.en);
  const [variants, setVariants] = useState(term.variants.join('\n'));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!en.trim()) return setError(new Error('The rendering cannot be empty.'));
    setSaving(true);
    try {
      const list = parseVariants(variants).filter((v) => v !== en.trim());
      await api.patchTerm(term.id, { en: en.trim(), variants: list });
      onSaved({ ...term, en: en.trim(), variants: list });
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  return (
    <form
      class="edit-term"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      aria-label="Edit term"
    >
      <h2>
        Edit <span lang="zh-CN">{term.zh}</span>
      </h2>
      <label>
        English rendering
        <input ref={first} name="en" value={en} onInput={(e) => setEn((e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
      </label>
      <label>
        Also accept (one per line)
        <textarea name="variants" rows={3} value={variants} onInput={(e) => setVariants((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <ErrorNote error={error} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={saving}>
          Save <Kbd>Enter</Kbd>
        </button>
        <button type="button" class="button" onClick={onClose}>
          Cancel <Kbd>Esc</Kbd>
        </button>
      </div>
    </form>
  );
}
