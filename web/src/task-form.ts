import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { el } from './dom';
import { t } from './i18n';

/**
 * The form a step names, drawn by form-js (loaded only when an officer opens one) with what the
 * dossier already holds filled in. `complete` gets the data once form-js finds nothing wrong;
 * the server checks it again against the same form.
 */
export async function drawTaskForm(
  container: HTMLElement,
  form: { schema: unknown; title: string; data: Record<string, unknown> },
  complete: (data: Record<string, unknown>) => Promise<void>,
  close: () => void,
): Promise<void> {
  const body = el('div', { class: 'form-js' });
  const submit = el('button', { type: 'button', class: 'submit' }, t('inbox.complete'));
  const cancel = el('button', { type: 'button' }, t('inbox.cancel'));
  container.replaceChildren(el('h3', {}, form.title), body, el('p', {}, submit, cancel));
  container.hidden = false;
  // Every keystroke reaches the form's data at once: a quick click on "complete" sends all typed.
  const viewer = new Form({ container: body, debounce: false } as never);
  await viewer.importSchema(form.schema as never, form.data);
  submit.addEventListener('click', () => {
    const { data, errors } = viewer.submit();
    if (Object.keys(errors).length > 0) return;
    void complete(data)
      .then(() => {
        viewer.destroy();
        close();
      })
      .catch(() => undefined);
  });
  cancel.addEventListener('click', () => {
    viewer.destroy();
    close();
  });
}
