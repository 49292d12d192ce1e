/**
 * What we offer and who does it: the service catalog, hospitals, departments, doctors, staff
 * (companions), the slot grid, and appointments in it (a reservation claims a companion's slots).
 * Owns services, hospitals, departments, doctors, staff (with its services and hospitals),
 * appointments and staff_slot_claims. Knows an appointment's order only by its id. Uses member and
 * platform.
 */
package health.leiming.care;
