import { useEffect, useState } from 'preact/hooks';
import type { BackupsResponse, OptimizeResponse, Settings } from '../../../server/http/api-types.ts';
import { plural } from '../lib/index.ts';
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
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.settings().then((s) => {
      setSettings(s);
      setLearning(s.learningSteps.join(' '));
    }, setError);
  }, []);

  if (!settings) return error ? <ErrorNote error={error} /> : <Loading />;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings({ ...settings, [key]: value });
    setSaved(false);
  };
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const { desiredRetention, newCardsPerDay, reviewCap, dayStartHour, cardKinds, leechThreshold, enableFuzz } = settings;
      const next = await api.saveSettings({ desiredRetention, newCardsPerDay, reviewCap, dayStartHour, cardKinds, leechThreshold, enableFuzz, learningSteps: steps(learning) });
      if (next && typeof next === 'object' && 'desiredRetention' in next) setSettings(next);
      setSaved(true);
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
            <input value={learning} onInput={(e) => (setLearning((e.currentTarget as HTMLInputElement).value), setSaved(false))} placeholder="1m 10m" />
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
          {saved && (
            <span class="saved" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
      <Parameters weights={settings.weights} onSaved={(weights) => setSettings({ ...settings, weights })} />
      <Backups />
    </section>
  );
}

/** FSRS parameters: the defaults, or the user's own, fitted to their reviews on request. */
function Parameters({ weights, onSaved }: { weights: number[] | null; onSaved: (weights: number[] | null) => void }) {
  const [result, setResult] = useState<OptimizeResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const optimize = () => run(async () => setResult(await api.optimize()));
  const use = (next: number[] | null, message: string) =>
    run(async () => {
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
          {busy && !result ? 'Optimizing…' : 'Optimize from my reviews'}
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
        {notice && (
          <span class="saved" role="status">
            {notice}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
    </section>
  );
}

/** The daily automatic backups, and a copy to download now. */
function Backups() {
  const [backups, setBackups] = useState<BackupsResponse['backups'] | null>(null);
  useEffect(() => {
    api.backups().then(
      (r) => setBackups(r.backups),
      () => setBackups([]),
    );
  }, []);
  const last = backups?.[0];
  return (
    <section class="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        duizhao copies your database once a day into <code>backups/</code> beside it and keeps the last few (<code>DUIZHAO_BACKUPS</code>, 7 unless
        set).{' '}
        {backups === null
          ? ''
          : last
            ? `The latest is from ${last.takenAt.slice(0, 16).replace('T', ' ')} UTC (${plural(backups.length, 'backup')} kept).`
            : 'There is none yet: the first is made once a text is imported.'}
      </p>
      <p class="muted small">
        To go back to one, copy it to a new file (so that the backup itself stays as it is) and start duizhao with <code>DUIZHAO_DB</code> set to
        that file.
      </p>
      <div class="actions">
        <a class="button" href="/api/backup" download>
          Download a backup now
        </a>
      </div>
    </section>
  );
}
