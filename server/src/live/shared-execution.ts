// One execution per activity for every subscriber who would get the same answer:
// same document, operation and variables, same role and scopes and, when the
// selection has fields whose access depends on who asks (a user's email, a token's
// scopes), the same person. With 200 agents subscribed to the web app's one subscription, a commit is
// executed once, not 200 times; each subscriber still gets its own message.
import {
  createSourceEventStream,
  execute,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Actor } from '../auth/actor.js';

export interface SharedExecution {
  /** graphql-ws's `subscribe`: graphql-js's, but each event executed once per share key (`keyed`). */
  subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  /** Marks a subscription's context with the key of those who share its executions. */
  keyed(
    contextValue: object,
    key: { query: string; operationName?: string | null; variables?: unknown; actor: Actor; document: DocumentNode },
  ): void;
}

/** An iterator of `map`ped events whose `return` reaches the source at once, even while waiting for an event. */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (event: T) => Promise<R>): AsyncIterableIterator<R> {
  const events = source[Symbol.asyncIterator]();
  const iterator: AsyncIterableIterator<R> = {
    async next() {
      const event = await events.next();
      return event.done ? { value: undefined, done: true } : { value: await map(event.value), done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function createSharedExecution(schema: GraphQLSchema, fieldsWithOwnAccess: ReadonlySet<string>): SharedExecution {
  const keys = new WeakMap<object, string>();
  // Per event, the executions made of it: the event (an activity) is the same object
  // for every subscriber, and is forgotten with it.
  const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  /** Whether the document selects a field that declares its own access (`@Authorized` on the field). */
  function selectsCallerDependentFields(document: DocumentNode): boolean {
    const typeInfo = new TypeInfo(schema);
    let dependent = false;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && fieldsWithOwnAccess.has(`${parent.name}.${node.name.value}`)) dependent = true;
        },
      }),
    );
    return dependent;
  }

  return {
    keyed(contextValue, { query, operationName, variables, actor, document }) {
      const who = selectsCallerDependentFields(document) ? [actor.kind, actor.userId, actor.tokenId] : [];
      keys.set(contextValue, JSON.stringify([query, operationName ?? null, variables ?? null, actor.role, [...actor.scopes].sort(), who]));
    },
    async subscribe(args) {
      const source = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in source)) return source;
      const key = keys.get(args.contextValue as object);
      return mapEvents(source as AsyncIterable<unknown>, (event) => {
        const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
        if (key === undefined || typeof event !== 'object' || event === null) return run();
        let byKey = executions.get(event);
        if (!byKey) executions.set(event, (byKey = new Map()));
        let result = byKey.get(key);
        if (!result) byKey.set(key, (result = run()));
        return result;
      });
    },
  };
}
