/*
 * Shared by the profile panel and the admin page: JSON calls to our REST API, error text, and the dialog that
 * shows a new token exactly once. Every user-supplied string reaches the page through text(), never html().
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

    function showError($box, text) {
        $box.empty().append($('<p>').text(text)).removeClass('hidden');
    }

    function hideError($box) {
        $box.empty().addClass('hidden');
    }

    /** The dialog that shows a new token, built once per page (AUI dialog2 markup, labelled and keyboard-usable). */
    function tokenDialog() {
        var $dialog = $('#pat-token-dialog');
        if ($dialog.length) {
            return $dialog;
        }
        $dialog = $('<section id="pat-token-dialog" class="aui-dialog2 aui-dialog2-medium aui-layer" role="dialog" aria-hidden="true" data-aui-modal="true" aria-labelledby="pat-token-title">'
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
        return $dialog.appendTo(document.body);
    }

    /** Shows a raw token once; closing the dialog wipes it from the page and runs onClose. */
    function showToken(rawToken, onClose) {
        var dialog = AJS.dialog2(tokenDialog());
        var $value = $('#pat-token-value');
        var base = window.location.protocol + '//' + window.location.host + AJS.contextPath();
        $value.val(rawToken);
        $('#pat-token-curl').text('curl -H "Authorization: Bearer ' + rawToken + '" ' + base + '/rest/api/2/myself');
        $('#pat-token-copied').addClass('hidden');
        $('#pat-token-copy').off('click').on('click', function () {
            $value.trigger('select');
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
        var closed = false;
        var close = function () {
            if (closed) {
                return;
            }
            closed = true;
            $value.val('');
            $('#pat-token-curl').text('');
            dialog.hide();
            if (onClose) {
                onClose();
            }
        };
        $('#pat-token-close').off('click').on('click', close);
        dialog.off('hide').on('hide', close);
        dialog.show();
        $value.trigger('focus').trigger('select');
    }

    /** Splits a free-text list of IP ranges (commas, spaces or new lines). */
    function ranges(text) {
        return $.grep((text || '').split(/[\s,]+/), function (s) { return s.length > 0; });
    }

    window.JiraPat = {api: api, errorText: errorText, showError: showError, hideError: hideError, showToken: showToken, ranges: ranges};
}(AJS.$, window));
