/*
 * Tasklist of the privacy product (issue 16 item 4): Dutch by default, English selectable in the footer; the labels
 * are loaded before the app renders (see ../../privacy/webapp-taal.js).
 *
 * customScripts: the "Zaak" tab on every task (zaak-tab.js, an ES module with Tasklist plugins, path relative to
 * app/tasklist/). requireJsConfig: start-melding.js, an AngularJS module that tells the user the new request's
 * reference and due date after "Proces starten". datum-nl.js: date fields of Camunda Forms day-first (dd-mm-jjjj) in
 * Dutch.
 */
import {chosenLanguage, webappLocale} from '../../privacy/webapp-taal.js';
import {dayFirstDates} from '../../privacy/datum-nl.js';

// date fields of Camunda Forms read and take dd-mm-jjjj in Dutch (form-js follows the browser's locale otherwise)
if (chosenLanguage() === 'nl') {
  dayFirstDates();
}

export default {
  locales: await webappLocale('tasklist'),
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  customScripts: ['scripts/zaak-tab'],
  requireJsConfig: {
    ngDeps: ['privacy.startmelding'],
    deps: ['privacy-startmelding'],
    paths: {
      'privacy-startmelding': 'scripts/start-melding'
    }
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claimt de geselecteerde taak'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van het taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster "Proces starten"'
    }
  }
};
