package com.northbridge.assistant.eval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.security.Caller;
import com.northbridge.assistant.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;

/** Engineers start evaluation runs in the service and read past runs with their reports. */
@Path("/api/evals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ENGINEER)
@Blocking
public class EvalRunResource {

    private static final Logger LOG = Logger.getLogger(EvalRunResource.class);

    public record RunRequest(List<String> suites, Integer repeat, Integer concurrency) {
    }

    private final EvalRunner runner;
    private final EvalConfig config;
    private final ManagedExecutor executor;
    private final Caller caller;

    public EvalRunResource(EvalRunner runner, EvalConfig config, ManagedExecutor executor, Caller caller) {
        this.runner = runner;
        this.config = config;
        this.executor = executor;
        this.caller = caller;
    }

    @POST
    @Path("/runs")
    public Response start(RunRequest request) {
        RunRequest r = request == null ? new RunRequest(null, null, null) : request;
        int repeat = r.repeat() == null ? 1 : r.repeat();
        int concurrency = r.concurrency() == null ? 4 : r.concurrency();
        if (repeat < 1 || repeat > 10) {
            throw ApiException.badRequest("repeat", "repeat is between 1 and 10.");
        }
        if (concurrency < 1 || concurrency > 32) {
            throw ApiException.badRequest("concurrency", "concurrency is between 1 and 32.");
        }
        EvalPlan plan;
        try {
            plan = EvalPlan.of(config, r.suites() == null ? List.of() : r.suites());
        } catch (SuiteLoader.MalformedSuite e) {
            throw ApiException.badRequest("suites", e.getMessage());
        }
        EvalRun run = new EvalRun();
        run.id = UUID.randomUUID();
        run.status = "running";
        run.requestedBy = caller.id();
        run.suites = plan.names().toArray(String[]::new);
        run.repeat = repeat;
        run.concurrency = concurrency;
        run.startedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(run::persist);
        UUID id = run.id;
        executor.runAsync(() -> execute(id, plan, repeat, concurrency));
        return Response.accepted(summary(run)).build();
    }

    private void execute(UUID id, EvalPlan plan, int repeat, int concurrency) {
        try {
            EvalResults.Report report = runner.run(id, plan, repeat, concurrency, line -> LOG.debugf("eval %s %s", id, line));
            String json = EvalReports.JSON.writeValueAsString(report);
            QuarkusTransaction.requiringNew().run(() -> {
                EvalRun run = EvalRun.findById(id);
                run.status = report.passed() ? "passed" : "failed";
                run.finishedAt = Instant.now();
                run.target = report.target();
                run.model = report.model();
                run.passRate = Double.isNaN(report.metrics().passRate()) ? null : report.metrics().passRate();
                run.report = json;
                run.markdown = EvalReports.markdown(report);
                run.html = EvalReports.html(report);
            });
        } catch (Exception e) {
            LOG.errorf(e, "Evaluation run %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> {
                EvalRun run = EvalRun.findById(id);
                run.status = "error";
                run.finishedAt = Instant.now();
                run.error = e.toString();
            });
        }
    }

    @GET
    @Path("/runs")
    public List<Map<String, Object>> runs() {
        return QuarkusTransaction.requiringNew().call(() -> EvalRun.<EvalRun>findAll(Sort.descending("startedAt")).page(0, 100).list()
                .stream().map(EvalRunResource::summary).toList());
    }

    @GET
    @Path("/runs/{id}")
    public Response run(@RestPath String id) {
        EvalRun run = find(id);
        if (run.report == null) {
            return Response.ok(summary(run)).build();
        }
        return Response.ok(run.report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/runs/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public String html(@RestPath String id) {
        EvalRun run = find(id);
        if (run.html == null) {
            throw ApiException.conflict("run_not_finished", "Run " + id + " is " + run.status + "; its report is not ready.");
        }
        return run.html;
    }

    @GET
    @Path("/runs/{id}/report.md")
    @Produces("text/markdown")
    public String markdown(@RestPath String id) {
        EvalRun run = find(id);
        if (run.markdown == null) {
            throw ApiException.conflict("run_not_finished", "Run " + id + " is " + run.status + "; its report is not ready.");
        }
        return run.markdown;
    }

    @GET
    @Path("/compare")
    public EvalComparison compare(@RestQuery String before, @RestQuery String after) throws Exception {
        EvalRun a = find(before == null ? "" : before, "before");
        EvalRun b = find(after == null ? "" : after, "after");
        if (a.report == null || b.report == null) {
            throw ApiException.conflict("run_not_finished", "Both runs must be finished to compare them.");
        }
        return EvalComparison.of(EvalReports.JSON.readValue(a.report, EvalResults.Report.class),
                EvalReports.JSON.readValue(b.report, EvalResults.Report.class));
    }

    private EvalRun find(String id) {
        return find(id, "id");
    }

    private EvalRun find(String id, String field) {
        UUID uuid = ApiException.uuid(id, field, "The run id must be a UUID.");
        EvalRun run = QuarkusTransaction.requiringNew().call(() -> EvalRun.<EvalRun>findById(uuid));
        if (run == null) {
            throw ApiException.notFound("run", "There is no evaluation run " + id + ".");
        }
        return run;
    }

    private static Map<String, Object> summary(EvalRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id);
        m.put("status", run.status);
        m.put("requestedBy", run.requestedBy);
        m.put("suites", List.of(run.suites));
        m.put("repeat", run.repeat);
        m.put("concurrency", run.concurrency);
        m.put("startedAt", run.startedAt);
        m.put("finishedAt", run.finishedAt);
        m.put("target", run.target);
        m.put("model", run.model);
        m.put("passRate", run.passRate);
        m.put("error", run.error);
        return m;
    }
}
