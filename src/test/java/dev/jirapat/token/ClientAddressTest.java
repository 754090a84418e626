package dev.jirapat.token;

import org.junit.Test;

import static org.junit.Assert.assertEquals;

public class ClientAddressTest {
    @Test
    public void containerSpellingsOfTheSameClientBecomeOneLiteral() {
        String[][] table = {
                {"127.0.0.1", "127.0.0.1"},
                {" 10.1.2.3 ", "10.1.2.3"},
                {"[0:0:0:0:0:0:0:1]", "0:0:0:0:0:0:0:1"}, // Jetty 9.4
                {"0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1"}, // Tomcat
                {"fe80::1%eth0", "fe80::1"},
                {"[fe80::1%2]", "fe80::1"},
                {"[", "["},
                {"", ""},
                {null, ""},
        };
        for (String[] row : table) {
            assertEquals(String.valueOf(row[0]), row[1], ClientAddress.normalise(row[0]));
        }
    }
}
