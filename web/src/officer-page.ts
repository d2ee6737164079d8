import { el } from './dom';
import { ApiError, errorText, graphql } from './graphql';
import { language, t } from './i18n';
import { session, signIn, signOut } from './session';

/**
 * What every officer page shares: its header with the officer's name, sign-out and language
 * buttons; the sign-in form; the error line; calls to the API as
 * the signed-in officer, whose refusals are shown in the page's language and whose
 * UNAUTHENTICATED ends the session.
 */
export class OfficerPage {
  private readonly signin: HTMLFormElement;
  private readonly error: HTMLParagraphElement;

  /** Draws the page's header (its title by translation key) and sign-in form, then wires them. */
  constructor(
    titleKey: string,
    private readonly render: () => Promise<void>,
  ) {
    document.body.prepend(
      el(
        'header',
        { class: 'bar' },
        el('strong', { 'data-t': titleKey }),
        el(
          'span',
          {},
          el('span', { id: 'who' }),
          el('button', {
            type: 'button',
            id: 'signout',
            class: 'lang',
            'data-t': 'inbox.signout',
            hidden: '',
          }),
          el('button', { type: 'button', class: 'lang', 'data-t': 'lang.switch' }),
        ),
      ),
    );
    const field = (key: string, attributes: Record<string, string>) =>
      el('label', {}, el('span', { 'data-t': key }), el('input', { required: '', ...attributes }));
    this.signin = el(
      'form',
      { id: 'signin', class: 'narrow', hidden: '' },
      field('inbox.username', { name: 'username', autocomplete: 'username' }),
      field('inbox.password', {
        name: 'password',
        type: 'password',
        autocomplete: 'current-password',
      }),
      el('button', { type: 'submit', 'data-t': 'inbox.signin' }),
    );
    this.error = el('p', { id: 'error', class: 'error narrow', role: 'alert', hidden: '' });
    document.querySelector('main')!.prepend(this.signin, this.error);
    this.signin.addEventListener('submit', (event) => {
      event.preventDefault();
      const form = new FormData(this.signin);
      signIn(String(form.get('username')), String(form.get('password')))
        .then(() => {
          this.signin.reset();
          this.error.hidden = true;
          return this.refresh();
        })
        .catch((caught: unknown) => this.fail(caught));
    });
    document.querySelector('#signout')!.addEventListener('click', () => {
      signOut();
      void this.refresh();
    });
  }

  /** Shows the sign-in form or the page, then draws the page for the officer signed in. */
  async refresh(): Promise<void> {
    const me = session();
    this.signin.hidden = me !== undefined;
    document.querySelector<HTMLElement>('#signout')!.hidden = me === undefined;
    document.querySelector('#who')!.textContent = me ? `${me.officer.fullName} ` : '';
    // The page's sections show once drawn, so that what is seen is never half loaded.
    if (me) await this.render().catch(() => undefined);
    for (const element of document.querySelectorAll<HTMLElement>('[data-signed-in]')) {
      element.hidden = me === undefined;
    }
  }

  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.error.hidden = true;
    try {
      return await graphql<T>(query, variables, session()?.token);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') {
        signOut();
        void this.refresh();
      }
      this.fail(caught);
      throw caught;
    }
  }

  /** Shows a refusal, or a message of the page's own. */
  fail(caught: unknown): void {
    this.error.textContent =
      typeof caught === 'string' ? caught : errorText(caught, language(), t('error.network'));
    this.error.hidden = false;
  }
}
