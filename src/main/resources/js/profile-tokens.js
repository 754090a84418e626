/*
 * The profile panel: lists tokens from the REST API and creates, rotates and revokes them. The panel's mode
 * (data-mode, the names of dev.jirapat.web.ProfilePanelMode) says whose: OWN, the viewer's own tokens; ADMIN, a
 * system administrator viewing another user's (data-user-key), who may only revoke.
 */
(function ($, window) {
    'use strict';

    $(function () {
        var $panel = $('#pat-panel');
        if (!$panel.length) {
            return;
        }
        var pat = window.JiraPat;
        var own = $panel.attr('data-mode') === 'OWN';
        var $error = $('#pat-panel-error');
        var $tbody = $('#pat-tokens tbody');
        var loads = 0;

        /** Where focus goes when the control that had it leaves the page (its token was revoked). */
        function focusFallback() {
            return own ? $('#pat-create')[0] : $('#pat-panel-title')[0];
        }

        function actions(token) {
            var $actions = $();
            if (own && pat.rotatable(token)) {
                $actions = $actions.add($('<button type="button" class="aui-button aui-button-link pat-rotate">')
                    .text(AJS.I18n.getText('pat.action.rotate'))
                    .attr('aria-label', AJS.I18n.getText('pat.action.rotate.token', token.name)));
            }
            return $actions.add($('<button type="button" class="aui-button aui-button-link pat-revoke">')
                .text(AJS.I18n.getText('pat.action.revoke'))
                .attr('aria-label', AJS.I18n.getText('pat.action.revoke.token', token.name)));
        }

        function render(tokens) {
            pat.renderRows($tbody, tokens, function (token) { return pat.tokenRow(token, {actions: actions}); }, focusFallback);
            $('#pat-loading').addClass('hidden');
            $('#pat-tokens').toggleClass('hidden', tokens.length === 0);
            $('#pat-empty').toggleClass('hidden', tokens.length > 0);
        }

        /** Another user's tokens through the admin search, page by page (newest first, as the owner's list). */
        function userTokens(userKey) {
            var all = [];
            var result = $.Deferred();
            (function page(n) {
                pat.api('POST', '/tokens/search', {userKeys: [userKey], sortBy: 'createdAt', orderBy: 'desc', page: n, limit: 1000})
                    .done(function (found) {
                        all = all.concat(found.values);
                        if (found.isLastPage || found.values.length === 0) {
                            result.resolve(all);
                        } else {
                            page(n + 1);
                        }
                    }).fail(result.reject);
            }(0));
            return result.promise();
        }

        /** (Re)loads the list; only the answer to the latest load is shown. */
        function load() {
            var mine = ++loads;
            var call = own ? pat.api('GET', '/tokens') : userTokens($panel.attr('data-user-key'));
            return call.done(function (tokens) {
                if (mine === loads) {
                    render(tokens);
                }
            }).fail(function (xhr) {
                if (mine === loads) {
                    $('#pat-loading').addClass('hidden');
                    pat.showMessage($error, pat.errorText(xhr));
                }
            });
        }

        // --- create (own profile only) ------------------------------------------------------------------------
        if (own) {
            var form = pat.createForm({
                path: '/tokens',
                policy: function () { return pat.policyOf($panel); },
                created: function (created, trigger) {
                    pat.showToken(created.rawToken, load, {trigger: trigger, fallback: focusFallback});
                }
            });
            $('#pat-create').on('click', function () {
                form.open(this);
            });
        }

        // --- rotate and revoke --------------------------------------------------------------------------------
        // Rotate asks first: the old secret stops working at once. The new token shows once the question has
        // closed, so the two dialogs never stack.
        $panel.on('click', '.pat-rotate', function () {
            var button = this;
            var $row = $(button).closest('tr');
            var id = $row.attr('data-token-id');
            pat.clearMessage($error);
            pat.confirm({
                title: AJS.I18n.getText('pat.rotate.title'),
                text: AJS.I18n.getText('pat.rotate.confirm'),
                name: $row.attr('data-token-name'),
                action: AJS.I18n.getText('pat.action.rotate'),
                trigger: button,
                fallback: focusFallback,
                run: function () {
                    return pat.api('POST', '/tokens/' + encodeURIComponent(id) + '/rotate').done(function (rotated) {
                        window.setTimeout(function () {
                            pat.showToken(rotated.rawToken, load, {trigger: button, fallback: focusFallback});
                        }, 0);
                    }).fail(function (xhr) {
                        pat.showMessage($error, pat.errorText(xhr));
                    });
                }
            });
        });

        $panel.on('click', '.pat-revoke', function () {
            var $row = $(this).closest('tr');
            var id = $row.attr('data-token-id');
            pat.clearMessage($error);
            pat.confirm({
                title: AJS.I18n.getText('pat.revoke.title'),
                text: AJS.I18n.getText('pat.revoke.confirm'),
                name: $row.attr('data-token-name'),
                action: AJS.I18n.getText('pat.action.revoke'),
                trigger: this,
                fallback: focusFallback,
                run: function () {
                    return pat.api('DELETE', '/tokens/' + encodeURIComponent(id)).done(load).fail(function (xhr) {
                        pat.showMessage($error, pat.errorText(xhr));
                    });
                }
            });
        });

        load();
        // Arrived through the user menu's "Personal access tokens" (…#pat-panel): start keyboard users here too.
        if (window.location.hash === '#pat-panel') {
            $('#pat-panel-title').trigger('focus');
        }
    });
}(AJS.$, window));
