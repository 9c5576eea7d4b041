-- The learning queue asks for the earliest learning or relearning card: "state IN (1, 3) ORDER BY
-- due". cards_queue_due, led by state, yields two ranges the planner merged with a sort of every
-- learning card on each call; led by due, this index hands over the earliest first. Its column
-- order (due, state, buried_until, rowid) is the order those sorted ties came in.
CREATE INDEX cards_queue_learning ON cards(due, state, buried_until) WHERE state IN (1, 3) AND suspended = 0 AND hidden = 0;
