/*
 * After "Proces starten" in Tasklist the user sees the new case's reference, its kind and its due date (issue 16 item
 * 4), for every startable process (request, complaint, breach, camera protocol, processor agreement...). Tasklist
 * itself only says "the process has been started".
 *
 * An AngularJS module (requireJsConfig.ngDeps in config.js) that decorates Tasklist's engine client: when a start
 * form is submitted (process-definition submitForm), the engine answers with the new instance, whose business key is
 * the reference the product gave it (the capability's intake listener). Kind and due date are read from the product
 * API (GET /api/cases/{reference}, workbench/StartedCases: the user's own login and engine authorizations, no
 * personal data), never from a process variable, and shown in Tasklist's own notification bar for 30 seconds. A
 * case without a term (a camera protocol) says so.
 *
 * The notice is added once the start dialog is gone. Tasklist hands a notification to the most recently registered
 * notification panel, and the dialog has one of its own: a notice added while the dialog was still open went into the
 * dialog's panel and vanished with it (two browser tests on one clean CI run never saw it, when the product's answer
 * came before the dialog had closed).
 */
define(['angular'], function(angular) {
  'use strict';

  var productRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')
      || '/camunda').replace(/\/camunda\/?$/, '');
  var english = function() {
    return document.documentElement.lang === 'en';
  };

  function dayDistance(isoDate) {
    var due = new Date(isoDate + 'T00:00:00');
    var today = new Date();
    today.setHours(0, 0, 0, 0);
    return Math.round((due - today) / 86400000);
  }

  function describeDueDate(isoDate) {
    var locale = english() ? 'en-GB' : 'nl-NL';
    var absolute = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'long', year: 'numeric'})
        .format(new Date(isoDate + 'T00:00:00'));
    var relative = new Intl.RelativeTimeFormat(english() ? 'en' : 'nl', {numeric: 'auto'})
        .format(dayDistance(isoDate), 'day');
    return absolute + ' (' + relative + ')';
  }

  var DIALOG_CHECK_MILLIS = 200;

  function announce($injector, reference) {
    var $http = $injector.get('$http');
    var $timeout = $injector.get('$timeout');
    var notify = function(message) {
      if (document.querySelector('.modal')) {
        $timeout(function() {
          notify(message);
        }, DIALOG_CHECK_MILLIS);
      } else {
        $injector.get('Notifications').addMessage(message);
      }
    };
    var referenceText = (english() ? 'Reference ' : 'Referentie ') + reference;
    $http.get(productRoot + '/api/cases/' + encodeURIComponent(reference), {headers: {Accept: 'application/json'}})
      .then(function(response) {
        var due = response.data.dueDate
          ? (english() ? 'due date ' : 'uiterste datum ') + describeDueDate(response.data.dueDate)
          : (english() ? 'no fixed term' : 'geen vaste termijn');
        notify({
          status: (response.data.kindName || (english() ? 'Case' : 'Zaak')) + (english() ? ' started' : ' gestart'),
          message: referenceText + ' \u00b7 ' + due,
          duration: 30000
        });
      }, function() {
        // not readable by this user: the reference only
        notify({status: english() ? 'Started' : 'Gestart', message: referenceText, duration: 30000});
      });
  }

  return angular.module('privacy.startmelding', [])
    .config(['$provide', function($provide) {
      // Tasklist starts through the engine client (camAPI), not through $http: its start-form submission is wrapped.
      $provide.decorator('camAPI', ['$delegate', '$injector', function(camAPI, $injector) {
        var definitions = camAPI.resource('process-definition');
        var submitForm = definitions.submitForm;
        definitions.submitForm = function(data, done) {
          var seen = function(instance) {
            if (instance && instance.businessKey) {
              announce($injector, instance.businessKey);
            }
          };
          var result = submitForm.call(this, data, done && function(error, instance) {
            if (!error) {
              seen(instance);
            }
            return done.apply(this, arguments);
          });
          if (!done && result && typeof result.then === 'function') {
            return result.then(function(instance) {
              seen(instance);
              return instance;
            });
          }
          return result;
        };
        return camAPI;
      }]);
    }]);
});
