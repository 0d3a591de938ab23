package io.indobase.realtime.testkit;

/**
 * The credentials the test servers are configured with (arquillian.xml, the system test's domain): the demo realm's
 * users (config/realm), the test JWT issuer ({@link Tokens#forTests()}) and four API keys whose secrets are here.
 */
public final class SecurityFixtures {

    /** The project the security tests use; {@link #SUBSCRIBE_KEY} is for it alone. */
    public static final String PROJECT = "security";
    /** Scope subscribe, project {@link #PROJECT}. */
    public static final String SUBSCRIBE_KEY = "rk_it-sub_" + "11".repeat(32);
    /** Scope ingest, any project. */
    public static final String INGEST_KEY = "rk_it-ingest_" + "22".repeat(32);
    /** Scopes subscribe and ingest, project {@code elsewhere} only. */
    public static final String OTHER_PROJECT_KEY = "rk_it-other_" + "33".repeat(32);
    /** Scope ingest, project {@code elsewhere} only: the ingest rate test uses it up. */
    public static final String RATE_KEY = "rk_it-rate_" + "44".repeat(32);
    /** The {@code realtime.keys} entries of those keys (SHA-256 of each secret). */
    public static final String KEYS_CONFIG =
            "it-sub:security:subscribe:3138bb9bc78df27c473ecfd1410f7bd45ebac1f59cf3ff9cfe4db77aab7aedd3,"
            + "it-ingest:*:ingest:4f2e8d65483c641648cdb374ae9d8abd368d269e4ddffe092a8237b8162cddd6,"
            + "it-other:elsewhere:subscribe|ingest:79bd7d7fd684b399857c582b1b7172ddf277d4fe1b027ec52b28da3ae381e675,"
            + "it-rate:elsewhere:ingest:f435f2420b50c70ec80865cf8e20b169874165fb8576b48633caf2a8176d2e4a";

    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "alice-demo";
    public static final String BOB = "bob";
    public static final String BOB_PASSWORD = "bob-demo";
    /** In no group at all. */
    public static final String CAROL = "carol";
    public static final String CAROL_PASSWORD = "carol-demo";

    private SecurityFixtures() {
    }
}
