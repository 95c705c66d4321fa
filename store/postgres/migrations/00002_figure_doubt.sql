-- +goose Up
-- Figures kept for the record but out of the trend say why.
ALTER TABLE trade_figures ADD COLUMN doubt TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE trade_figures DROP COLUMN doubt;
