/**
 * Active Objects upgrade tasks ({@code ActiveObjectsUpgradeTask}), registered as {@code <upgradeTask>} in the
 * {@code <ao>} module. Each task keeps a frozen copy of the entity as it was, works in batches, and only ever
 * adds columns or tables: table and column names never change after a release. Schema 2: {@link
 * dev.jirapat.store.upgrade.NoticeStageUpgrade} (expiry notices), with its frozen entities in {@code v2}.
 */
package dev.jirapat.store.upgrade;
