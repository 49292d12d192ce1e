/**
 * Personal-information rights under PIPL: consent documents (versioned, never edited once published)
 * and each member's acceptances and withdrawals. Owns consent_documents and consent_records. Answers
 * platform.Consents for the other contexts; uses platform only.
 */
package health.leiming.privacy;
