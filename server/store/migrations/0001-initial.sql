-- Times are INTEGER milliseconds since the epoch (UTC): indexable, compared without parsing.

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  content_hash TEXT NOT NULL UNIQUE
);

CREATE TABLE segments (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  paragraph INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  zh TEXT NOT NULL,
  en TEXT NOT NULL,
  pinyin TEXT NOT NULL DEFAULT '',
  score REAL NOT NULL DEFAULT 1
);
CREATE INDEX segments_source ON segments(source_id, paragraph, ordinal);

CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  zh TEXT NOT NULL UNIQUE,
  en TEXT NOT NULL,
  variants TEXT NOT NULL DEFAULT '[]',
  pinyin TEXT NOT NULL DEFAULT '',
  -- toneless, spaceless pinyin: what a user types into the search box
  pinyin_plain TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ignored')),
  note TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'user')),
  score REAL NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE occurrences (
  id INTEGER PRIMARY KEY,
  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  zh_start INTEGER NOT NULL,
  zh_end INTEGER NOT NULL,
  en_start INTEGER,
  en_end INTEGER,
  UNIQUE (term_id, segment_id, zh_start)
);
CREATE INDEX occurrences_segment ON occurrences(segment_id);

-- subject_id is a term id for kinds 'term' and 'cloze', a segment id for 'sentence'; cards with
-- the same (kind = 'sentence', subject_id) are siblings. segment_id: the sentence a cloze blanks.
CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('term', 'cloze', 'sentence')),
  subject_id INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('zh-en', 'en-zh')),
  segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  new_order INTEGER NOT NULL,
  due INTEGER NOT NULL,
  stability REAL NOT NULL DEFAULT 0,
  difficulty REAL NOT NULL DEFAULT 0,
  elapsed_days INTEGER NOT NULL DEFAULT 0,
  scheduled_days INTEGER NOT NULL DEFAULT 0,
  learning_steps INTEGER NOT NULL DEFAULT 0,
  reps INTEGER NOT NULL DEFAULT 0,
  lapses INTEGER NOT NULL DEFAULT 0,
  -- ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning
  state INTEGER NOT NULL DEFAULT 0,
  last_review INTEGER,
  suspended INTEGER NOT NULL DEFAULT 0,
  leech INTEGER NOT NULL DEFAULT 0,
  -- a card of an ignored term: hidden like a suspension, but undone by reactivating the term
  hidden INTEGER NOT NULL DEFAULT 0,
  buried_until INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (kind, subject_id, direction)
);
-- The drill queue: every lookup of the next card is a range scan of one of these.
CREATE INDEX cards_queue_due ON cards(state, due, buried_until) WHERE suspended = 0 AND hidden = 0;
CREATE INDEX cards_queue_new ON cards(new_order, buried_until) WHERE state = 0 AND suspended = 0 AND hidden = 0;
CREATE INDEX cards_subject ON cards(subject_id);
CREATE INDEX cards_source ON cards(source_id);

-- Full FSRS log of every answer (the optimizer needs all of it); prev is the card row before the
-- answer, with its siblings' burial, so undo restores it exactly.
CREATE TABLE reviews (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
  state INTEGER NOT NULL,
  due INTEGER NOT NULL,
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  elapsed_days INTEGER NOT NULL,
  last_elapsed_days INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL,
  review INTEGER NOT NULL,
  next_state INTEGER NOT NULL,
  next_due INTEGER NOT NULL,
  reviewed_at INTEGER NOT NULL,
  duration_ms INTEGER,
  answer TEXT,
  score REAL,
  prev TEXT NOT NULL
);
CREATE INDEX reviews_time ON reviews(reviewed_at, state, rating, duration_ms);
CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
