// The Payara Server 6 admin console (port 4848) as an operator clicks through it: log in, open an application,
// set a MicroProfile Config property of the domain source, reload an application. The pages are JSF: every step
// finds its controls by their labels and texts, and waits for the page the click leads to.

/** The first hit starts the console application inside the domain: up to a few minutes on a busy machine. */
const FIRST_LOAD_MS = 240_000;
const PAGE_MS = 60_000;

export class PayaraConsole {
  constructor(page, url) {
    this.page = page;
    this.url = url.replace(/\/$/, '');
  }

  /** The login form, filled (the password field shows dots); `shot` is taken before Login is pressed. */
  async logIn(user, password, shot) {
    const { page } = this;
    await page.goto(`${this.url}/`, { timeout: FIRST_LOAD_MS });
    await page.getByLabel('User Name').waitFor({ timeout: FIRST_LOAD_MS });
    await page.getByLabel('User Name').fill(user);
    await page.getByLabel('Password').fill(password);
    if (shot) await page.screenshot({ path: shot });
    await page.getByRole('button', { name: 'Login' }).click();
    await this.tree('Common Tasks').waitFor({ timeout: FIRST_LOAD_MS });
  }

  /** A link of the navigation tree on the left. */
  tree(name) {
    return this.page.locator('[id^="treeForm"]').getByRole('link', { name, exact: true });
  }

  /** A link of the content area (anything but the tree). */
  content(name) {
    return this.page.locator('form:not([id^="treeForm"])').getByRole('link', { name, exact: true });
  }

  /** The tree's Applications node, then the application's name in the table: its Edit Application page. */
  async openApplication(name) {
    const { page } = this;
    await this.applications();
    await this.applicationRow(name).getByRole('link', { name, exact: true }).click();
    await page.getByText('Edit Application', { exact: true }).first().waitFor({ timeout: PAGE_MS });
    await page.getByText(/Modules and Components \(\d+\)/).first().waitFor({ timeout: PAGE_MS });
  }

  /** The tree loads pages into the content area in place (the address stays): wait for the page's own text. */
  async applications() {
    await this.tree('Applications').click();
    await this.page.getByText(/Deployed Applications \(\d+\)/).first().waitFor({ timeout: PAGE_MS });
  }

  /** The module names (`*.jar`, `*.war`, `*.rar`) the Edit Application page shows, once each. */
  async moduleNames() {
    const text = await this.page.locator('body').innerText();
    return [...new Set(text.match(/[\w-]+\.(?:jar|war|rar)\b/g) ?? [])];
  }

  /**
   * Configurations → server-config → MicroProfile (the tree's link, opened by its address), then the Config tab's
   * Property sub-tab, with the source set to domain.
   */
  async openConfigProperties() {
    const { page } = this;
    await page.goto(`${this.url}/microprofile/microprofile/specs/configConfiguration.jsf?configName=server-config`,
      { timeout: PAGE_MS });
    await this.content('Property').click();
    await page.getByText(/Additional Properties \(\d+\)/).first().waitFor({ timeout: PAGE_MS });
    const source = page.getByLabel('Source');
    if ((await source.inputValue()) !== 'domain') {
      await this.posting(() => source.selectOption('domain'));
    }
  }

  /** Runs `action` (a click that submits a form) and waits until the console answered its POST. */
  async posting(action) {
    const { page } = this;
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 180_000 }), action()]);
    await page.waitForLoadState('load');
  }

  /** Sets `name` to `value` on the Property page (a new row, or the existing row of that name) and saves. */
  async setConfigProperty(name, value) {
    const { page } = this;
    await this.openConfigProperties();
    let row = await this.propertyRow(name);
    if (!row) {
      await this.posting(() => page.getByRole('button', { name: 'Add Property' }).click());
      await page.waitForFunction(() => [...document.querySelectorAll('input[id$=":col2:col1St"]')]
        .some((field) => field.value === ''), null, { timeout: PAGE_MS });
      row = await this.propertyRow('');
      if (!row) throw new Error('Add Property made no empty row');
      await row.name.fill(name);
    }
    await row.value.fill(value);
    await this.posting(() => page.getByRole('button', { name: 'Save' }).first().click());
  }

  /**
   * The name and value fields of the property table's row whose name is `name` ('' for the row Add Property made),
   * or null.
   */
  async propertyRow(name) {
    const names = this.page.locator('input[id$=":col2:col1St"]');
    for (const field of await names.all()) {
      if ((await field.inputValue()) === name) {
        const id = await field.getAttribute('id');
        return { name: field, value: this.page.locator(`[id="${id.replace(/:col2:col1St$/, ':col3:col1St')}"]`) };
      }
    }
    return null;
  }

  /**
   * Applications, then the Reload link of the application's row. Waits for the console's answer at most 30 s: the
   * caller sees the reload itself in the application (its sockets close, then it is ready again).
   */
  async reload(name) {
    const { page } = this;
    await this.applications();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 30_000 }).catch(() => null);
    await this.applicationRow(name).getByRole('link', { name: 'Reload', exact: true }).click();
    await answered;
    await page.waitForLoadState('load');
  }

  /** The innermost table row holding both the application's name and its Reload link. */
  applicationRow(name) {
    const { page } = this;
    return page.locator('tr').filter({ has: page.getByRole('link', { name, exact: true }) })
      .filter({ has: page.getByRole('link', { name: 'Reload', exact: true }) })
      .filter({ hasNot: page.locator('tr') });
  }

  /** The console's message line (after Save, Reload…), or '' when it shows none. */
  async message() {
    const alert = this.page.locator('[class*="Alrt"], [class*="alert"], [class*="Msg"]').filter({ hasText: /\S/ });
    return (await alert.count()) ? (await alert.first().innerText()).replace(/\s+/g, ' ').trim() : '';
  }
}
