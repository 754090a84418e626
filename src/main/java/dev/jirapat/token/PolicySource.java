package dev.jirapat.token;

/** Port: the policy in force now (JVM-property defaults plus stored overrides). */
public interface PolicySource {
    TokenPolicy policy();
}
