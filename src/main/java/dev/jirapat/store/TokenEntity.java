package dev.jirapat.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The token row: table {@code AO_<md5 of dev.jirapat>_TOKEN}. Never leaves this package. Names are short
 * (Oracle's 30-character limit) and never change; schema changes add columns, never drop them (README).
 */
@Table("TOKEN")
@Preload
// One index per admin-search sort column, each ending with the ties' order (created, then id), so a page is read in
// index order and the count of a filtered search reads an index instead of the table. Additions only: the
// single-column @Indexed ones stay, and nothing is renamed or dropped.
@Indexes({
        @Index(name = "tok_name", methodNames = {"getNameLower", "getCreated", "getID"}),
        @Index(name = "tok_created", methodNames = {"getCreated", "getID"}),
        @Index(name = "tok_expires", methodNames = {"getExpires", "getCreated", "getID"}),
        @Index(name = "tok_used", methodNames = {"getLastUsed", "getCreated", "getID"}),
        @Index(name = "tok_owner", methodNames = {"getOwnerKey", "getCreated", "getID"})
})
public interface TokenEntity extends Entity {
    String ID = "ID";
    String OWNER_KEY = "OWNER_KEY";
    String NAME = "NAME";
    String NAME_LOWER = "NAME_LOWER";
    String CREATED = "CREATED";
    String EXPIRES = "EXPIRES";
    String LAST_USED = "LAST_USED";
    String LAST_USED_IP = "LAST_USED_IP";
    String SCOPE = "SCOPE";
    String ALLOWED_IPS = "ALLOWED_IPS";
    String CREATED_BY = "CREATED_BY";
    String HASH = "HASH";
    String HASH_ALG = "HASH_ALG";
    String HINT = "HINT";
    String SLOT = "SLOT";
    String NOTICE_STAGE = "NOTICE_STAGE";
    String ORIGIN = "ORIGIN";
    String BUILTIN_ID = "BUILTIN_ID";

    @NotNull
    @Indexed
    String getOwnerKey();

    void setOwnerKey(String ownerKey);

    @NotNull
    String getName();

    void setName(String name);

    /** Lower-cased name for case-insensitive search without a database-specific function. */
    @NotNull
    String getNameLower();

    void setNameLower(String nameLower);

    @NotNull
    Date getCreated();

    void setCreated(Date created);

    /** A never-expiring token stores {@link AoTokenStore#NEVER} (9999-12-31), as Jira's built-in app does. */
    @NotNull
    @Indexed
    Date getExpires();

    void setExpires(Date expires);

    Date getLastUsed();

    void setLastUsed(Date lastUsed);

    String getLastUsedIp();

    void setLastUsedIp(String lastUsedIp);

    @NotNull
    String getScope();

    void setScope(String scope);

    /** Comma-separated canonical CIDR ranges; empty for "any address". */
    @StringLength(450)
    String getAllowedIps();

    void setAllowedIps(String allowedIps);

    @NotNull
    String getCreatedBy();

    void setCreatedBy(String createdBy);

    /** Hex digest of the whole token (see HASH_ALG). */
    @NotNull
    @Unique
    String getHash();

    void setHash(String hash);

    @NotNull
    String getHashAlg();

    void setHashAlg(String hashAlg);

    @NotNull
    String getHint();

    void setHint(String hint);

    /**
     * The token's place under its owner's limit: {@code <digest of owner key>:<n>}, unique, so two nodes racing
     * to create a user's last allowed token cannot both succeed. An imported token's place is
     * {@code <digest of owner key>:b<built-in TOKEN_ID>}: it counts, but is never one a new token competes for.
     */
    @NotNull
    @Unique
    String getSlot();

    void setSlot(String slot);

    /**
     * The last expiry notice claimed for the current expiry: days of an "expires soon" notice, 0 for "expired",
     * null for none. Reset by a rotation (a new expiry). Added in schema 2 ({@code upgrade.NoticeStageUpgrade}).
     */
    Integer getNoticeStage();

    void setNoticeStage(Integer noticeStage);

    /** Who issued the secret: null (ours; rows from before this column) or {@code builtin} (imported). */
    String getOrigin();

    void setOrigin(String origin);

    /**
     * An imported token's {@code TOKEN_ID} in Jira's built-in app (12 digits), while its secret is the built-in one;
     * null for ours and after a rotation. Indexed: every built-in-shaped Bearer token is looked up by it. Not
     * unique in the schema (SQL Server allows one NULL per unique column); the import keeps it unique.
     */
    @Indexed
    String getBuiltinId();

    void setBuiltinId(String builtinId);
}
