/*
 * Shared by the profile panel and the admin page. The server decides, this file renders.
 *
 * Where each rule lives:
 * - A token's status and whether it never expires are decided by the server (TokenStatus, under the policy's
 *   warning days, on the server's clock) and arrive with every token as `status` ("active", "expiresSoon",
 *   "expired") and `neverExpires`. Nothing here compares dates or knows how the API writes "never".
 * - The lozenge and label of each status (STATUSES, also the admin filter's choices), the scope labels (SCOPES),
 *   the one date rendering (dateElement: the viewer's time zone, exact UTC on hover), the filter's day boundaries
 *   (dayBoundary) and the token row (tokenRow) are here and nowhere else; the Velocity templates only render each
 *   page's skeleton.
 * - The create-token form (createForm) is one implementation for both pages; dialogs (openDialog), confirmations
 *   (confirm), double-submit guards (guard) and message areas (showMessage, clearMessage) go through the helpers.
 *
 * Every user-supplied string reaches the page through text() or attr(), never html().
 */
(function ($, window) {
    'use strict';

    var rest = AJS.contextPath() + '/rest/pat/latest';

    function api(method, path, body) {
        return $.ajax({
            url: rest + path,
            type: method,
            contentType: 'application/json',
            dataType: 'json',
            data: body === undefined ? undefined : JSON.stringify(body),
            headers: {'X-Atlassian-Token': 'no-check'}
        });
    }

    /** The server's message for a failed call (already in the user's language), or a generic one. */
    function errorText(xhr) {
        var json = xhr && xhr.responseJSON;
        if (json && typeof json.error === 'string' && json.error) {
            return json.error;
        }
        return AJS.I18n.getText('pat.error.generic');
    }

    /**
     * The request field a failed call was refused for: the wire name the server puts in its body's errors map
     * (e.g. "expirationDuration"), or null when the refusal is not about one field.
     */
    function errorField(xhr) {
        var errors = xhr && xhr.responseJSON && xhr.responseJSON.errors;
        if (errors && typeof errors === 'object') {
            var keys = Object.keys(errors);
            return keys.length ? keys[0] : null;
        }
        return null;
    }

    /**
     * Marks a field invalid for assistive technology (aria-invalid) and described by the message area that shows
     * why (aria-describedby gains its id), until clearInvalid; focus moves to the field.
     */
    function markInvalid($field, messageId) {
        $field.attr('aria-invalid', 'true').attr('aria-describedby',
            $.trim(($field.attr('aria-describedby') || '').replace(new RegExp('(^|\\s)' + messageId + '(?=\\s|$)'), '') + ' ' + messageId));
        $field.first().trigger('focus');
    }

    /** Undoes markInvalid for every field inside $scope described by messageId. */
    function clearInvalid($scope, messageId) {
        $scope.find('[aria-invalid]').each(function () {
            var $field = $(this).removeAttr('aria-invalid');
            var rest = $.grep(($field.attr('aria-describedby') || '').split(/\s+/), function (id) {
                return id && id !== messageId;
            });
            if (rest.length) {
                $field.attr('aria-describedby', rest.join(' '));
            } else {
                $field.removeAttr('aria-describedby');
            }
        });
    }

    // --- messages -------------------------------------------------------------------------------------------

    /** Shows text in a message area (an AUI message whose class says error or success) and reveals it. */
    function showMessage($box, text) {
        $box.empty().append($('<p>').text(text)).removeClass('hidden');
    }

    function clearMessage($box) {
        $box.empty().addClass('hidden');
    }

    // --- double-submit guard --------------------------------------------------------------------------------

    /**
     * Runs call() unless the previous call started from the same button is still running. The button is disabled
     * (and marked busy for assistive technology) until the call's promise settles. Returns that promise, or, for a
     * repeated click, one that never settles, so the caller's handlers run once per call actually made.
     */
    function guard(button, call) {
        var $button = $(button);
        if ($button.data('pat-busy')) {
            return $.Deferred().promise();
        }
        $button.data('pat-busy', true).prop('disabled', true).attr('aria-disabled', 'true').attr('aria-busy', 'true');
        return call().always(function () {
            $button.removeData('pat-busy').prop('disabled', false).removeAttr('aria-disabled').removeAttr('aria-busy');
        });
    }

    // --- dialogs --------------------------------------------------------------------------------------------

    /**
     * Gives a dialog's header its close button, named for assistive technology; AUI closes the dialog when it is
     * clicked or activated with Enter or Space.
     */
    function addCloseButton($dialog) {
        $dialog.find('.aui-dialog2-header').first().append($('<button type="button" class="aui-close-button">')
            .attr('aria-label', AJS.I18n.getText('pat.dialog.close')));
        return $dialog;
    }

    function attached(element) {
        return element && element !== document.body && document.documentElement.contains(element) && $(element).is(':visible');
    }

    /**
     * Opens an AUI dialog. Focus moves into it: to options.focus (a selector inside the dialog; destructive dialogs
     * pass their safe action) or, by AUI, to its first field. When it closes, however it closes (button, Escape),
     * focus goes back to options.trigger (default: what had focus) while that is still on the page, otherwise to
     * options.fallback (an element or a function returning one), unless another dialog has taken over.
     */
    function openDialog(dialog, options) {
        var opts = options || {};
        var $dialog = $(dialog);
        var auiDialog = AJS.dialog2($dialog);
        $dialog.data('pat-return', {trigger: opts.trigger || document.activeElement, fallback: opts.fallback});
        if (!$dialog.data('pat-return-bound')) {
            $dialog.data('pat-return-bound', true);
            auiDialog.on('hide', function () {
                // AUI removes the hidden attribute when it shows a dialog; a closed one is hidden again for all.
                $dialog.attr('hidden', '');
                window.setTimeout(function () { returnFocus($dialog); }, 0);
            });
        }
        if (opts.focus) {
            $dialog.attr('data-aui-focus-selector', opts.focus);
        } else {
            $dialog.removeAttr('data-aui-focus-selector');
        }
        auiDialog.show();
        if (opts.focus) {
            $dialog.find(opts.focus).first().trigger('focus');
        }
        return auiDialog;
    }

    function closeDialog(dialog) {
        AJS.dialog2($(dialog)).hide();
    }

    function returnFocus($dialog) {
        if ($('.aui-dialog2[open]').length) {
            return; // another dialog has focus now
        }
        var back = $dialog.data('pat-return') || {};
        var active = document.activeElement;
        if (attached(active) && !$dialog[0].contains(active) && active === back.trigger) {
            return; // AUI already put it back
        }
        var target = attached(back.trigger) ? back.trigger
            : (typeof back.fallback === 'function' ? back.fallback() : back.fallback);
        if (target) {
            $(target).first().trigger('focus');
        }
    }

    /** The confirmation dialog for destructive actions, built once per page (AUI dialog2, role alertdialog). */
    function confirmDialog() {
        var $dialog = $('#pat-confirm-dialog');
        if ($dialog.length) {
            return $dialog;
        }
        $dialog = $('<section id="pat-confirm-dialog" class="aui-dialog2 aui-dialog2-small aui-layer aui-dialog2-warning" role="alertdialog" hidden aria-modal="true" aria-labelledby="pat-confirm-title" aria-describedby="pat-confirm-text">'
            + '<header class="aui-dialog2-header"><h2 class="aui-dialog2-header-main" id="pat-confirm-title"></h2></header>'
            + '<div class="aui-dialog2-content"><p id="pat-confirm-text"><span id="pat-confirm-message"></span> <strong id="pat-confirm-name"></strong></p></div>'
            + '<footer class="aui-dialog2-footer"><div class="aui-dialog2-footer-actions">'
            + '<button type="button" class="aui-button aui-button-primary" id="pat-confirm-ok"></button>'
            + '<button type="button" class="aui-button aui-button-link" id="pat-confirm-cancel"></button>'
            + '</div></footer></section>');
        $dialog.find('#pat-confirm-cancel').text(AJS.I18n.getText('pat.cancel')).on('click', function () {
            closeDialog($dialog);
        });
        return addCloseButton($dialog).appendTo(document.body);
    }

    /**
     * Asks before a destructive action. options: title, text, name (a token name shown after the text, as text),
     * action (the confirm button's label), trigger and fallback (see openDialog), and run: called once on
     * confirmation, returning the action's promise; the confirm button is guarded while it runs and the dialog
     * closes when it settles. Focus starts on Cancel, the safe action.
     */
    function confirm(options) {
        var $dialog = confirmDialog();
        $dialog.find('#pat-confirm-title').text(options.title);
        $dialog.find('#pat-confirm-message').text(options.text);
        $dialog.find('#pat-confirm-name').text(options.name || '').toggleClass('hidden', !options.name);
        var $ok = $dialog.find('#pat-confirm-ok').text(options.action);
        $ok.off('click').on('click', function () {
            guard($ok, function () {
                return options.run().always(function () { closeDialog($dialog); });
            });
        });
        openDialog($dialog, {focus: '#pat-confirm-cancel', trigger: options.trigger, fallback: options.fallback});
    }

    // --- the token shown once -------------------------------------------------------------------------------

    /** The dialog that shows a new token, built once per page (AUI dialog2 markup, labelled and keyboard-usable). */
    function tokenDialog() {
        var $dialog = $('#pat-token-dialog');
        if ($dialog.length) {
            return $dialog;
        }
        $dialog = $('<section id="pat-token-dialog" class="aui-dialog2 aui-dialog2-medium aui-layer" role="dialog" hidden aria-modal="true" data-aui-modal="true" aria-labelledby="pat-token-title" aria-describedby="pat-token-warning">'
            + '<header class="aui-dialog2-header"><h2 class="aui-dialog2-header-main" id="pat-token-title"></h2></header>'
            + '<div class="aui-dialog2-content"><div class="aui-message aui-message-warning"><p id="pat-token-warning"></p></div>'
            + '<form class="aui" id="pat-token-form"><div class="field-group"><label for="pat-token-value" id="pat-token-label"></label>'
            + '<input class="text long-field" type="text" id="pat-token-value" readonly spellcheck="false" autocomplete="off">'
            + '<button type="button" class="aui-button" id="pat-token-copy"></button>'
            + '<span class="pat-copied hidden" id="pat-token-copied" role="status"></span></div></form>'
            + '<p id="pat-token-example"></p><pre class="pat-curl" id="pat-token-curl"></pre></div>'
            + '<footer class="aui-dialog2-footer"><div class="aui-dialog2-footer-actions">'
            + '<button type="button" class="aui-button aui-button-primary" id="pat-token-close"></button></div></footer></section>');
        $dialog.find('#pat-token-title').text(AJS.I18n.getText('pat.token.title'));
        $dialog.find('#pat-token-warning').text(AJS.I18n.getText('pat.token.warning'));
        $dialog.find('#pat-token-label').text(AJS.I18n.getText('pat.token.label'));
        $dialog.find('#pat-token-copy').text(AJS.I18n.getText('pat.token.copy'));
        $dialog.find('#pat-token-copied').text(AJS.I18n.getText('pat.token.copied'));
        $dialog.find('#pat-token-example').text(AJS.I18n.getText('pat.token.example'));
        $dialog.find('#pat-token-close').text(AJS.I18n.getText('pat.token.close'));
        $dialog.find('#pat-token-form').on('submit', function (e) { e.preventDefault(); });
        $dialog.find('#pat-token-close').on('click', function () { closeDialog($dialog); });
        $dialog.find('#pat-token-copy').on('click', function () {
            var $value = $('#pat-token-value').trigger('select');
            var done = function () { $('#pat-token-copied').removeClass('hidden'); };
            if (window.navigator.clipboard && window.isSecureContext) {
                window.navigator.clipboard.writeText($value.val()).then(done, function () {
                    document.execCommand('copy');
                    done();
                });
            } else {
                document.execCommand('copy');
                done();
            }
        });
        // However the dialog closes (Done, Escape), the token leaves the page: see showToken.
        AJS.dialog2($dialog).on('hide', function () {
            var onHide = $dialog.data('pat-on-hide');
            $dialog.removeData('pat-on-hide');
            if (onHide) {
                onHide();
            }
        });
        return addCloseButton($dialog).appendTo(document.body);
    }

    /**
     * Shows a raw token once; closing the dialog wipes it from the page and runs onClose. options: trigger and
     * fallback, where focus returns afterwards (see openDialog).
     */
    function showToken(rawToken, onClose, options) {
        var $dialog = tokenDialog();
        var $value = $('#pat-token-value');
        var base = window.location.protocol + '//' + window.location.host + AJS.contextPath();
        $value.val(rawToken);
        $('#pat-token-curl').text('curl -H "Authorization: Bearer ' + rawToken + '" ' + base + '/rest/api/2/myself');
        $('#pat-token-copied').addClass('hidden');
        $dialog.data('pat-on-hide', function () {
            $value.val('');
            $('#pat-token-curl').text('');
            if (onClose) {
                onClose();
            }
        });
        var opts = options || {};
        openDialog($dialog, {focus: '#pat-token-value', trigger: opts.trigger, fallback: opts.fallback});
        $value.trigger('select');
    }

    // --- rendering a token ------------------------------------------------------------------------------------

    /** The lozenge of each status the server sends. */
    var STATUSES = {
        active: {lozenge: 'aui-lozenge-success', text: AJS.I18n.getText('pat.status.active')},
        expiresSoon: {lozenge: 'aui-lozenge-moved', text: AJS.I18n.getText('pat.status.expiressoon')},
        expired: {lozenge: 'aui-lozenge-removed', text: AJS.I18n.getText('pat.status.expired')}
    };

    /** The label of each scope the server sends. */
    var SCOPES = {
        read: AJS.I18n.getText('pat.scope.read'),
        write: AJS.I18n.getText('pat.scope.write')
    };

    function pad(n) {
        return (n < 10 ? '0' : '') + n;
    }

    /** The page's language (Jira renders the user's locale into the html element), else the browser's. */
    function language() {
        return document.documentElement.lang || undefined;
    }

    /** How a date is shown: in the viewer's time zone (the browser's), in the page's language, with the zone. */
    var LOCAL_DATE = window.Intl && Intl.DateTimeFormat ? new Intl.DateTimeFormat(language(), {
        year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    }) : null;

    /** The exact instant in UTC, for the hover title: "yyyy-MM-dd HH:mm:ss UTC". */
    function utcText(d) {
        return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' '
            + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' UTC';
    }

    /**
     * The one date rendering of both pages: an API date as a time element, shown in the viewer's time zone, with
     * the instant in its datetime attribute and the exact UTC time as its title (on hover). Not a date: the text.
     */
    function dateElement(text) {
        var millis = Date.parse(text);
        if (isNaN(millis)) {
            return $('<span>').text(text || '');
        }
        var d = new Date(millis);
        return $('<time>').attr('datetime', d.toISOString()).attr('title', utcText(d))
            .text(LOCAL_DATE ? LOCAL_DATE.format(d) : utcText(d));
    }

    /** A yyyy-mm-dd day of a date input as an API date: its first or last millisecond in the viewer's time zone. */
    function dayBoundary(value, endOfDay) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
        if (!parts) {
            return undefined;
        }
        var d = endOfDay ? new Date(+parts[1], parts[2] - 1, +parts[3], 23, 59, 59, 999)
            : new Date(+parts[1], parts[2] - 1, +parts[3], 0, 0, 0, 0);
        return isNaN(d.getTime()) ? undefined : d.toISOString().replace('Z', '+00:00');
    }

    /** Adds an option for each status to a filter's select, valued with the status names the server takes. */
    function statusOptions($select) {
        $.each(STATUSES, function (status, look) {
            $select.append($('<option>').attr('value', status).text(look.text));
        });
    }

    function statusLozenge(status) {
        var known = STATUSES[status];
        return known ? $('<span class="aui-lozenge">').addClass(known.lozenge).text(known.text) : $();
    }

    /**
     * Whether to offer Rotate: the service refuses to rotate an expired token (a new one must be created), so
     * the page does not offer it. Read from the server's status.
     */
    function rotatable(token) {
        return token.status !== 'expired';
    }

    /**
     * One token of the REST API as a table row (tr.pat-token, data-token-id and data-token-name): name, scope,
     * created, expires, last use and status. options: select (a checkbox cell first, labelled with the name),
     * owner (a cell after the name with userProfileResource), actions (a function(token) returning the content of
     * a last cell).
     */
    /** For a token imported from Jira's built-in app: a lozenge saying so, and why rotating it helps (read aloud). */
    function originHint(token) {
        if (token.origin !== 'builtin') {
            return $();
        }
        var hint = AJS.I18n.getText('pat.import.origin.builtin.hint');
        return $('<span class="pat-origin">').append(' ',
            $('<span class="aui-lozenge aui-lozenge-subtle pat-origin-builtin">').attr('title', hint)
                .text(AJS.I18n.getText('pat.import.origin.builtin')),
            $('<span class="assistive">').text(hint));
    }

    function tokenRow(token, options) {
        var opts = options || {};
        var $row = $('<tr class="pat-token">').attr('data-token-id', token.id).attr('data-token-name', token.name);
        if (opts.select) {
            $row.append($('<td>').append($('<input type="checkbox" class="pat-select">').attr('value', token.id)
                .attr('aria-label', AJS.I18n.getText('pat.admin.select', token.name))));
        }
        $row.append($('<td class="pat-name">').text(token.name).append(originHint(token)));
        if (opts.owner) {
            var user = token.userProfileResource || {};
            var $user = $('<td class="pat-user">').text(user.fullName ? user.fullName + ' (' + user.username + ')' : (user.username || user.userKey || ''));
            if (token.ownerActive === false) { // deactivated or deleted: the token is refused
                $user.append(' ', $('<span class="aui-lozenge aui-lozenge-subtle pat-owner-inactive">').text(AJS.I18n.getText('pat.admin.owner.inactive')));
            }
            $row.append($user);
        }
        var $lastUsed = $('<td class="pat-lastused">');
        if (token.lastAccessedAt) {
            $lastUsed.append(dateElement(token.lastAccessedAt));
            if (token.lastAccessedIp) {
                $lastUsed.append(' ', $('<span class="pat-ip">').text('(' + token.lastAccessedIp + ')'));
            }
        } else {
            $lastUsed.text(AJS.I18n.getText('pat.lastused.never'));
        }
        $row.append(
            $('<td class="pat-scope">').text(SCOPES[token.scope] || token.scope || ''),
            $('<td class="pat-created">').append(dateElement(token.createdAt)),
            $('<td class="pat-expires">').append(token.neverExpires ? document.createTextNode(AJS.I18n.getText('pat.expires.never'))
                : dateElement(token.expiringAt)),
            $lastUsed,
            $('<td class="pat-status">').append(statusLozenge(token.status)));
        if (opts.actions) {
            $row.append($('<td class="pat-actions">').append(opts.actions(token)));
        }
        return $row;
    }

    /**
     * Replaces the rows of $tbody with tokens rendered by row(token). Focus on a control in a row stays on the
     * same control of the same token when it is still listed; otherwise it goes to fallback (an element or a
     * function returning one), so keyboard users are not dropped at the top of the page.
     */
    function renderRows($tbody, tokens, row, fallback) {
        var active = document.activeElement;
        var $focusedRow = active && $tbody[0].contains(active) ? $(active).closest('tr.pat-token') : $();
        var focusId = $focusedRow.attr('data-token-id');
        var focusClass = $focusedRow.length ? ($(active).attr('class') || '').split(/\s+/).filter(function (c) {
            return c.indexOf('pat-') === 0;
        })[0] : null;
        $tbody.empty();
        $.each(tokens, function (i, token) { $tbody.append(row(token)); });
        if (focusId !== undefined) {
            var $same = $tbody.find('tr.pat-token').filter(function () {
                return $(this).attr('data-token-id') === focusId;
            }).find(focusClass ? '.' + focusClass : 'button, input').first();
            if ($same.length) {
                $same.trigger('focus');
            } else {
                var target = typeof fallback === 'function' ? fallback() : fallback;
                if (target) {
                    $(target).first().trigger('focus');
                }
            }
        }
    }

    // --- the user picker --------------------------------------------------------------------------------------

    var pickers = 0;

    /**
     * Turns a text input into a user picker (a WAI-ARIA 1.2 combobox with a listbox popup): as the admin types,
     * it asks GET /tokens/search/user (debounced; only the latest answer is shown) and lists the users whose
     * username, display name or e-mail matches. Arrow keys move through the options (aria-activedescendant), Enter
     * or a click picks one, Escape closes the list; a status line says how many users were found.
     * options.pick(user) returns the text the input shows for the picked user ({userKey, username, fullName,
     * email}); options.changed() runs when typing drops a picked user. Returns {user()}: the picked user or null.
     */
    function userPicker($input, options) {
        var id = 'pat-picker-' + (++pickers);
        var $list = $('<ul class="pat-listbox" role="listbox" hidden>').attr('id', id + '-list')
            .attr('aria-label', AJS.I18n.getText('pat.picker.list'));
        var $status = $('<span class="assistive" role="status" aria-live="polite">').attr('id', id + '-status');
        var $help = $('<div class="description">').attr('id', id + '-help').text(AJS.I18n.getText('pat.picker.help'));
        $input.attr({role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': $list.attr('id'),
            autocomplete: 'off'})
            .attr('aria-describedby', $.trim(($input.attr('aria-describedby') || '') + ' ' + $help.attr('id')))
            .after($list, $help, $status);
        $input.parent().addClass('pat-picker');
        var found = [];
        var active = -1;
        var picked = null;
        var asked = 0;
        var timer = null;

        function close() {
            $list.attr('hidden', '');
            $input.attr('aria-expanded', 'false').removeAttr('aria-activedescendant');
            active = -1;
        }

        function highlight(index) {
            active = index;
            $list.children().attr('aria-selected', 'false').removeClass('pat-active');
            if (index < 0) {
                $input.removeAttr('aria-activedescendant');
                return;
            }
            var $option = $list.children().eq(index).attr('aria-selected', 'true').addClass('pat-active');
            $input.attr('aria-activedescendant', $option.attr('id'));
            if ($option[0].scrollIntoView) {
                $option[0].scrollIntoView({block: 'nearest'});
            }
        }

        function pick(index) {
            picked = found[index];
            $input.val(options.pick(picked));
            close();
            $status.text('');
        }

        function show(users) {
            found = users;
            $list.empty();
            $.each(users, function (i, u) {
                $list.append($('<li role="option" aria-selected="false" class="pat-option">').attr('id', id + '-option-' + i)
                    .text(AJS.I18n.getText('pat.picker.option', u.fullName || u.username, u.username, u.email || '')));
            });
            $status.text(AJS.I18n.getText('pat.picker.found', users.length));
            if (users.length) {
                $list.removeAttr('hidden');
                $input.attr('aria-expanded', 'true');
                highlight(-1);
            } else {
                close();
            }
        }

        function search() {
            var text = $.trim($input.val());
            var mine = ++asked;
            if (!text) {
                found = [];
                $list.empty();
                close();
                $status.text('');
                return;
            }
            api('GET', '/tokens/search/user?limit=10&contains=' + encodeURIComponent(text)).done(function (users) {
                if (mine === asked && $.trim($input.val()) === text) {
                    show(users);
                }
            });
        }

        $input.on('input', function () {
            if (picked) {
                picked = null;
                if (options.changed) {
                    options.changed();
                }
            }
            window.clearTimeout(timer);
            timer = window.setTimeout(search, 250);
        });
        $input.on('keydown', function (e) {
            var open = !$list.is('[hidden]');
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (!open && found.length) {
                    $list.removeAttr('hidden');
                    $input.attr('aria-expanded', 'true');
                }
                if (found.length) {
                    var next = e.key === 'ArrowDown' ? active + 1 : active - 1;
                    highlight(next < 0 ? found.length - 1 : next % found.length);
                }
            } else if (e.key === 'Enter' && open && active >= 0) {
                e.preventDefault();
                pick(active);
            } else if (e.key === 'Escape' && open) {
                e.preventDefault();
                e.stopPropagation(); // close the list, not the dialog around it
                close();
            }
        });
        $input.on('blur', function () {
            window.setTimeout(close, 150);
        });
        $list.on('mousedown', 'li', function (e) {
            e.preventDefault(); // keep focus in the input
        }).on('click', 'li', function () {
            pick($(this).index());
        });

        return {
            user: function () { return picked; },
            reset: function () {
                picked = null;
                found = [];
                $list.empty();
                close();
                $status.text('');
            }
        };
    }

    // --- the create form --------------------------------------------------------------------------------------

    /** Splits a free-text list of IP ranges (commas, spaces or new lines). */
    function ranges(text) {
        return $.grep((text || '').split(/[\s,]+/), function (s) { return s.length > 0; });
    }

    /** The policy a page renders for the create form: data-name-max-length, data-max-expiry-days, data-eternal-allowed. */
    function policyOf($root) {
        return {
            nameMaxLength: parseInt($root.attr('data-name-max-length'), 10),
            maxExpiryDays: parseInt($root.attr('data-max-expiry-days'), 10),
            eternalAllowed: $root.attr('data-eternal-allowed') === 'true'
        };
    }

    function createDialog(forUser) {
        var $dialog = $('<section id="pat-create-dialog" class="aui-dialog2 aui-dialog2-medium aui-layer" role="dialog" hidden aria-modal="true" aria-labelledby="pat-create-title">'
            + '<header class="aui-dialog2-header"><h2 class="aui-dialog2-header-main" id="pat-create-title"></h2></header>'
            + '<div class="aui-dialog2-content"><form class="aui" id="pat-create-form" novalidate>'
            + '<div class="aui-message aui-message-error hidden" id="pat-create-error" role="alert"></div>'
            + (forUser ? '<div class="field-group"><label for="pat-create-user" id="pat-create-user-label"></label>'
                + '<input class="text medium-field" type="text" id="pat-create-user" name="username" autocomplete="off" required></div>' : '')
            + '<div class="field-group"><label for="pat-name"><span id="pat-name-label"></span><span class="aui-icon icon-required" id="pat-name-required"></span></label>'
            + '<input class="text long-field" type="text" id="pat-name" name="name" required autocomplete="off" aria-describedby="pat-name-count">'
            + '<div class="description" id="pat-name-count" aria-live="polite"></div></div>'
            + '<div class="field-group"><label for="pat-expiry" id="pat-expiry-label"></label>'
            + '<select class="select" id="pat-expiry" name="expiry" aria-describedby="pat-expiry-help"></select>'
            + '<input class="text short-field hidden" type="number" id="pat-expiry-days" name="days" min="1">'
            + '<div class="description" id="pat-expiry-help"></div></div>'
            + '<fieldset class="group"><legend><span id="pat-scope-legend"></span></legend>'
            + '<div class="radio"><input class="radio" type="radio" name="scope" id="pat-scope-write" value="write" checked>'
            + '<label for="pat-scope-write" id="pat-scope-write-label"></label></div>'
            + '<div class="radio"><input class="radio" type="radio" name="scope" id="pat-scope-read" value="read">'
            + '<label for="pat-scope-read" id="pat-scope-read-label"></label></div></fieldset>'
            + '<div class="field-group"><label for="pat-ips" id="pat-ips-label"></label>'
            + '<textarea class="textarea long-field" id="pat-ips" name="ips" rows="2" placeholder="10.0.0.0/8, 2001:db8::/32" aria-describedby="pat-ips-help"></textarea>'
            + '<div class="description" id="pat-ips-help"></div></div>'
            + '</form></div>'
            + '<footer class="aui-dialog2-footer"><div class="aui-dialog2-footer-actions">'
            + '<button type="submit" form="pat-create-form" class="aui-button aui-button-primary" id="pat-create-submit"></button>'
            + '<button type="button" class="aui-button aui-button-link" id="pat-create-cancel"></button>'
            + '</div></footer></section>');
        $dialog.find('#pat-create-title').text(forUser ? AJS.I18n.getText('pat.admin.service.title') : AJS.I18n.getText('pat.create.title'));
        if (forUser) {
            $dialog.find('#pat-create-user-label').text(AJS.I18n.getText('pat.admin.service.user'));
        }
        $dialog.find('#pat-name-label').text(AJS.I18n.getText('pat.create.name'));
        $dialog.find('#pat-name-required').text(AJS.I18n.getText('pat.create.required'));
        $dialog.find('#pat-expiry-label').text(AJS.I18n.getText('pat.create.expiry'));
        $dialog.find('#pat-expiry-days').attr('aria-label', AJS.I18n.getText('pat.create.expiry.customdays'));
        $dialog.find('#pat-scope-legend').text(AJS.I18n.getText('pat.create.scope'));
        $dialog.find('#pat-scope-write-label').text(SCOPES.write);
        $dialog.find('#pat-scope-read-label').text(SCOPES.read);
        $dialog.find('#pat-ips-label').text(AJS.I18n.getText('pat.create.ips'));
        $dialog.find('#pat-ips-help').text(AJS.I18n.getText('pat.create.ips.help'));
        $dialog.find('#pat-create-submit').text(AJS.I18n.getText('pat.create.submit'));
        $dialog.find('#pat-create-cancel').text(AJS.I18n.getText('pat.cancel'));
        return addCloseButton($dialog).appendTo(document.body);
    }

    /**
     * The create-token form of both pages, in a dialog: name (with a live count against the policy's limit),
     * expiry (30, 60, 90 or 365 days within the policy's maximum, custom, or never when the policy allows it),
     * scope and allowed IP ranges; with options.forUser also the username of the owner (admin page).
     * options: forUser (the username field is a user picker, see userPicker), policy (a function returning the policy
     * in force, see policyOf), path (the endpoint to POST to), created (a function(createdToken, trigger) run after
     * a 201, once the dialog has closed). Returns {open(trigger), $dialog}.
     */
    function createForm(options) {
        var $dialog = createDialog(options.forUser);
        var picker = options.forUser ? userPicker($dialog.find('#pat-create-user'), {
            pick: function (user) { return user.username; }
        }) : null;
        var $form = $dialog.find('#pat-create-form');
        var $error = $dialog.find('#pat-create-error');
        var $name = $dialog.find('#pat-name');
        var $expiry = $dialog.find('#pat-expiry');
        var $days = $dialog.find('#pat-expiry-days');
        var $submit = $dialog.find('#pat-create-submit');
        var policy = options.policy();
        var trigger = null;

        function updateCount() {
            $dialog.find('#pat-name-count').text(AJS.I18n.getText('pat.create.name.count', Array.from($name.val()).length, policy.nameMaxLength));
        }

        function showDays(focus) {
            var custom = $expiry.val() === 'custom';
            $days.toggleClass('hidden', !custom);
            if (custom && focus) {
                $days.trigger('focus');
            }
        }

        /** The expiry choices the policy allows: presets up to its maximum, custom, and never when allowed. */
        function expiryChoices() {
            $expiry.empty();
            $.each([30, 60, 90, 365], function (i, days) {
                if (days <= policy.maxExpiryDays) {
                    $expiry.append($('<option>').attr('value', days).text(AJS.I18n.getText('pat.create.expiry.days', days)));
                }
            });
            $expiry.append($('<option value="custom">').text(AJS.I18n.getText('pat.create.expiry.custom')));
            if (policy.eternalAllowed) {
                $expiry.append($('<option value="never">').text(AJS.I18n.getText('pat.create.expiry.never')));
            }
            $expiry.val($expiry.find('option').first().attr('value'));
            $days.attr('max', policy.maxExpiryDays);
            $dialog.find('#pat-expiry-help').text(AJS.I18n.getText('pat.create.expiry.help', policy.maxExpiryDays));
        }

        /**
         * The form's field for each request field the server may refuse (by its wire name, as in the error body's
         * errors map): the one mapping from the API's names to this form.
         */
        var FIELDS = {
            username: function () { return $dialog.find('#pat-create-user'); },
            name: function () { return $name; },
            expirationDuration: function () { return $expiry.val() === 'custom' ? $days : $expiry; },
            scope: function () { return $form.find('input[name=scope]'); },
            allowedIps: function () { return $dialog.find('#pat-ips'); }
        };

        /** Shows why the form was refused and marks the field it is about, until the next submit or opening. */
        function fail(text, $field) {
            showMessage($error, text);
            if ($field && $field.length) {
                markInvalid($field, 'pat-create-error');
            }
        }

        $name.on('input', updateCount);
        $expiry.on('change', function () { showDays(true); });
        $dialog.find('#pat-create-cancel').on('click', function () { closeDialog($dialog); });
        $form.on('submit', function (e) {
            e.preventDefault();
            clearMessage($error);
            clearInvalid($form, 'pat-create-error');
            var body = {};
            if (options.forUser) {
                body.username = $.trim($dialog.find('#pat-create-user').val());
                if (!body.username) {
                    fail(AJS.I18n.getText('pat.admin.service.user.required'), $dialog.find('#pat-create-user'));
                    return;
                }
            }
            var name = $name.val();
            if (!name || !name.trim()) {
                fail(AJS.I18n.getText('pat.create.name.required'), $name);
                return;
            }
            body.name = name;
            body.scope = $form.find('input[name=scope]:checked').val();
            body.allowedIps = ranges($dialog.find('#pat-ips').val());
            var choice = $expiry.val();
            if (choice === 'custom') {
                var days = Number($days.val());
                if (!Number.isInteger(days) || days < 1) {
                    fail(AJS.I18n.getText('pat.create.expiry.invalid'), $days);
                    return;
                }
                body.expirationDuration = days;
            } else if (choice !== 'never') {
                body.expirationDuration = parseInt(choice, 10);
            }
            guard($submit, function () {
                return api('POST', options.path, body).done(function (created) {
                    closeDialog($dialog);
                    options.created(created, trigger);
                }).fail(function (xhr) {
                    var field = FIELDS[errorField(xhr)];
                    fail(errorText(xhr), field ? field() : null);
                });
            });
        });

        return {
            $dialog: $dialog,
            /** Opens an empty form under the policy in force; focus returns to trigger when it closes. */
            open: function (openedBy) {
                trigger = openedBy;
                policy = options.policy();
                $form[0].reset();
                $name.attr('maxlength', policy.nameMaxLength);
                expiryChoices();
                showDays(false);
                clearMessage($error);
                clearInvalid($form, 'pat-create-error');
                if (picker) {
                    picker.reset();
                }
                updateCount();
                openDialog($dialog, {focus: options.forUser ? '#pat-create-user' : '#pat-name', trigger: trigger});
            }
        };
    }

    window.JiraPat = {
        api: api,
        errorText: errorText,
        errorField: errorField,
        markInvalid: markInvalid,
        clearInvalid: clearInvalid,
        showMessage: showMessage,
        clearMessage: clearMessage,
        guard: guard,
        confirm: confirm,
        showToken: showToken,
        tokenRow: tokenRow,
        dayBoundary: dayBoundary,
        renderRows: renderRows,
        rotatable: rotatable,
        statusOptions: statusOptions,
        policyOf: policyOf,
        createForm: createForm,
        userPicker: userPicker
    };
}(AJS.$, window));
