/*
 * Tasklist plugin of the privacy product: the "Zaak" tab beside every task (issue 16, DESIGN principle 10).
 * It shows, read-only and from the product at view time, the case the task's decision needs: the request, the
 * person, what happened so far. The page (/werkbank/taken/{taskId}) is rendered by the product with the user's own
 * login and engine authorizations; nothing of it passes through process variables. The tab comes first (priority
 * above the form's 1000), so a task opens on its case; the decision stays on the "Formulier" tab.
 *
 * A second plugin adds the absolute due date to the card's date line in the list, after Tasklist's relative time
 * ("Uiterste datum over 15 dagen (21 december 2026)", DL-1): Tasklist shows the date only in a tooltip, and the
 * dueDate card variable exists only in the main request process, not in the sub-processes that hold most tasks. The
 * due date is the task's own (the engine's task resource, read with the user's login), no variable.
 */
const engineApi = (document.querySelector('base')?.getAttribute('engine-api') || '/camunda/api/engine/')
  + 'engine/default/';
const english = () => document.documentElement.lang === 'en';

function describeDue(iso) {
  const due = new Date(iso);
  const locale = english() ? 'en-GB' : 'nl-NL';
  const absolute = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'long', year: 'numeric'}).format(due);
  const start = date => new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const days = Math.round((start(due) - start(new Date())) / 86400000);
  const relative = new Intl.RelativeTimeFormat(english() ? 'en' : 'nl', {numeric: 'auto'}).format(days, 'day');
  return {absolute, relative, overdue: days < 0};
}

const productRoot = (document.querySelector('base')?.getAttribute('app-root') || '/camunda')
  .replace(/\/camunda\/?$/, '');

export default [
  {
    id: 'privacy-case',
    pluginPoint: 'tasklist.task.detail',
    priority: 2000,
    label: 'Zaak',
    render: (node, {taskId}) => {
      const frame = document.createElement('iframe');
      frame.src = productRoot + '/werkbank/taken/' + encodeURIComponent(taskId) + '?ingebed=true';
      frame.title = 'Zaak bij deze taak';
      frame.setAttribute('data-privacy-case', taskId);
      frame.style.width = '100%';
      frame.style.height = '70vh';
      frame.style.border = '0';
      node.appendChild(frame);
    }
  },
  {
    id: 'privacy-card-due',
    pluginPoint: 'tasklist.card',
    priority: 100,
    render: (node, {taskId}) => {
      fetch(engineApi + 'task/' + encodeURIComponent(taskId), {credentials: 'same-origin',
        headers: {Accept: 'application/json'}})
        .then(response => (response.ok ? response.json() : null))
        .then(task => {
          if (!task || !task.due) {
            return;
          }
          const due = describeDue(task.due);
          const date = document.createElement('span');
          date.className = 'privacy-due-absolute';
          // on the card's always visible date line, after Tasklist's relative time ("Uiterste datum over 15 dagen")
          const line = node.closest('li.task')?.querySelector('.dates .due-date');
          if (line) {
            date.textContent = ' (' + due.absolute + ')';
            line.appendChild(date);
          } else {
            date.textContent = (english() ? 'Due date: ' : 'Uiterste datum: ') + due.absolute + ' (' + due.relative
              + ')';
            node.appendChild(date);
          }
        })
        .catch(() => {
          // the card keeps Tasklist's own relative line
        });
    }
  }
];
