-- A term the user already knows (Lute's "well known"): it stays in the termbase, is found in
-- texts, marked in the reader and exported, but its cards leave the drill (cards.hidden bit 4)
-- until the user wants it drilled again.
ALTER TABLE terms ADD COLUMN known INTEGER NOT NULL DEFAULT 0 CHECK (known IN (0, 1));
