import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackupsResponse, OptimizeResponse, RescheduleResponse, RestoreResponse, Settings } from '../../../server/http/api-types.ts';
import { formatBytes, plural } from '../lib/index.ts';
import { api } from '../api.ts';
import { ErrorNote, Loading } from '../components.tsx';

const KINDS: { key: keyof Settings['cardKinds']; label: string }[] = [
  { key: 'termZhEn', label: 'Terms, 中 → EN' },
  { key: 'termEnZh', label: 'Terms, EN → 中' },
  { key: 'cloze', label: 'Cloze: the term blanked in its sentence' },
  { key: 'sentenceZhEn', label: 'Sentences, 中 → EN' },
  { key: 'sentenceEnZh', label: 'Sentences, EN → 中' },
];

const steps = (s: string) => s.split(/[\s,]+/).filter(Boolean);

export function SettingsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [learning, setLearning] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  // The retention in use, to tell a save that changes it; `asked` counts the changes that should
  // put the due dates' preview in front of the user.
  const retention = useRef<number | null>(null);
  const [asked, setAsked] = useState(0);
  // Counts the backups restored here: each brings other settings, and makes the figures shown stale.
  const [restores, setRestores] = useState(0);

  useEffect(() => {
    api.settings().then((s) => {
      setSettings(s);
      retention.current = s.desiredRetention;
      setLearning(s.learningSteps.join(' '));
      setSaved('');
    }, setError);
  }, [restores]);

  if (!settings) return error ? <ErrorNote error={error} /> : <Loading />;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings({ ...settings, [key]: value });
    setSaved('');
  };
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const { desiredRetention, newCardsPerDay, reviewCap, dayStartHour, cardKinds, leechThreshold, enableFuzz } = settings;
      const next = await api.saveSettings({ desiredRetention, newCardsPerDay, reviewCap, dayStartHour, cardKinds, leechThreshold, enableFuzz, learningSteps: steps(learning) });
      const stored = next && typeof next === 'object' && 'desiredRetention' in next ? next : null;
      if (stored) setSettings(stored);
      const inUse = stored?.desiredRetention ?? desiredRetention;
      const changed = retention.current !== null && retention.current !== inUse;
      retention.current = inUse;
      setSaved(changed ? 'Saved. Under Due dates below: what the new retention would move.' : 'Saved.');
      if (changed) setAsked((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="settings">
      <h1>Settings</h1>
      <form class="settings-form" onSubmit={save}>
        <label>
          Desired retention: {Math.round(settings.desiredRetention * 100)}%
          <input type="range" min={0.7} max={0.97} step={0.01} value={settings.desiredRetention} onInput={(e) => set('desiredRetention', num(e))} />
          <span class="muted small">Higher means more reviews for fewer lapses. 90% suits most learners.</span>
        </label>
        <div class="grid-2">
          <label>
            New cards per day
            <input type="number" min={0} max={10000} value={settings.newCardsPerDay} onInput={(e) => set('newCardsPerDay', num(e))} />
          </label>
          <label>
            Reviews per day at most
            <input type="number" min={0} max={100000} value={settings.reviewCap} onInput={(e) => set('reviewCap', num(e))} />
          </label>
          <label>
            The day starts at (hour)
            <input type="number" min={0} max={23} value={settings.dayStartHour} onInput={(e) => set('dayStartHour', num(e))} />
          </label>
          <label>
            Suspend after lapses
            <input type="number" min={1} max={100} value={settings.leechThreshold} onInput={(e) => set('leechThreshold', num(e))} />
          </label>
          <label>
            Learning steps
            <input value={learning} onInput={(e) => (setLearning((e.currentTarget as HTMLInputElement).value), setSaved(''))} placeholder="1m 10m" />
          </label>
        </div>
        <fieldset>
          <legend>Cards to drill</legend>
          {KINDS.map((k) => (
            <label key={k.key} class="check">
              <input type="checkbox" checked={settings.cardKinds[k.key]} onChange={(e) => set('cardKinds', { ...settings.cardKinds, [k.key]: (e.currentTarget as HTMLInputElement).checked })} />
              {k.label}
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.enableFuzz} onChange={(e) => set('enableFuzz', (e.currentTarget as HTMLInputElement).checked)} />
          Spread reviews a little so cards learnt together do not fall due together
        </label>
        <p class="muted small">Time zone: {settings.timeZone}</p>
        <ErrorNote error={error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={saving}>
            Save settings
          </button>
          <Status text={saved} />
        </div>
      </form>
      <Parameters
        key={`parameters-${restores}`}
        weights={settings.weights}
        onSaved={(weights) => {
          setSettings({ ...settings, weights });
          setAsked((n) => n + 1);
        }}
      />
      <Reschedule key={`reschedule-${restores}`} asked={asked} />
      <Backups
        onRestored={() => {
          setAsked(0);
          setRestores((n) => n + 1);
        }}
      />
    </section>
  );
}

/** What an action just did, announced to screen readers; nothing when there is nothing to say. */
function Status({ text }: { text: string }) {
  return text ? (
    <span class="saved" role="status">
      {text}
    </span>
  ) : null;
}

/** A section's actions, one at a time: which one runs, its error, and the notice it leaves. */
function useAction<K extends string>() {
  const [running, setRunning] = useState<K | ''>('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const run = async (what: K, work: () => Promise<void>) => {
    setRunning(what);
    setError(null);
    setNotice('');
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setRunning('');
    }
  };
  return { running, error, notice, setNotice, run };
}

/** FSRS parameters: the defaults, or the user's own, fitted to their reviews on request. */
function Parameters({ weights, onSaved }: { weights: number[] | null; onSaved: (weights: number[] | null) => void }) {
  const [result, setResult] = useState<OptimizeResponse | null>(null);
  const { running, error, notice, setNotice, run } = useAction<'optimize' | 'use'>();
  const busy = running !== '';
  const optimize = () => run('optimize', async () => setResult(await api.optimize()));
  const use = (next: number[] | null, message: string) =>
    run('use', async () => {
      const saved = await api.saveSettings({ weights: next });
      onSaved(saved.weights);
      setResult(null);
      setNotice(message);
    });
  const better = result !== null && result.optimized.logLoss < result.current.logLoss;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

  return (
    <section class="parameters" aria-labelledby="parameters-title">
      <h2 id="parameters-title">Scheduling parameters</h2>
      <p>
        {weights
          ? 'The scheduler uses your own FSRS parameters, fitted to your reviews.'
          : "The scheduler uses FSRS's default parameters, fitted on millions of other learners' reviews."}{' '}
        <span class="muted">After a few hundred reviews over some weeks, parameters fitted to your own answers predict your memory better.</span>
      </p>
      {result && (
        <p data-testid="optimize-result">
          Fitted to {result.reviews} reviews of {result.cards} cards. How well they predict your answers (lower is better): log loss{' '}
          {result.current.logLoss.toFixed(3)} → <b>{result.optimized.logLoss.toFixed(3)}</b>, RMSE {pct(result.current.rmse)} →{' '}
          <b>{pct(result.optimized.rmse)}</b>.{better ? '' : ' No better than the parameters in use: keep them.'}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => void optimize()}>
          {running === 'optimize' ? 'Optimizing…' : 'Optimize from my reviews'}
        </button>
        {result && better && (
          <button type="button" class="button primary" disabled={busy} onClick={() => void use(result.weights, 'Your parameters are in use from the next answer.')}>
            Use these parameters
          </button>
        )}
        {weights && !result && (
          <button type="button" class="button" disabled={busy} onClick={() => void use(null, 'Back to the default parameters.')}>
            Back to the defaults
          </button>
        )}
        <Status text={notice} />
      </div>
      <ErrorNote error={error} />
    </section>
  );
}

const HORIZONS: Record<number, string> = { 1: 'By the end of today', 7: 'Within 7 days', 30: 'Within 30 days' };

/**
 * Due dates brought to the settings in use, the reviews due before and after shown first. Shown
 * on request, and by itself whenever `asked` grows (a new retention or new parameters saved).
 */
function Reschedule({ asked }: { asked: number }) {
  const [figures, setFigures] = useState<RescheduleResponse | null>(null);
  const { running: busy, error, notice, setNotice, run } = useAction<'preview' | 'apply'>();
  const preview = () => run('preview', async () => setFigures(await api.reschedulePreview()));
  const apply = () =>
    run('apply', async () => {
      const done = await api.reschedule();
      setFigures(done);
      setNotice(`${plural(done.moved, 'card')} rescheduled.`);
    });
  useEffect(() => {
    if (asked > 0) void preview();
  }, [asked]);

  return (
    <section class="reschedule" aria-labelledby="reschedule-title">
      <h2 id="reschedule-title">Due dates</h2>
      <p>
        A card keeps the interval it was given under the settings of its last answer: a new desired retention or new parameters reach it only at
        its next review. Rescheduling moves the cards in review now to where the settings in use put them.
      </p>
      {figures && <RescheduleFigures figures={figures} />}
      <div class="actions">
        <button type="button" class="button" disabled={busy !== ''} onClick={() => void preview()}>
          {busy === 'preview' ? 'Counting…' : 'Show what would move'}
        </button>
        {figures && !figures.applied && figures.moved > 0 && (
          <button type="button" class="button primary" disabled={busy !== ''} onClick={() => void apply()}>
            {busy === 'apply' ? 'Rescheduling…' : `Reschedule ${plural(figures.moved, 'card')}`}
          </button>
        )}
        <Status text={notice} />
      </div>
      {figures && !figures.applied && figures.moved > 0 && <p class="muted small">Undo in the drill will not reach answers given before it.</p>}
      <ErrorNote error={error} />
    </section>
  );
}

function RescheduleFigures({ figures }: { figures: RescheduleResponse }) {
  const { cards, moved, due, applied } = figures;
  if (cards === 0) return <p data-testid="reschedule-summary">No card has been answered yet: there is nothing to reschedule.</p>;
  if (applied && moved > 0)
    return (
      <>
        <p data-testid="reschedule-summary">The cards in review now follow the settings in use: {plural(moved, 'card')} moved.</p>
        <DueTable due={due} heads={['Before', 'Now']} />
      </>
    );
  if (moved === 0)
    return (
      <>
        <p data-testid="reschedule-summary">Every due date already follows the settings in use ({plural(cards, 'studied card')}).</p>
        <DueTable due={due} heads={['Now']} />
      </>
    );
  return (
    <>
      <p data-testid="reschedule-summary">
        <b>{plural(moved, 'card')}</b> in review of {cards} studied would move.
      </p>
      <DueTable due={due} heads={['Now', 'After']} />
    </>
  );
}

/** Reviews due by each horizon: `before`, and `after` where it differs. */
function DueTable({ due, heads }: { due: RescheduleResponse['due']; heads: [string] | [string, string] }) {
  return (
    <div class="table-wrap">
      <table class="term-table due-table">
        <thead>
          <tr>
            <th scope="col">Reviews due</th>
            {heads.map((h) => (
              <th key={h} scope="col" class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {due.map((d) => (
            <tr key={d.days} data-days={d.days}>
              <th scope="row">{HORIZONS[d.days] ?? `Within ${plural(d.days, 'day')}`}</th>
              <td class="num">{d.before}</td>
              {heads.length === 2 && <td class="num">{d.after}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A backup's moment in UTC, to the minute; to the second where another backup shares its minute. */
function backupMoment(b: Backup, all: Backup[]): string {
  const minute = (x: Backup) => x.takenAt.slice(0, 16);
  const twin = all.some((x) => x.name !== b.name && minute(x) === minute(b));
  return `${b.takenAt.slice(0, twin ? 19 : 16).replace('T', ' ')} UTC`;
}

type Backup = BackupsResponse['backups'][number];

/** The daily automatic backups, each of which can be put back, and a copy to download now. */
function Backups({ onRestored }: { onRestored: () => void }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<{ response: RestoreResponse; moment: string } | null>(null);

  const load = () =>
    api.backups().then(
      (r) => {
        setBackups(r.backups);
        setError(null);
        return r.backups;
      },
      (e: unknown) => {
        setError(e);
        return null;
      },
    );
  useEffect(() => void load(), []);

  return (
    <section class="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        duizhao copies your database once a day into <code>backups/</code> beside it and keeps the last few (<code>DUIZHAO_BACKUPS</code>, 7 unless
        set). {backups?.length === 0 && 'There is none yet: the first is made once a text is imported.'}
      </p>
      {backups && backups.length > 0 && (
        <ul class="backup-list">
          {backups.map((b) => (
            <li key={b.name} data-name={b.name}>
              <span class="backup-moment">{backupMoment(b, backups)}</span>
              <span class="muted small">
                {formatBytes(b.bytes)}
                {restored?.response.before === b.name ? ', what was there before the restore' : ''}
              </span>
              <button type="button" class="button" onClick={() => setConfirming(b)}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {restored && (
        <p class="saved" role="status">
          Restored the backup of {restored.moment}: {plural(restored.response.counts.sources, 'source')}, {plural(restored.response.counts.terms, 'term')},{' '}
          {plural(restored.response.counts.cards, 'card')}, {plural(restored.response.counts.reviews, 'review')}. What was there before is kept as{' '}
          <code>{restored.response.before}</code>. Every page shows the restored content now; reload any other tab open on duizhao.
        </p>
      )}
      <ErrorNote error={error} />
      <div class="actions">
        <a class="button" href="/api/backup" download>
          Download a backup now
        </a>
      </div>
      {confirming && backups && (
        <RestoreDialog
          backup={confirming}
          moment={backupMoment(confirming, backups)}
          onClose={() => setConfirming(null)}
          onRestored={(response) => {
            onRestored();
            // Said once the list shows the backup kept, the backup's moment written as the list writes it.
            void load().then((list) => setRestored({ response, moment: backupMoment(confirming, list ?? backups) }));
          }}
        />
      )}
    </section>
  );
}

/** What restoring replaces, said before it happens; Escape or Cancel leaves everything as it is. */
function RestoreDialog({
  backup,
  moment,
  onClose,
  onRestored,
}: {
  backup: Backup;
  moment: string;
  onClose: () => void;
  onRestored: (r: RestoreResponse) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      onRestored(await api.restoreBackup(backup.name));
      // Closing (rather than unmounting) gives the focus back to the button that opened it.
      dialog.current?.close();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="restore-title"
      aria-describedby="restore-what"
      onClose={onClose}
      // Once the restore is under way, Escape no longer hides its outcome.
      onCancel={(e) => busy && e.preventDefault()}
    >
      <h2 id="restore-title">Put back the backup of {moment}?</h2>
      <p id="restore-what">
        Everything studied, imported or changed since then is replaced by the backup's content. What duizhao holds now is kept as a backup first, so
        you can come back to it.
      </p>
      <ErrorNote error={error} />
      <div class="row">
        <button type="button" class="button danger" disabled={busy} onClick={() => void restore()}>
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" class="button" autoFocus disabled={busy} onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
