/*
 * Tasklist plugin of the privacy product: the "Zaak" tab beside every task (issue 16, DESIGN principle 10).
 * It shows, read-only and from the product at view time, the case the task's decision needs: the request, the
 * person, what happened so far. The page (/werkbank/taken/{taskId}) is rendered by the product with the user's own
 * login and engine authorizations; nothing of it passes through process variables. The tab comes first (priority
 * above the form's 1000), so a task opens on its case; the decision stays on the "Formulier" tab.
 */
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
  }
];
