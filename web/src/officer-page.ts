import { ApiError, graphql } from './graphql';
import { language, t } from './i18n';
import { session, signIn, signOut } from './session';

/**
 * What every officer page shares: the sign-in form (`#signin`), the sign-out button
 * (`#signout`), the officer's name (`#who`) and the error line (`#error`); calls to the API as
 * the signed-in officer, whose refusals are shown in the page's language and whose
 * UNAUTHENTICATED ends the session.
 */
export class OfficerPage {
  private readonly signin = document.querySelector<HTMLFormElement>('#signin')!;
  private readonly error = document.querySelector<HTMLParagraphElement>('#error')!;

  constructor(private readonly render: () => Promise<void>) {
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
      typeof caught === 'string'
        ? caught
        : caught instanceof ApiError
          ? language() === 'vi'
            ? caught.userMessage
            : caught.message
          : t('error.network');
    this.error.hidden = false;
  }
}
