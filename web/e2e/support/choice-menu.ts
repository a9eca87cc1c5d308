// Changing a value with a menu button (web/src/common/form/ChoiceMenu.tsx) as an agent
// does: the button about `label`, opened, and a choice clicked.
import type { Locator, Page } from 'playwright-core';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The menu button about `label` (`Status of “Printer on fire”`, or `Status` on a ticket's page). */
export function menuButton(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escaped(label)}: `) });
}

/** What the menu button about `label` shows as chosen. */
export async function menuValue(scope: Page | Locator, label: string): Promise<string> {
  return ((await menuButton(scope, label).textContent()) ?? '').trim();
}

/** Opens the menu about `label` and commits `choice` with a click. */
export async function chooseInMenu(scope: Page | Locator, label: string, choice: string): Promise<void> {
  await menuButton(scope, label).click();
  await scope.getByRole('menu', { name: label }).getByRole('menuitemradio', { name: choice, exact: true }).click();
}
