package dev.jirapat.devhost;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Properties;

/**
 * Stands in for the dev host's main class in {@link DevHostLauncherIT}: prints the system properties and the JVM
 * options it was started with, as a properties file on stdout.
 */
public final class PrintJvmArguments {
    private PrintJvmArguments() {
    }

    public static void main(String[] args) throws IOException {
        Properties out = new Properties();
        System.getProperties().stringPropertyNames().forEach(name -> out.setProperty("property." + name, System.getProperty(name)));
        out.setProperty("jvm.options", String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.store(System.out, null);
    }
}
