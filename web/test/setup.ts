// Component test setup: Testing Library's DOM matchers-free cleanup between tests, and
// a longer wait for what the screen should come to show: the whole app (session,
// page, redirect) renders in jsdom on a machine whose two cores other work shares.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ asyncUtilTimeout: 3000 });

afterEach(() => cleanup());
