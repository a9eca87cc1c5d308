// A validation rule that bounds the database work one GraphQL request can ask for.
// Without it, one 1 MB document could alias `tickets(search:)` or `stats` thousands
// of times and hold the (single, on the embedded database) connection for minutes.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Fields that each cost at least one database query. */
const COSTLY_FIELDS = new Set([
  'tickets',
  'ticket',
  'totalCount',
  'stats',
  'ticketsPerDay',
  'classifyDescription',
  'createTicket',
  'updateTicket',
]);

export const MAX_OPERATION_COST = 25;

export function costLimitRule(maxCost = MAX_OPERATION_COST) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const costOf = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
      if (!set) return 0;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          cost += (COSTLY_FIELDS.has(selection.name.value) ? 1 : 0) + costOf(selection.selectionSet, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          cost += costOf(selection.selectionSet, visiting);
        } else {
          const name = selection.name.value;
          // A cycle is reported by graphql's own rules; here it just stops.
          if (visiting.has(name)) continue;
          visiting.add(name);
          cost += costOf(fragments.get(name)?.selectionSet, visiting);
          visiting.delete(name);
        }
        if (cost > maxCost) return cost;
      }
      return cost;
    };
    return {
      OperationDefinition(node) {
        const cost = costOf(node.selectionSet, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `This operation asks for more than ${maxCost} ticket queries, lists, counts or statistics; split it into several requests.`,
              { nodes: [node], extensions: { code: 'OPERATION_TOO_COSTLY', maxCost } },
            ),
          );
        }
      },
    };
  };
}
