package fitcoach.boot;

import fitcoach.activities.ActivityModule;
import fitcoach.activities.ActivityStore;
import fitcoach.activities.ChangeFeed;
import fitcoach.analytics.AnalyticsModule;
import fitcoach.analytics.LoadService;
import fitcoach.app.AppConfig;
import fitcoach.app.ConnectionLimits;
import fitcoach.app.DatabaseUrl;
import fitcoach.app.EmbeddedDatabase;
import fitcoach.app.ErrorHandler;
import fitcoach.app.Feature;
import fitcoach.app.RequestGuard;
import fitcoach.app.SecretBox;
import fitcoach.auth.AuthHandler;
import fitcoach.auth.AuthModule;
import fitcoach.backup.BackupModule;
import fitcoach.coach.CoachModule;
import fitcoach.demo.DemoModule;
import fitcoach.demo.DemoService;
import fitcoach.export.ExportModule;
import fitcoach.health.HealthModule;
import fitcoach.imports.ImportModule;
import fitcoach.map.MapModule;
import fitcoach.mcp.McpModule;
import fitcoach.metrics.Meters;
import fitcoach.metrics.MetricsModule;
import fitcoach.openapi.OpenApiModule;
import fitcoach.privacy.PrivacyModule;
import fitcoach.progress.ProgressModule;
import fitcoach.settings.ProfileRepository;
import fitcoach.settings.SettingsModule;
import fitcoach.settings.ThresholdSuggestions;
import fitcoach.strava.StravaModule;
import fitcoach.coach.tools.CoachTools;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.tokens.TokenModule;
import fitcoach.usage.UsageModule;
import fitcoach.plan.PlanModule;
import fitcoach.wellness.WellnessModule;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The composition root: builds each feature once, by constructor, from what it needs. Services that several features
 * share are built first; then the features, in the order their routes are matched. A new feature is one more line in
 * that list (its {@code XModule} says what it mounts, deploys and recovers).
 */
record Wiring(HttpVerticle.Api api, DemoService demo, ActivityStore store) {

  static Wiring build(Vertx vertx, Pool pool, AppConfig config, java.time.Clock clock, Supplier<DatabaseUrl> databaseUrl,
                      Supplier<Optional<EmbeddedDatabase.Status>> embedded) {
    SecretBox secretBox = new SecretBox(config.apiKeyEncryptionKey().orElseThrow());
    // /metrics, and what Strava, imports and the coach record into (nothing when metrics are off).
    MetricsModule metrics = new MetricsModule(vertx, config);
    Meters meters = metrics.meters();
    AuthModule auth = new AuthModule(vertx, pool, config);
    AuthHandler requireUser = auth.requireUser();
    ProfileRepository profiles = new ProfileRepository(pool);
    ThresholdSuggestions suggestions = new ThresholdSuggestions(pool, profiles.thresholds());
    LoadService load = LoadService.create(pool, profiles, suggestions);
    // Every write to activities goes through the store; it names this process in the database's change announcements,
    // so the feed can tell this process's writes from another writer's.
    String instance = UUID.randomUUID().toString();
    // Weekly zone times cut each activity by the thresholds in force on its date.
    ProgressModule progress = new ProgressModule(pool, userId -> load.dated(userId).map(dated -> dated::on),
        userId -> load.series(userId).map(snapshot -> snapshot.series().today()),
        (userId, watts, from, activityId, evidence) -> suggestions.offer(userId, fitcoach.load.ThresholdKind.FTP, watts, from,
            activityId, evidence), requireUser);
    // Stream writes also poke the stored-analysis worker, from this process's store and from other writers' (the feed).
    ActivityStore.Changes changes = progress.poking(vertx, load);
    ActivityStore store = new ActivityStore(pool, instance, changes, clock);
    ChangeFeed feed = new ChangeFeed(databaseUrl, instance, changes, load::everythingMayHaveChanged);
    SettingsModule settings = new SettingsModule(pool, secretBox, config, profiles, suggestions, load::thresholdsChanged,
        requireUser);
    DemoModule demo = new DemoModule(pool, store, requireUser);
    // Privacy zones: every feature that hands out positions asks privacy.service().zonesFor(userId).
    PrivacyModule privacy = new PrivacyModule(pool, requireUser);
    long maxUploadBytes = config.imports().maxUploadBytes();
    // The cost ledger: the coach records every model call and checks the month's budget through usage.ledger().
    UsageModule usage = new UsageModule(pool, clock, requireUser);
    // The coach's tools: one registry for the coach and for MCP clients.
    RequestGuard guard = new RequestGuard(config);
    TokenModule tokens = new TokenModule(pool, requireUser);
    WellnessModule wellness = new WellnessModule(pool, requireUser);
    // The plan before the tools: planned_workouts and propose_plan read it.
    PlanModule plan = new PlanModule(pool, tokens.service(), load::dated,
        userId -> load.series(userId).map(snapshot -> snapshot.series()), requireUser);
    ToolRegistry tools = CoachTools.create(pool, load, profiles, plan.service());
    ExportModule export = new ExportModule(vertx, pool, store, requireUser, config.dataDir(), maxUploadBytes, privacy.service());
    List<Feature> features = List.of(
        new HealthModule(pool, embedded),
        metrics,
        new OpenApiModule(),
        auth,
        settings,
        privacy,
        new ActivityModule(store, feed, load, profiles, requireUser, privacy.service()),
        new AnalyticsModule(pool, load, plan.service()::chartPlan, progress::seasonBest, requireUser),
        progress,
        demo,
        new StravaModule(vertx, pool, config, clock, secretBox, load, store, settings.policies(), auth.service(),
            requireUser, privacy.service(), meters),
        new ImportModule(pool, store, load, requireUser, config.dataDir(), config.imports().keepOriginals(), maxUploadBytes,
            wellness.service()::storeFit, meters),
        export,
        // The nightly backup writes the same zip as the export.
        new BackupModule(vertx, pool, export.service(), config.dataDir(), config.backups(), clock, requireUser),
        usage,
        tokens,
        wellness,
        plan,
        new MapModule(pool, config.map(), privacy.service(), requireUser),
        new McpModule(tools, load, tokens.service(), guard),
        new CoachModule(vertx, pool, config.coach(), settings.apiKeys(), profiles, settings.policies(), load, usage.ledger(),
            tools, wellness.service()::days, plan.service()::workouts, requireUser, meters));

    HttpVerticle.Api api = new HttpVerticle.Api(guard, new ErrorHandler(),
        new ConnectionLimits(config.http()), requireUser, features);
    return new Wiring(api, demo.service(), store);
  }
}
