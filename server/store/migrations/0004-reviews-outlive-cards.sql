-- Reviews outlive their cards. A source deleted takes its cards with it, but the answers given to
-- them happened: they stay in the statistics (heatmap, streak, time, the day's new-card count)
-- and in the history the FSRS optimizer trains on, as Anki keeps its revlog. reviews.card_id is
-- therefore a plain number, no longer a foreign key that deleted the history with the card;
-- cards.insertCard never hands a reviewed card's id to a new card.
CREATE TABLE reviews_new (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  card_id INTEGER NOT NULL,
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
INSERT INTO reviews_new SELECT seq, id, card_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
  scheduled_days, learning_steps, review, next_state, next_due, reviewed_at, duration_ms, answer, score, prev FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;
CREATE INDEX reviews_time ON reviews(reviewed_at, state, rating, duration_ms);
CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);
