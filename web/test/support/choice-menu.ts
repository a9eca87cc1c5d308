// Driving a ChoiceMenu (common/form/ChoiceMenu.tsx) as an agent does: its button,
// found by what it is about, opened, and a choice clicked.
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The menu button about `label` (`Status of “Cannot log in”`), in `scope`. */
export function menuButton(scope: HTMLElement, label: string): HTMLButtonElement {
  return within(scope).getByRole<HTMLButtonElement>('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) });
}

/** Opens the menu of `button` and clicks `choice`. */
export async function choose(user: UserEvent, button: HTMLElement, choice: string): Promise<void> {
  await user.click(button);
  await user.click(within(screen.getByRole('menu')).getByRole('menuitemradio', { name: choice }));
}
