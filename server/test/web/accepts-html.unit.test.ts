// Content negotiation between the playground page and GraphQL JSON on GET /graphql.
import { expect, it } from 'vitest';
import { prefersHtml } from '../../src/web/accepts-html.js';

it.each([
  ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
  ['text/html', true],
  ['application/xhtml+xml', true],
  ['application/json, text/html;q=0.5', false],
  ['text/html;q=0.9, application/json', false],
  ['text/html, application/json', false],
  ['application/graphql-response+json, application/json;q=0.9', false],
  ['*/*', false],
  ['', false],
  [undefined, false],
  ['text/html;q=0', false],
  ['TEXT/HTML', true],
])('prefersHtml(%j) is %s', (accept, expected) => {
  expect(prefersHtml(accept)).toBe(expected);
});
