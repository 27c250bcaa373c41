-- Version 3: a covering index for progress sums, so that the left panel and the boards
-- read insats counts from the index alone (measured: first frame with 1 000 000 insatser).
CREATE INDEX activity_tally ON activity(commitment_id, target_id, date, count);
