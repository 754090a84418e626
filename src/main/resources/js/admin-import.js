/* The admin page's "Import from Jira's built-in app" tab: sends the chosen export to POST /admin/import/builtin
   (as a dry run or for real) and shows the counts and the row errors, announced to screen readers. */
(function ($, window) {
    'use strict';

    $(function () {
        var pat = window.JiraPat;
        var $form = $('#pat-import-form');
        if (!$form.length || !pat) {
            return;
        }
        var $error = $('#pat-import-error');
        var $result = $('#pat-import-result');
        var maxListed = 1000;

        function render(report) {
            var summary = report.dryRun
                ? AJS.I18n.getText('pat.import.result.dry', report.imported, report.skipped, report.failed)
                : AJS.I18n.getText('pat.import.result', report.imported, report.skipped, report.failed);
            $result.empty().append($('<p>').text(summary));
            if (report.errors && report.errors.length) {
                var $list = $('<ul class="pat-import-errors">');
                $.each(report.errors, function (i, e) {
                    $list.append($('<li>').text(AJS.I18n.getText('pat.import.result.line', e.line, e.reason)));
                });
                $result.append($list);
                if (report.failed > report.errors.length) {
                    $result.append($('<p>').text(AJS.I18n.getText('pat.import.result.more', maxListed)));
                }
            }
        }

        function send(dryRun, button) {
            pat.clearMessage($error);
            var file = $('#pat-import-file')[0].files[0];
            if (!file) {
                pat.showMessage($error, AJS.I18n.getText('pat.import.choose.file'));
                $('#pat-import-file').trigger('focus');
                return;
            }
            var type = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv';
            var zone = $.trim($('#pat-import-zone').val()) || 'UTC';
            $result.empty();
            pat.guard(button, function () {
                return $.ajax({
                    url: AJS.contextPath() + '/rest/pat/latest/admin/import/builtin?dryRun=' + dryRun
                        + '&timeZone=' + encodeURIComponent(zone),
                    type: 'POST',
                    contentType: type,
                    data: file,
                    processData: false,
                    dataType: 'json',
                    headers: {'X-Atlassian-Token': 'no-check'}
                }).done(render).fail(function (xhr) {
                    pat.showMessage($error, pat.errorText(xhr));
                });
            });
        }

        $('#pat-import-dry-run').on('click', function () {
            send(true, this);
        });
        $('#pat-import-run').on('click', function () {
            send(false, this);
        });
    });
}(AJS.$, window));
