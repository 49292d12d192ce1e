-- AI interpretation (issue 7, seed: ai_interpretations): what was read (the values, no identifiers),
-- what the interpreter said, which interpreter it was.

CREATE TABLE ai_interpretations (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  user_id          VARCHAR(36)  NOT NULL,
  person_id        VARCHAR(36),
  report_type      VARCHAR(20)  NOT NULL,
  original_data    TEXT NOT NULL,
  interpretation   TEXT NOT NULL,
  confidence_score DECIMAL(5,4) NOT NULL,
  suggestions      TEXT NOT NULL,
  interpreter      VARCHAR(100) NOT NULL,
  is_read          BOOLEAN      NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_ai_interpretations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_ai_interpretations_type CHECK (report_type IN ('report', 'records', 'lab'))
);
CREATE INDEX idx_ai_interpretations_user ON ai_interpretations (user_id, created_at);
