// Component test setup: Testing Library's DOM matchers-free cleanup between tests.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
