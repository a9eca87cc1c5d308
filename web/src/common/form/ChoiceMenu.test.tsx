// The menu button for changes that take effect at once: only a committed choice (Enter,
// Space or a click on another value) changes anything; arrow keys open and move, never
// choose; Escape, Tab and a click elsewhere close without a change.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, it, vi } from 'vitest';
import { ChoiceMenu } from './ChoiceMenu.js';

const VALUES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
const LABELS = { OPEN: 'Open', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', CLOSED: 'Closed' };

function setup() {
  const onChoose = vi.fn();
  function Harness() {
    const [value, setValue] = useState<(typeof VALUES)[number]>('OPEN');
    return (
      <>
        <ChoiceMenu
          label="Status of “Printer”"
          values={VALUES}
          labels={LABELS}
          value={value}
          onChoose={(v) => {
            onChoose(v);
            setValue(v);
          }}
        />
        <button type="button">Elsewhere</button>
      </>
    );
  }
  render(<Harness />);
  const button = screen.getByRole('button', { name: 'Status of “Printer”: Open' });
  return { onChoose, button, user: userEvent.setup() };
}

const focused = () => document.activeElement?.textContent;

it.each([
  ['arrow keys on the closed button only open it', '{ArrowDown}', null, 'Open'],
  ['↓ then Escape', '{ArrowDown}{ArrowDown}{Escape}', null, 'Open'],
  ['Enter opens, ↓ moves, Enter commits', '{Enter}{ArrowDown}{Enter}', 'IN_PROGRESS', 'In progress'],
  ['Space commits', '{Enter}{ArrowDown}{ArrowDown} ', 'RESOLVED', 'Resolved'],
  ['↑ wraps to the last', '{Enter}{ArrowUp}{Enter}', 'CLOSED', 'Closed'],
  ['End and Home', '{Enter}{End}{Home}{ArrowDown}{Enter}', 'IN_PROGRESS', 'In progress'],
  ['a letter moves to the choice it starts', '{Enter}r{Enter}', 'RESOLVED', 'Resolved'],
  ['committing the current value changes nothing', '{Enter}{Enter}', null, 'Open'],
])('%s', async (_case, keys, chosen, shown) => {
  const { onChoose, button, user } = setup();
  button.focus();
  await user.keyboard(keys);
  expect(onChoose.mock.calls.map((c) => c[0])).toEqual(chosen ? [chosen] : []);
  expect(button.textContent).toBe(shown);
});

it('opens on the current choice, and gives focus back to the button when closed', async () => {
  const { button, user } = setup();
  await user.click(button);
  expect(screen.getByRole('menu', { name: 'Status of “Printer”' })).toBeTruthy();
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(focused()).toBe('Open');
  expect(document.activeElement?.getAttribute('aria-checked')).toBe('true');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('menu')).toBeNull();
  expect(document.activeElement).toBe(button);
});

it('commits a click on a choice', async () => {
  const { onChoose, button, user } = setup();
  await user.click(button);
  await user.click(screen.getByRole('menuitemradio', { name: 'Closed' }));
  expect(onChoose).toHaveBeenCalledWith('CLOSED');
  expect(screen.queryByRole('menu')).toBeNull();
});

it('closes without a change on a click elsewhere or Tab', async () => {
  const { onChoose, button, user } = setup();
  await user.click(button);
  await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
  expect(screen.queryByRole('menu')).toBeNull();
  await user.click(button);
  await user.keyboard('{ArrowDown}{Tab}');
  expect(screen.queryByRole('menu')).toBeNull();
  expect(onChoose).not.toHaveBeenCalled();
});
