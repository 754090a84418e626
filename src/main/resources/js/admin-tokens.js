/* The admin page: every user's tokens (filter, sort, page, bulk revoke, service tokens) and the token policy. */
(function ($, window) {
    'use strict';

    $(function () {
        var $page = $('#pat-admin');
        if (!$page.length) {
            return;
        }
        var pat = window.JiraPat;
        var state = {sortBy: 'name', orderBy: 'asc', page: 0, limit: 20};
        var policy = pat.policyOf($page); // for the create form; kept current by the Settings tab
        var loads = 0;
        var $error = $('#pat-admin-error');
        var $success = $('#pat-admin-success');
        var $table = $('#pat-admin-tokens');

        /** A yyyy-mm-dd date input as the first or last millisecond of that day where the admin is. */
        function day(id, endOfDay) {
            return pat.dayBoundary($(id).val(), endOfDay);
        }

        function criteria() {
            var c = {sortBy: state.sortBy, orderBy: state.orderBy, page: state.page, limit: state.limit};
            // The picked user's key, resolved by the server's user search; typed text alone is never sent.
            var user = picker.user();
            if (user && $.trim($('#pat-filter-user').val())) {
                c.userKeys = [user.userKey];
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
            // The server decides what each status means (its clock, the policy's warning days).
            c.status = $('#pat-filter-status').val() || undefined;
            return c;
        }

        function selectionChanged() {
            var n = $table.find('.pat-select:checked').length;
            $('#pat-bulk-revoke').prop('disabled', n === 0);
        }

        /** Where focus goes when the row that had it leaves the page. */
        function focusFallback() {
            return $('#pat-select-all')[0];
        }

        /** (Re)loads the current page of tokens; only the answer to the latest load is shown. */
        function load() {
            var mine = ++loads;
            pat.clearMessage($error);
            return pat.api('POST', '/tokens/search', criteria()).done(function (page) {
                if (mine !== loads) {
                    return;
                }
                pat.renderRows($table.find('tbody'), page.values, function (token) {
                    return pat.tokenRow(token, {select: true, owner: true});
                }, focusFallback);
                $('#pat-admin-empty').toggleClass('hidden', page.values.length > 0);
                $('#pat-select-all').prop('checked', false);
                // A large result is counted only so far: "of at least N" pages then. (Literal keys: Jira's
                // web-resource transformer replaces only AJS.I18n.getText calls with a literal key.)
                var pageInfo = '';
                if (page.totalPages > 0) {
                    pageInfo = page.totalPagesAtLeast
                        ? AJS.I18n.getText('pat.admin.page.info.atleast', page.page + 1, page.totalPages)
                        : AJS.I18n.getText('pat.admin.page.info', page.page + 1, page.totalPages);
                }
                $('#pat-page-info').text(pageInfo);
                $('#pat-page-prev').prop('disabled', page.page === 0);
                $('#pat-page-next').prop('disabled', page.isLastPage);
                $table.find('th.pat-sortable').removeAttr('aria-sort');
                $table.find('th[data-sort="' + state.sortBy + '"]')
                    .attr('aria-sort', state.orderBy === 'asc' ? 'ascending' : 'descending');
                selectionChanged();
            }).fail(function (xhr) {
                if (mine === loads) {
                    pat.showMessage($error, pat.errorText(xhr));
                }
            });
        }

        // --- filters, sorting, paging ---------------------------------------------------------------------------
        pat.statusOptions($('#pat-filter-status'));
        // The user filter: a picker over Jira's user search; the filter applies to the user picked from it.
        var picker = pat.userPicker($('#pat-filter-user'), {
            pick: function (user) {
                return user.fullName && user.fullName !== user.username ? user.fullName + ' (' + user.username + ')' : user.username;
            }
        });

        /** Typed text that names no picked user would match nothing: say so on the field instead of filtering. */
        function userFilterValid() {
            var $user = $('#pat-filter-user');
            pat.clearInvalid($('#pat-filter-form'), 'pat-admin-error');
            if ($.trim($user.val()) && !picker.user()) {
                pat.showMessage($error, AJS.I18n.getText('pat.picker.choose'));
                pat.markInvalid($user, 'pat-admin-error');
                return false;
            }
            return true;
        }

        $('#pat-filter-form').on('submit', function (e) {
            e.preventDefault();
            if (!userFilterValid()) {
                return;
            }
            state.page = 0;
            load();
        });
        $('#pat-filter-reset').on('click', function () {
            $('#pat-filter-form')[0].reset();
            picker.reset();
            pat.clearInvalid($('#pat-filter-form'), 'pat-admin-error');
            state.page = 0;
            load();
        });
        $table.on('click keydown', 'th.pat-sortable', function (e) {
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
            $table.find('.pat-select').prop('checked', this.checked);
            selectionChanged();
        });
        $table.on('change', '.pat-select', selectionChanged);

        // --- bulk revoke ----------------------------------------------------------------------------------------
        $('#pat-bulk-revoke').on('click', function () {
            var ids = $table.find('.pat-select:checked').map(function () { return Number(this.value); }).get();
            pat.clearMessage($success);
            pat.confirm({
                title: AJS.I18n.getText('pat.admin.bulkrevoke'),
                text: AJS.I18n.getText('pat.admin.bulkrevoke.confirm', ids.length),
                action: AJS.I18n.getText('pat.action.revoke'),
                trigger: this,
                fallback: focusFallback,
                run: function () {
                    return pat.api('DELETE', '/admin/tokens', ids).done(function () {
                        pat.showMessage($success, AJS.I18n.getText('pat.admin.bulkrevoke.done', ids.length));
                        load();
                    }).fail(function (xhr) {
                        pat.showMessage($error, pat.errorText(xhr));
                    });
                }
            });
        });

        // --- tokens for a user (service accounts): the create form of the profile panel, plus the username ------
        var form = pat.createForm({
            forUser: true,
            path: '/admin/tokens',
            policy: function () { return policy; },
            created: function (created, trigger) {
                pat.showToken(created.rawToken, load, {trigger: trigger});
            }
        });
        $('#pat-service-create').on('click', function () {
            pat.clearMessage($success);
            form.open(this);
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
                } else if ($.isArray(value)) {
                    $input.val(value.join(', '));
                } else {
                    $input.val(value);
                }
            });
            policy = {
                nameMaxLength: parseInt(values.nameMaxLength, 10),
                maxExpiryDays: parseInt(values.maxExpiryDays, 10),
                eternalAllowed: values.eternalTokensAllowed === true || values.eternalTokensAllowed === 'true'
            };
            $save.prop('disabled', false);
        }

        /** A field as the API takes it: a boolean, a number, null (emptied: back to the default), or text it refuses. */
        function formValue(input) {
            var $input = $(input);
            if ($input.is(':checkbox')) {
                return $input.prop('checked');
            }
            if ($input.attr('data-list')) {
                return $.trim($input.val()); // a list of days as text; the server reads and checks it
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
            pat.showMessage($settingsError, pat.errorText(xhr));
        });
        $('#pat-settings-form').on('submit', function (e) {
            e.preventDefault();
            pat.clearMessage($settingsError);
            pat.clearMessage($saved);
            pat.clearInvalid($('#pat-settings-form'), 'pat-settings-error');
            var body = {};
            $('.pat-setting').each(function () {
                var key = $(this).attr('data-key');
                var value = formValue(this);
                var before = $.isArray(loaded[key]) ? loaded[key].join(',') : loaded[key];
                if ((typeof value === 'string' && $.isArray(loaded[key]) ? value.replace(/\s+/g, '') : value) !== before) {
                    body[key] = value;
                }
            });
            pat.guard($save, function () {
                return pat.api('PUT', '/admin/settings', body).done(function (values) {
                    showSettings(values);
                    pat.showMessage($saved, AJS.I18n.getText('pat.settings.saved'));
                    load(); // statuses follow the policy (expires-soon warning), and the server applies it
                }).fail(function (xhr) {
                    pat.showMessage($settingsError, pat.errorText(xhr));
                    var key = pat.errorField(xhr);
                    var $field = key ? $('.pat-setting').filter(function () { return $(this).attr('data-key') === key; }) : $();
                    if ($field.length) {
                        pat.markInvalid($field, 'pat-settings-error');
                    }
                });
            });
        });

        load();
    });
}(AJS.$, window));
