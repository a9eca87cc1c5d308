// Signing in as a person does: through the app's sign-in page, whose answer sets the
// session and CSRF cookies in the browser context. No cookie is ever injected.
import type { Page } from 'playwright-core';
import type { Credentials } from './server.js';

/** The sign-in form of the page on screen, filled in and sent. */
export async function submitSignIn(page: Page, who: Credentials): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the sign-in page, signs in, and waits until the app shows who is signed in. */
export async function signIn(page: Page, who: Credentials): Promise<void> {
  await page.goto('/signin');
  await submitSignIn(page, who);
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
}
