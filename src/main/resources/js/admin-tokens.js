/* The admin page: every user's tokens (filter, sort, page, bulk revoke, service tokens) and the token policy. */
(function ($, window) {
    'use strict';

    $(function () {
        var $page = $('#pat-admin');
        if (!$page.length) {
            return;
        }
        var pat = window.JiraPat;
        var DAY = 24 * 60 * 60 * 1000;
        var warningDays = parseInt($page.attr('data-warning-days'), 10) || 0;
        var state = {sortBy: 'name', orderBy: 'asc', page: 0, limit: 20};
        var users = {}; // username -> userKey, from the picker
        var $error = $('#pat-admin-error');
        var $success = $('#pat-admin-success');

        function iso(date) {
            return date.toISOString().replace('Z', '+00:00');
        }

        /** A yyyy-mm-dd date input as the first or last millisecond of that UTC day. */
        function day(id, endOfDay) {
            var v = $(id).val();
            return v ? v + (endOfDay ? 'T23:59:59.999+00:00' : 'T00:00:00.000+00:00') : undefined;
        }

        function criteria() {
            var c = {sortBy: state.sortBy, orderBy: state.orderBy, page: state.page, limit: state.limit};
            var user = $.trim($('#pat-filter-user').val());
            if (user) {
                c.userKeys = [users[user] || user];
            }
            var name = $('#pat-filter-name').val();
            if (name) {
                c.name = name;
            }
            c.tokenCreatedDateFrom = day('#pat-filter-created-from', false);
            c.tokenCreatedDateTo = day('#pat-filter-created-to', true);
            c.tokenExpiryDateFrom = day('#pat-filter-expires-from', false);
            c.tokenExpiryDateTo = day('#pat-filter-expires-to', true);
            c.lastAuthenticatedDateFrom = day('#pat-filter-used-from', false);
            c.lastAuthenticatedDateTo = day('#pat-filter-used-to', true);
            // Status is derived from the expiry, so it narrows the expiry range.
            var now = Date.now();
            var soon = new Date(now + warningDays * DAY);
            switch ($('#pat-filter-status').val()) {
                case 'expired':
                    c.tokenExpiryDateTo = iso(new Date(now));
                    break;
                case 'expires-soon':
                    c.tokenExpiryDateFrom = iso(new Date(now + 1));
                    c.tokenExpiryDateTo = iso(soon);
                    break;
                case 'active':
                    c.tokenExpiryDateFrom = iso(new Date(soon.getTime() + 1));
                    break;
                default:
                    break;
            }
            return c;
        }

        function status(token) {
            var expires = Date.parse(token.expiringAt);
            var now = Date.now();
            if (expires <= now) {
                return $('<span class="aui-lozenge aui-lozenge-removed">').text(AJS.I18n.getText('pat.status.expired'));
            }
            if (expires - warningDays * DAY <= now) {
                return $('<span class="aui-lozenge aui-lozenge-moved">').text(AJS.I18n.getText('pat.status.expiressoon'));
            }
            return $('<span class="aui-lozenge aui-lozenge-success">').text(AJS.I18n.getText('pat.status.active'));
        }

        function when(text) {
            return text ? text.substring(0, 16).replace('T', ' ') + ' UTC' : '';
        }

        function row(token) {
            var user = token.userProfileResource || {};
            var never = token.expiringAt && token.expiringAt.indexOf('9999-12-31') === 0;
            var $check = $('<input type="checkbox" class="pat-select">').attr('value', token.id)
                .attr('aria-label', AJS.I18n.getText('pat.admin.select', token.name));
            return $('<tr class="pat-token">').attr('data-token-id', token.id).append(
                $('<td>').append($check),
                $('<td class="pat-name">').text(token.name),
                $('<td class="pat-user">').text(user.fullName ? user.fullName + ' (' + user.username + ')' : (user.username || '')),
                $('<td class="pat-scope">').text(token.scope === 'read' ? AJS.I18n.getText('pat.scope.read') : AJS.I18n.getText('pat.scope.write')),
                $('<td class="pat-created">').text(when(token.createdAt)),
                $('<td class="pat-expires">').text(never ? AJS.I18n.getText('pat.expires.never') : when(token.expiringAt)),
                $('<td class="pat-lastused">').text(token.lastAccessedAt
                    ? when(token.lastAccessedAt) + (token.lastAccessedIp ? ' (' + token.lastAccessedIp + ')' : '')
                    : AJS.I18n.getText('pat.lastused.never')),
                $('<td class="pat-status">').append(status(token)));
        }

        function selectionChanged() {
            var n = $('#pat-admin-tokens .pat-select:checked').length;
            $('#pat-bulk-revoke').prop('disabled', n === 0).attr('aria-disabled', n === 0 ? 'true' : 'false');
        }

        function load() {
            pat.hideError($error);
            pat.api('POST', '/tokens/search', criteria()).done(function (page) {
                var $body = $('#pat-admin-tokens tbody').empty();
                $.each(page.values, function (i, token) { $body.append(row(token)); });
                $('#pat-admin-empty').toggleClass('hidden', page.values.length > 0);
                $('#pat-select-all').prop('checked', false);
                $('#pat-page-info').text(page.totalPages > 0 ? AJS.I18n.getText('pat.admin.page.info', page.page + 1, page.totalPages) : '');
                $('#pat-page-prev').prop('disabled', page.page === 0);
                $('#pat-page-next').prop('disabled', page.isLastPage);
                $('#pat-admin-tokens th.pat-sortable').removeAttr('aria-sort');
                $('#pat-admin-tokens th[data-sort="' + state.sortBy + '"]')
                    .attr('aria-sort', state.orderBy === 'asc' ? 'ascending' : 'descending');
                selectionChanged();
            }).fail(function (xhr) {
                pat.showError($error, pat.errorText(xhr));
            });
        }

        function flash(text) {
            $success.empty().append($('<p>').text(text)).removeClass('hidden');
        }

        // --- filters, sorting, paging ---------------------------------------------------------------------------
        $('#pat-filter-form').on('submit', function (e) {
            e.preventDefault();
            state.page = 0;
            load();
        });
        $('#pat-filter-reset').on('click', function () {
            $('#pat-filter-form')[0].reset();
            state.page = 0;
            load();
        });
        var lastPick = null;
        $('#pat-filter-user, #pat-service-user').on('input', function () {
            var text = $.trim($(this).val());
            if (text.length < 1 || text === lastPick) {
                return;
            }
            lastPick = text;
            pat.api('GET', '/tokens/search/user?limit=10&contains=' + encodeURIComponent(text)).done(function (found) {
                var $options = $('#pat-filter-user-options').empty();
                $.each(found, function (i, u) {
                    users[u.username] = u.userKey;
                    $options.append($('<option>').attr('value', u.username).text(u.fullName));
                });
            });
        });
        $('#pat-admin-tokens').on('click keydown', 'th.pat-sortable', function (e) {
            if (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') {
                return;
            }
            e.preventDefault();
            var by = $(this).attr('data-sort');
            state.orderBy = state.sortBy === by && state.orderBy === 'asc' ? 'desc' : 'asc';
            state.sortBy = by;
            state.page = 0;
            load();
        });
        $('#pat-page-prev').on('click', function () {
            state.page = Math.max(0, state.page - 1);
            load();
        });
        $('#pat-page-next').on('click', function () {
            state.page += 1;
            load();
        });
        $('#pat-select-all').on('change', function () {
            $('#pat-admin-tokens .pat-select').prop('checked', this.checked);
            selectionChanged();
        });
        $('#pat-admin-tokens').on('change', '.pat-select', selectionChanged);

        // --- bulk revoke ----------------------------------------------------------------------------------------
        $('#pat-bulk-revoke').on('click', function () {
            var n = $('#pat-admin-tokens .pat-select:checked').length;
            $('#pat-bulk-text').text(AJS.I18n.getText('pat.admin.bulkrevoke.confirm', n));
            AJS.dialog2('#pat-bulk-dialog').show();
        });
        $('#pat-bulk-cancel').on('click', function () {
            AJS.dialog2('#pat-bulk-dialog').hide();
        });
        $('#pat-bulk-confirm').on('click', function () {
            var ids = $('#pat-admin-tokens .pat-select:checked').map(function () { return Number(this.value); }).get();
            AJS.dialog2('#pat-bulk-dialog').hide();
            pat.api('DELETE', '/admin/tokens', ids).done(function () {
                flash(AJS.I18n.getText('pat.admin.bulkrevoke.done', ids.length));
                load();
            }).fail(function (xhr) {
                pat.showError($error, pat.errorText(xhr));
            });
        });

        // --- service tokens -------------------------------------------------------------------------------------
        var $serviceError = $('#pat-service-error');
        $('#pat-service-create').on('click', function () {
            $('#pat-service-form')[0].reset();
            pat.hideError($serviceError);
            AJS.dialog2('#pat-service-dialog').show();
            $('#pat-service-user').trigger('focus');
        });
        $('#pat-service-cancel').on('click', function () {
            AJS.dialog2('#pat-service-dialog').hide();
        });
        $('#pat-service-form').on('submit', function (e) {
            e.preventDefault();
            pat.hideError($serviceError);
            var body = {
                username: $.trim($('#pat-service-user').val()),
                name: $('#pat-service-name').val(),
                scope: $('#pat-service-form input[name=service-scope]:checked').val()
            };
            var days = $('#pat-service-days').val();
            if (days) {
                body.expirationDuration = Number(days);
            }
            pat.api('POST', '/admin/tokens', body).done(function (created) {
                AJS.dialog2('#pat-service-dialog').hide();
                pat.showToken(created.rawToken, load);
            }).fail(function (xhr) {
                pat.showError($serviceError, pat.errorText(xhr));
            });
        });

        // --- settings -------------------------------------------------------------------------------------------
        // Only what the admin changed is sent: a stored value overrides the JVM-property default for good, so a
        // field left alone must stay unstored. The baseline is what the server last answered.
        var $settingsError = $('#pat-settings-error');
        var $saved = $('#pat-settings-saved');
        var $save = $('#pat-settings-save').prop('disabled', true);
        var loaded = {};

        function showSettings(values) {
            loaded = values;
            $('.pat-setting').each(function () {
                var $input = $(this);
                var value = values[$input.attr('data-key')];
                if ($input.is(':checkbox')) {
                    $input.prop('checked', value === true || value === 'true');
                } else {
                    $input.val(value);
                }
            });
            $save.prop('disabled', false);
        }

        /** A field as the API takes it: a boolean, a number, null (emptied: back to the default), or text it refuses. */
        function formValue(input) {
            var $input = $(input);
            if ($input.is(':checkbox')) {
                return $input.prop('checked');
            }
            if (input.validity && input.validity.badInput) {
                return $input.val(); // the browser hides what was typed; the server answers with the field's name
            }
            var text = $.trim($input.val());
            if (text === '') {
                return null;
            }
            var number = Number(text);
            return isNaN(number) ? text : number;
        }

        pat.api('GET', '/admin/settings').done(showSettings).fail(function (xhr) {
            pat.showError($settingsError, pat.errorText(xhr));
        });
        $('#pat-settings-form').on('submit', function (e) {
            e.preventDefault();
            pat.hideError($settingsError);
            $saved.addClass('hidden');
            var body = {};
            $('.pat-setting').each(function () {
                var key = $(this).attr('data-key');
                var value = formValue(this);
                if (value !== loaded[key]) {
                    body[key] = value;
                }
            });
            pat.api('PUT', '/admin/settings', body).done(function (values) {
                showSettings(values);
                $saved.empty().append($('<p>').text(AJS.I18n.getText('pat.settings.saved'))).removeClass('hidden');
                warningDays = parseInt(values.expiryWarningDays, 10) || 0;
            }).fail(function (xhr) {
                pat.showError($settingsError, pat.errorText(xhr));
            });
        });

        load();
    });
}(AJS.$, window));
