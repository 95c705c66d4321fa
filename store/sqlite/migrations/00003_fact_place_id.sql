-- +goose Up
-- A disruption fact names the place it closes or reopens by the dataset's id.
ALTER TABLE facts ADD COLUMN place_id TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE facts DROP COLUMN place_id;
