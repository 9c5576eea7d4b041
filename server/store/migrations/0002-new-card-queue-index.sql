-- Without statistics the planner preferred cards_queue_due for "state = 0 ORDER BY new_order"
-- and sorted every new card; leading with state makes the new-card index the better match.
DROP INDEX cards_queue_new;
CREATE INDEX cards_queue_new ON cards(state, new_order, buried_until) WHERE suspended = 0 AND hidden = 0;
