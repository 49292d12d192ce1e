-- The report job reads a page of people's readings in one query over a range of person ids. Through the
-- (person, type, time) index each reading was a lookup of its row elsewhere in the table (rows lie in id
-- order, ids are random); this index holds every column the report reads, in the order it reads them, so
-- the page is one contiguous stretch of one index. It replaces the index it extends: the trend and the
-- dashboard read through its first columns as before.
DROP INDEX idx_health_records_person_type_time;
CREATE INDEX idx_health_records_person_type_time ON health_records
  (person_id, data_type, recorded_at, id, reading, diastolic, pulse, glucose_context);
