package app.soapstone.careplan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** The read side of care plans given that spans clients: whose last visit has no plan given yet. */
@Repository
class CarePlanQueries {

    private final JdbcClient jdbc;

    CarePlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of {@code clientIds}, those whose latest session (as the plan's "latest" is chosen: by start,
     * then id) has no care plan given for it: none exported naming it, nor any since it was
     * recorded. A see-a-doctor sheet is not the plan. One query for all the clients.
     */
    List<CarePlanService.PlanDue> notGivenSinceLastVisit(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.id, s.client_id, s.started_at FROM session s
                        WHERE s.client_id IN (:clients)
                          AND NOT EXISTS (SELECT 1 FROM session later WHERE later.client_id = s.client_id
                                          AND (later.started_at > s.started_at
                                               OR later.started_at = s.started_at AND later.id > s.id))
                          AND NOT EXISTS (SELECT 1 FROM care_plan_export e WHERE e.client_id = s.client_id
                                          AND e.kind = 'care-plan' AND (e.session_id = s.id OR e.exported_at >= s.created_at))
                        ORDER BY s.client_id""")
                .param("clients", clientIds)
                .query((row, n) -> new CarePlanService.PlanDue(row.getLong("client_id"), row.getLong("id"),
                        LocalDateTime.parse(row.getString("started_at"))))
                .list();
    }
}
