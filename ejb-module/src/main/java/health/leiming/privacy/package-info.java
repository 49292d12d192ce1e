/**
 * Personal-information rights under PIPL: consent documents (versioned, never edited once published)
 * and each member's acceptances and withdrawals; the export of everything held about a member, at once
 * or as an archive prepared in the background (DataExports); the erasure of accounts whose deletion
 * cooling-off has ended. Owns consent_documents, consent_records and data_exports.
 * Answers platform.Consents for the other contexts; uses platform and member (whose people, which
 * accounts are due), and every context's part through platform.PersonalData and platform.Erasure.
 */
package health.leiming.privacy;
