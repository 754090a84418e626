package dev.jirapat.store;

import org.junit.Test;

import static org.junit.Assert.fail;

/**
 * Says in one visible line whether the PostgreSQL store tier runs, and fails under CI when it cannot:
 * CI must prove the store on PostgreSQL, the database two Data Center nodes share.
 */
public class PostgresTierTest {
    @Test
    public void postgresTierWhenCiThenConfigured() {
        String url = System.getenv("PAT_TEST_POSTGRES_URL");
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty();
        if (url == null || url.isEmpty()) {
            if (ci) {
                fail("CI is set but PAT_TEST_POSTGRES_URL is not: the PostgreSQL store tier would silently not run");
            }
            System.out.println("[store] PostgreSQL tier skipped: PAT_TEST_POSTGRES_URL is not set (HSQLDB and H2 ran)");
        } else {
            System.out.println("[store] PostgreSQL tier runs against " + url.replaceAll("password=[^&]*", "password=***"));
        }
    }
}
