package cn.qhzgh.study.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's sign-in settings, public because the browser needs them before anyone has signed in. They belong to
 * the console's static files, not to the API: outside /api/v1 and left out of the contract.
 */
@Path("/console/settings")
@PermitAll
public class ConsoleSettingsResource {

    private final ConsoleSignIn signIn;

    public ConsoleSettingsResource(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response settings() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(signIn.settings()).cacheControl(noStore).build();
    }
}
