// Small shared pieces. Text is always rendered as text nodes; marks are <mark> elements.
import type { ComponentChildren } from 'preact';
import type { DiffOp } from '../../server/grading/types.ts';
import { routeHref, type Piece } from './lib/index.ts';

export function Marked({ pieces, className }: { pieces: Piece[]; className?: string }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.marked ? (
          <mark key={i} class={className}>
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

/** The diff from the user's answer to the reference: struck = only in the answer, underlined = missing from it. */
export function Diff({ ops, lang }: { ops: DiffOp[]; lang: 'zh' | 'en' }) {
  return (
    <span class="diff" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {ops.map((op, i) =>
        op.op === 'same' ? (
          <span key={i}>{op.text}</span>
        ) : op.op === 'del' ? (
          <del key={i} title="not in the reference">
            {op.text}
          </del>
        ) : (
          <ins key={i} title="missing from your answer">
            {op.text}
          </ins>
        ),
      )}
    </span>
  );
}

export function Zh({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return (
    <span lang="zh-CN" class={cls ? `zh ${cls}` : 'zh'}>
      {children}
    </span>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="muted loading" aria-busy="true">
      {label}
    </p>
  );
}

export function Kbd({ children }: { children: ComponentChildren }) {
  return <kbd>{children}</kbd>;
}

/** Previous and next pages of a long list, shown only when there is more than one page. */
export function Pager({ offset, size, total, onOffset }: { offset: number; size: number; total: number; onOffset: (offset: number) => void }) {
  if (total <= size) return null;
  return (
    <div class="pager">
      <button type="button" class="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        ← Previous
      </button>
      <span class="muted small">
        {offset + 1}–{Math.min(offset + size, total)} of {total}
      </span>
      <button type="button" class="button" disabled={offset + size >= total} onClick={() => onOffset(offset + size)}>
        Next →
      </button>
    </div>
  );
}

/** A sentence pair in a concordance, its marks given, with the text it comes from (opened at the pair). */
export function ConcordanceLine({ zh, en, source }: { zh: Piece[]; en: Piece[]; source: { id: number; title: string; pairId: number } }) {
  return (
    <li>
      <p lang="zh-CN" class="zh">
        <Marked pieces={zh} />
      </p>
      <p lang="en">
        <Marked pieces={en} />
      </p>
      <p class="muted small">
        <a href={routeHref({ page: 'source', sourceId: source.id, at: source.pairId })}>{source.title}</a>
      </p>
    </li>
  );
}
