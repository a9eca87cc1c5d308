// The strict body decoders: form bodies read exactly as the URL standard reads valid ones
// (what @fastify/formbody gave before), and the field each path in a body stands for.
import { describe, expect, it } from 'vitest';
import { graphqlFieldOf, parseFormBody, restFieldOf } from '../../src/http/body-parsers.js';
import { TicketError } from '../../src/tickets/ticket.errors.js';

describe('parseFormBody', () => {
  it.each([
    'title=a&description=b',
    'title=a+b%20c&description=%26%3D%2B',
    'title=first&title=last',
    'title',
    '=value',
    '&&title=x&',
    'title=100%&x=%zz%4',
    'caf%C3%A9=%F0%9F%98%80',
    '',
  ])('reads %j as URLSearchParams does, the last repeated value winning', (body) => {
    const expected = Object.fromEntries(new URLSearchParams(body));
    expect({ ...parseFormBody(Buffer.from(body)) }).toEqual(expected);
  });

  it.each([
    ['title=%FF&description=ok', ['title']],
    ['title=ok&description=%C3', ['description']],
    ['%FF=x&title=ok', [null]],
    ['title=%E9&description=%E9', ['title', 'description']],
  ])('refuses %j naming the fields', (body, fields) => {
    const error = (() => {
      try {
        parseFormBody(Buffer.from(body));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TicketError);
    expect((error as TicketError).issues.map((i) => [i.field, i.code])).toEqual(fields.map((f) => [f, 'INVALID']));
  });
});

describe('fields of body paths', () => {
  it.each<[(string | number)[], string | null, string | null]>([
    [['title'], 'title', null],
    [['variables', 'input', 'title'], 'variables', 'title'],
    [['variables', 'search'], 'variables', 'search'],
    [['variables', 'filter', 'categories', 0], 'variables', 'categories'],
    [[0, 'variables', 'input', 'description'], null, 'description'],
    [['query'], 'query', null],
    [['operationName'], 'operationName', null],
    [[], null, null],
  ])('%j is %s on REST and %s on GraphQL', (path, rest, graphql) => {
    expect([restFieldOf(path), graphqlFieldOf(path)]).toEqual([rest, graphql]);
  });
});
