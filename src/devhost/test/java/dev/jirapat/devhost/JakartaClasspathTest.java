package dev.jirapat.devhost;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * {@code mvn -Prun -Dpat.platform=11}: the host JVM's class path is the run profile's jakarta entries first, then
 * Maven's test class path without the javax classes and the javax lines' libraries.
 */
public class JakartaClasspathTest {
    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();

    private static final String REPO = "/home/u/.m2/repository/";

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    @Test
    public void jakartaClasspathWhenJavaxLibrariesAndClassesThenLeftOutAndTheLinesEntriesFirst() throws IOException {
        File testClasses = dir.newFolder("jira11", "test-classes");
        File jar = dir.newFile("jira-pat-jira11.jar");
        File libs = dir.newFolder("platform", "jira11");
        new File(libs, "tomcat-embed-core-10.1.49.jar").createNewFile();
        String javaxTestClasses = dir.getRoot() + "/test-classes";
        String javaxClasses = dir.getRoot() + "/classes";
        String kept1 = REPO + "com/h2database/h2/1.4.197/h2-1.4.197.jar";
        String kept2 = REPO + "org/apache/velocity/velocity/1.7/velocity-1.7.jar";
        String maven = path(javaxTestClasses, javaxClasses,
                REPO + "org/apache/tomcat/embed/tomcat-embed-core/9.0.98/tomcat-embed-core-9.0.98.jar",
                kept1,
                REPO + "org/springframework/spring-core/5.3.39/spring-core-5.3.39.jar",
                REPO + "org/springframework/spring-context/5.3.39/spring-context-5.3.39.jar",
                REPO + "com/sun/jersey/jersey-server/1.19.4/jersey-server-1.19.4.jar",
                REPO + "javax/ws/rs/jsr311-api/1.1.1/jsr311-api-1.1.1.jar",
                kept2,
                // same group, another artifact: kept
                REPO + "org/codehaus/jackson/jackson-mapper-asl/1.9.13/jackson-mapper-asl-1.9.13.jar");
        String front = path(testClasses.getPath(), jar.getPath(), libs.getPath() + File.separator + "*");
        String excludes = javaxTestClasses + "," + javaxClasses
                + ",org.apache.tomcat.embed:tomcat-embed-core, org.springframework:*,com.sun.jersey:*,javax.ws.rs:jsr311-api,"
                + "org.codehaus.jackson:jackson-jaxrs";

        String got = DevHostLauncher.jakartaClasspath(maven, front, excludes);

        assertEquals(Arrays.asList(testClasses.getPath(), jar.getPath(), libs.getPath() + File.separator + "*", kept1, kept2,
                REPO + "org/codehaus/jackson/jackson-mapper-asl/1.9.13/jackson-mapper-asl-1.9.13.jar"),
                Arrays.asList(got.split(File.pathSeparator)));
    }

    @Test
    public void jakartaClasspathWhenTheLinesJarNotBuiltThenSaysHowToBuildIt() throws IOException {
        File testClasses = dir.newFolder("test-classes");
        String missing = dir.getRoot() + "/jira-pat-jira11.jar";
        try {
            DevHostLauncher.jakartaClasspath("a.jar", path(testClasses.getPath(), missing), "");
            fail("started without the jira11 jar");
        } catch (DevHostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(missing) && e.getMessage().contains("mvn -Prun"));
        }
    }

    @Test
    public void jakartaClasspathWhenTheLinesLibrariesNotCopiedThenRefused() throws IOException {
        File empty = dir.newFolder("platform");
        try {
            DevHostLauncher.jakartaClasspath("a.jar", empty.getPath() + File.separator + "*", "");
            fail("started without the line's libraries");
        } catch (DevHostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(empty.getPath()));
        }
    }

    @Test
    public void jakartaClasspathWhenNotStartedByTheRunProfileThenSaysSo() {
        try {
            DevHostLauncher.jakartaClasspath("a.jar", null, null);
            fail("started without the run profile's class path");
        } catch (DevHostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(DevHostLauncher.JAKARTA_CLASSPATH)
                    && e.getMessage().contains("-Dpat.platform=10"));
        }
    }

    @Test
    public void jakartaClasspathWhenAnExcludeIsNotGroupAndArtifactThenRefused() throws IOException {
        File testClasses = dir.newFolder("test-classes");
        try {
            DevHostLauncher.jakartaClasspath("a.jar", testClasses.getPath(), "org.springframework");
            fail("took a malformed exclude");
        } catch (DevHostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("org.springframework"));
        }
    }
}
