/*
 * welcome of the privacy product: Dutch by default, English selectable in the footer (issue 16 item 4); the labels are
 * loaded before the app renders (see ../../privacy/webapp-taal.js).
 */
import {webappLocale} from '../../privacy/webapp-taal.js';

export default {
  locales: await webappLocale('welcome'),
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
