/* The profile panel: create, rotate and revoke personal access tokens. */
(function ($, window) {
    'use strict';

    $(function () {
        var $panel = $('#pat-panel');
        if (!$panel.length) {
            return;
        }
        var pat = window.JiraPat;
        var nameMax = parseInt($panel.attr('data-name-max-length'), 10);
        var reload = function () { window.location.reload(); };

        // --- create -------------------------------------------------------------------------------------------
        var $form = $('#pat-create-form');
        var $error = $('#pat-create-error');
        var $name = $('#pat-name');
        var $expiry = $('#pat-expiry');
        var $days = $('#pat-expiry-days');

        function updateCount() {
            $('#pat-name-count').text(AJS.I18n.getText('pat.create.name.count', Array.from($name.val()).length, nameMax));
        }

        $('#pat-create').on('click', function () {
            $form[0].reset();
            $days.addClass('hidden');
            pat.hideError($error);
            updateCount();
            AJS.dialog2('#pat-create-dialog').show();
            $name.trigger('focus');
        });
        $name.on('input', updateCount);
        $expiry.on('change', function () {
            $days.toggleClass('hidden', $expiry.val() !== 'custom');
            if ($expiry.val() === 'custom') {
                $days.trigger('focus');
            }
        });
        $('#pat-create-cancel').on('click', function () {
            AJS.dialog2('#pat-create-dialog').hide();
        });
        $form.on('submit', function (e) {
            e.preventDefault();
            pat.hideError($error);
            var name = $name.val();
            if (!name || !name.trim()) {
                pat.showError($error, AJS.I18n.getText('pat.create.name.required'));
                $name.trigger('focus');
                return;
            }
            var body = {name: name, scope: $form.find('input[name=scope]:checked').val(), allowedIps: pat.ranges($('#pat-ips').val())};
            var choice = $expiry.val();
            if (choice === 'custom') {
                var days = Number($days.val());
                if (!Number.isInteger(days) || days < 1) {
                    pat.showError($error, AJS.I18n.getText('pat.create.expiry.invalid'));
                    $days.trigger('focus');
                    return;
                }
                body.expirationDuration = days;
            } else if (choice !== 'never') {
                body.expirationDuration = parseInt(choice, 10);
            }
            var $submit = $('#pat-create-submit').prop('disabled', true).attr('aria-disabled', 'true');
            pat.api('POST', '/tokens', body).done(function (created) {
                AJS.dialog2('#pat-create-dialog').hide();
                pat.showToken(created.rawToken, reload);
            }).fail(function (xhr) {
                pat.showError($error, pat.errorText(xhr));
            }).always(function () {
                $submit.prop('disabled', false).removeAttr('aria-disabled');
            });
        });

        // --- rotate and revoke --------------------------------------------------------------------------------
        $panel.on('click', '.pat-rotate', function () {
            var id = $(this).closest('tr').attr('data-token-id');
            pat.api('POST', '/tokens/' + encodeURIComponent(id) + '/rotate').done(function (rotated) {
                pat.showToken(rotated.rawToken, reload);
            }).fail(function (xhr) {
                pat.showError($('#pat-panel-error'), pat.errorText(xhr));
            });
        });

        var revoking = null;
        $panel.on('click', '.pat-revoke', function () {
            var $row = $(this).closest('tr');
            revoking = $row.attr('data-token-id');
            $('#pat-revoke-name').text($row.attr('data-token-name'));
            AJS.dialog2('#pat-revoke-dialog').show();
        });
        $('#pat-revoke-cancel').on('click', function () {
            AJS.dialog2('#pat-revoke-dialog').hide();
        });
        $('#pat-revoke-confirm').on('click', function () {
            var id = revoking;
            AJS.dialog2('#pat-revoke-dialog').hide();
            pat.api('DELETE', '/tokens/' + encodeURIComponent(id)).done(reload).fail(function (xhr) {
                pat.showError($('#pat-panel-error'), pat.errorText(xhr));
            });
        });
    });
}(AJS.$, window));
