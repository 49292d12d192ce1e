/**
 * Hospital integration (医院对接) on HL7 FHIR R4: hospital systems registered as SMART Backend Services
 * clients (their keys, scopes, used assertions), members' consents to each hospital, and what those
 * clients may read and write: people as Patient, readings as Observation. Owns fhir_clients,
 * fhir_used_assertions, hospital_consents and fhir_observation_ids. Observes nothing yet; calls the
 * services of member, health and care, and nothing below imports it.
 */
package health.leiming.interop;
