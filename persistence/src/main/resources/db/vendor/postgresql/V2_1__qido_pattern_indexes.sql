-- PostgreSQL only (H2 has its own V2_1): indexes that serve prefix wild cards ('yama*' becomes
-- LIKE 'yama%'). Under any collation but "C" a plain B-tree cannot answer LIKE; the
-- varchar_pattern_ops operator class compares code point by code point and can.
-- Equality keeps using the V2 indexes.
CREATE INDEX ix_study_patient_alpha_like ON study (patient_alpha varchar_pattern_ops);
CREATE INDEX ix_study_patient_ideo_like ON study (patient_ideo varchar_pattern_ops);
CREATE INDEX ix_study_patient_phon_like ON study (patient_phon varchar_pattern_ops);
CREATE INDEX ix_study_referring_alpha_like ON study (referring_alpha varchar_pattern_ops);
CREATE INDEX ix_study_patient_id_like ON study (patient_id varchar_pattern_ops);
CREATE INDEX ix_study_accession_like ON study (accession_no varchar_pattern_ops);
