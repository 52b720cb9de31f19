/*
 * Date fields of Camunda Forms (form-js) day-first in Dutch: dd-mm-jjjj (issue 16).
 *
 * How form-js chooses the format (the datetime field of form-js 1.x as bundled in Tasklist 7.24, lib/deps.js): the
 * date picker (flatpickr) gets a dateFormat derived from `new Intl.DateTimeFormat(locale)` for a fixed date, and
 * form-js passes no locale, so it is the BROWSER's default locale: an English browser gets m/d/Y, whatever language
 * Tasklist shows. The input's placeholder is derived the same way (lower-cased, "mm/dd/yyyy"). There is no option in
 * the form or in Tasklist's config.js to set it.
 *
 * So, while the webapps are in Dutch, this module makes the default date format of the page Dutch with two digits:
 * `Intl.DateTimeFormat()` without locale and options (what form-js calls) answers as nl-NL with 2-digit day and
 * month, giving flatpickr "d-m-Y" (05-03-2026); every call that names a locale or options is untouched. The
 * placeholder that form-js then derives, "dd-mm-yyyy", reads "dd-mm-jjjj" (webapp-taal.js). The value the form submits
 * stays an ISO date (2026-03-05): only what the user reads and types changes. In English nothing changes.
 */
export function dayFirstDates() {
  const Original = Intl.DateTimeFormat;
  if (Original.privacyDayFirst) {
    return;
  }
  const DayFirst = function(locales, options) {
    if ((locales === undefined || locales === 'default') && options === undefined) {
      return new Original('nl-NL', {day: '2-digit', month: '2-digit', year: 'numeric'});
    }
    return new Original(locales, options);
  };
  DayFirst.prototype = Original.prototype;
  DayFirst.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
  DayFirst.privacyDayFirst = true;
  Intl.DateTimeFormat = DayFirst;
}
