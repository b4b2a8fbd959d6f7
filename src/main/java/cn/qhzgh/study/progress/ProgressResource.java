package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = StudyApi.PROGRESS)
@Path("/api/v1/me/progress")
@RolesAllowed(Roles.WORKER)
public class ProgressResource {

    private final ProgressSyncService sync;
    private final CallerService callers;

    public ProgressResource(ProgressSyncService sync, CallerService callers) {
        this.sync = sync;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "syncProgress", summary = "Send queued reading events",
            description = "Always 200 for a well-formed batch, with one result per event in order: ACCEPTED, "
                    + "DUPLICATE (already recorded; nothing changed) or REJECTED (with a problem). Valid events are "
                    + "stored even when others are rejected. A malformed envelope gets 400 and stores nothing. "
                    + "An event claims the secondsSpent before its occurredAt; of that, it is credited the seconds no "
                    + "other event of the worker was credited (a second of wall-clock time counts once), and a module "
                    + "at most a multiple of its readingMinutes (study.progress.credit.module-multiple, 3). Records, "
                    + "statistics and xAPI count credited time; completing a module needs a share of its reading "
                    + "time credited (study.progress.credit.completion-minimum-fraction, a third).")
    public SyncResponse sync(@Valid @NotNull ProgressBatch batch) {
        return sync.sync(callers.current(), batch.events());
    }
}
