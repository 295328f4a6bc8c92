package app.soapstone.careplan;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.util.List;

/** Care-plan exports; only ever added. */
interface CarePlanExportRepository extends Repository<CarePlanExport, Long> {

    CarePlanExport save(CarePlanExport export);

    @Query("SELECT * FROM care_plan_export WHERE client_id = :clientId ORDER BY exported_at, id")
    List<CarePlanExport> findByClient(long clientId);
}
