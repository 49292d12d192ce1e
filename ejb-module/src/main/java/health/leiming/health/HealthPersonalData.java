package health.leiming.health;

import health.leiming.platform.Page;
import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The health data of each of the member's people, for the export: the health profile, every reading
 * with its earlier versions, the plans, the reports and the lab reports from hospitals. Read through the
 * services, so each read is checked and audited like the member's own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HealthPersonalData implements PersonalData {

    @Inject
    HealthProfileService profiles;

    @Inject
    HealthRecordService records;

    @Inject
    HealthPlanService plans;

    @Inject
    HealthReports reports;

    @Inject
    LabReports labReports;

    public record PersonHealth(String personId, ProfileView profile, List<Reading> records, List<PlanView> plans,
            List<ReportView> reports, List<LabReportView> labReports) {
    }

    /** A reading and, when it was corrected, its earlier versions. */
    public record Reading(RecordView record, List<HealthRecordRevision.RevisionView> history) {
    }

    @Override
    public String area() {
        return "health";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        return personIds.stream().map(personId -> new PersonHealth(personId, profiles.get(memberId, personId),
                Page.all(page -> records.list(memberId, personId, null, null, null, page)).stream()
                        .map(r -> new Reading(r, r.revisions() == 0 ? List.of() : records.history(memberId, r.id())))
                        .toList(),
                plans.list(memberId, personId),
                Page.all(page -> reports.list(memberId, personId, page)).stream()
                        .map(summary -> reports.get(memberId, summary.id())).toList(),
                Page.all(page -> labReports.list(memberId, personId, page)).stream()
                        .map(summary -> labReports.get(memberId, summary.id())).toList()))
                .toList();
    }
}
