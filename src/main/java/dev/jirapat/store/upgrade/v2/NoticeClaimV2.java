package dev.jirapat.store.upgrade.v2;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/** The notice-claim row as schema 2 has it, frozen for the upgrade task. Never change it. */
@Table("NOTICE_CLAIM")
@Preload
public interface NoticeClaimV2 extends Entity {
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
