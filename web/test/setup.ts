// Component test setup: Testing Library's DOM matchers-free cleanup between tests, and
// a longer wait for what the screen should come to show: the whole app (session,
// page, redirect) renders in jsdom on a machine whose two cores other work shares.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ asyncUtilTimeout: 3000 });

afterEach(() => cleanup());

// jsdom has <dialog> but none of its methods: enough of them for a component that
// opens a modal one (the browser tests run the real thing).
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  if (!this.hasAttribute('open')) return;
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};
