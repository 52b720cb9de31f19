/*
 * Language of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) in the privacy product (issue 16 item 4).
 *
 * Dutch is the default whatever the browser asks for; English stays selectable with the link this module puts in
 * the page footer ("English" / "Nederlands"), remembered per browser in localStorage. Each app's scripts/config.js
 * imports this module and offers exactly the chosen language as its only available locale, so Angular-translate
 * never picks a language from the browser.
 *
 * The raw translation keys (CREATION_DATE, SEARCH_PLACEHOLDER) that appeared now and then were a race: the webapps
 * fetch their locale file over HTTP while Angular already renders, and a few parts (the search widget's labels)
 * translate once, at their first render. The webapps' own locale loader first looks in localStorage
 * ("camunda-web", key "<prefix>_locales_data_<language>_<bust>") and answers from there at once. loadTranslations
 * puts the file there before config.js returns, and the app only boots after config.js, so the first render
 * already has every label.
 */
const CHOICE_KEY = 'privacy-webapp-taal';
const LANGUAGES = ['nl', 'en'];
const WEBAPP_STORE = 'camunda-web';

export function chosenLanguage() {
  const choice = window.localStorage.getItem(CHOICE_KEY);
  return LANGUAGES.includes(choice) ? choice : 'nl';
}

function appRoot() {
  return document.querySelector('base')?.getAttribute('app-root') || '/camunda';
}

/** Loads the app's locale file into the webapps' own translation cache (see above) before the app boots. */
export async function loadTranslations(app, language) {
  const prefix = appRoot() + '/app/' + app + '/locales/';
  const bust = window.bust || '7.24.0';
  const response = await fetch(prefix + language + '.json?bust=' + bust, {credentials: 'same-origin'});
  if (!response.ok) {
    // the webapp then loads it itself and reports a missing locale in its notification bar
    return;
  }
  const labels = await response.json();
  const store = JSON.parse(window.localStorage.getItem(WEBAPP_STORE) || '{}');
  store[prefix + '_locales_data_' + language + '_' + bust] = JSON.stringify(labels);
  window.localStorage.setItem(WEBAPP_STORE, JSON.stringify(store));
}

/** The footer link that switches between Dutch and English and reloads the app. */
function offerOtherLanguage(language) {
  const other = language === 'nl' ? 'en' : 'nl';
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'privacy-taalkeuze';
  link.lang = other;
  link.textContent = other === 'en' ? 'English' : 'Nederlands';
  link.title = other === 'en' ? 'Show the Camunda webapps in English' : 'Toon de Camunda-webapps in het Nederlands';
  link.style.marginLeft = '1em';
  link.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(CHOICE_KEY, other);
    window.location.reload();
  });
  // beside the time-zone line of the webapps' footer (cam-widget-footer), inside its visible row
  const place = () => {
    const target = document.querySelector('footer #footer-timezone');
    if (target && link.parentNode !== target) {
      target.appendChild(link);
    }
  };
  place();
  // Angular renders (and re-renders) the footer after boot and drops what was added to an earlier one: put the link
  // back whenever it is gone
  new MutationObserver(place).observe(document.documentElement, {childList: true, subtree: true});
}

/**
 * Camunda Forms (form-js) in Tasklist have a few words of their own that no locale file reaches: an empty select
 * says "Select", a searchable one "Search", a date field "dd-mm-yyyy" (day first in Dutch, datum-nl.js; "mm/dd/yyyy"
 * where that is not loaded) and a time field "hh:mm". In Dutch they read "Kies…", "Zoeken", "dd-mm-jjjj" and "uu:mm".
 * Applied whenever form-js (re)renders; form-js only rewrites these words when the field's state changes.
 */
const FORM_WORDS = {
  'Select': 'Kies…',
  'Search': 'Zoeken',
  'dd-mm-yyyy': 'dd-mm-jjjj',
  'mm/dd/yyyy': 'mm/dd/jjjj',
  'hh:mm': 'uu:mm'
};

function translateForms() {
  const apply = () => {
    document.querySelectorAll('.fjs-container .fjs-select-display.fjs-select-placeholder').forEach(display => {
      // the text node itself, never a new one: form-js (Preact) keeps writing the chosen label into this node
      const word = display.firstChild;
      const dutch = word && word.nodeType === Node.TEXT_NODE && FORM_WORDS[word.nodeValue];
      if (dutch) {
        word.nodeValue = dutch;
      }
    });
    document.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
      const dutch = FORM_WORDS[input.getAttribute('placeholder')];
      if (dutch) {
        input.setAttribute('placeholder', dutch);
      }
    });
  };
  let queued = false;
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(() => {
        queued = false;
        apply();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'class']});
}

/**
 * The locale settings for an app's config.js: loads the chosen language's labels before boot, marks the page's
 * language and offers the other one.
 */
export async function webappLocale(app) {
  const language = chosenLanguage();
  document.documentElement.lang = language;
  await loadTranslations(app, language);
  offerOtherLanguage(language);
  if (language === 'nl') {
    translateForms();
  }
  return {availableLocales: [language], fallbackLocale: language};
}
