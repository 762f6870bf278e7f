import type { Locator, Page } from '@playwright/test';

/** Page objects: find things the way a learner (or a screen reader) does — by role and name. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/');
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  lessonLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  module(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}

export class LessonPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  toc(): Locator {
    return this.page.getByRole('navigation', { name: 'On this page' });
  }

  markComplete(): Locator {
    return this.page.getByRole('button', { name: /Mark complete|Completed/ });
  }

  body(): Locator {
    return this.page.locator('.lesson-body');
  }

  async waitForBody() {
    await this.toc().waitFor();
  }

  themeRadio(name: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('radio', { name });
  }
}
