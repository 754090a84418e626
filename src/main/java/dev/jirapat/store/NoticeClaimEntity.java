package dev.jirapat.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The lock that makes an expiry-notice claim atomic on every database: a row per claimed notice, unique on
 * {@code <token id>:<expiry millis>:<stage>}, so of two runs claiming the same notice at once exactly one insert
 * succeeds. The state itself is the token's {@code NOTICE_STAGE}; a claim row is only needed while a race is
 * possible, and pruning deletes those older than a day. Never leaves this package.
 */
@Table("NOTICE_CLAIM")
@Preload
public interface NoticeClaimEntity extends Entity {
    String ID = "ID";
    String CLAIM = "CLAIM";
    String TOKEN_ID = "TOKEN_ID";
    String CLAIMED = "CLAIMED";

    @NotNull
    @Unique
    String getClaim();

    void setClaim(String claim);

    @NotNull
    @Indexed
    Integer getTokenId();

    void setTokenId(Integer tokenId);

    @NotNull
    @Indexed
    Date getClaimed();

    void setClaimed(Date claimed);
}
