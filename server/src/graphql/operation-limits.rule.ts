// A validation rule that refuses an operation past any of OPERATION_LIMITS, before
// execution, with the limit's own code (restored by `limitErrorFormat`).
//
// It runs in the same pass as graphql-js's own rules, which Apollo always runs first
// and which Apollo gives no public way to pre-empt (an error thrown from a plugin hook
// before validation is answered as a 500). Those rules are linear except
// OverlappingFieldsCanBeMerged, quadratic in fields that share a response key; the
// token limit, applied by the parser before any of them, keeps that within
// milliseconds (bench/src/graphql-limits.ts measures it).
import { Kind, type ASTVisitor, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import { createOperationMeasurer, type OperationMeasures } from './operation-measure.js';
import { OperationLimitError, OPERATION_LIMITS, type OperationLimit } from './operation-limits.js';

// In the order a client would fix them: the shape first, then what it costs.
const CHECKS: [OperationLimit, keyof OperationMeasures][] = [
  ['maxRootFields', 'rootFields'],
  ['maxAliases', 'aliases'],
  ['maxFields', 'fields'],
  ['maxDepth', 'depth'],
  ['maxCost', 'cost'],
  ['maxResponseSize', 'responseSize'],
];

/** Every limit each operation of the document crosses. */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode): OperationLimitError[] {
  const measurer = createOperationMeasurer(schema, document);
  const errors: OperationLimitError[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measures = measurer.measure(definition);
    for (const [limit, measure] of CHECKS) {
      if (measures[measure] > OPERATION_LIMITS[limit]) errors.push(new OperationLimitError(limit, [definition]));
    }
  }
  return errors;
}

export function operationLimitsRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      for (const error of checkOperationLimits(context.getSchema(), document)) context.reportError(error);
      // The measure has read the whole document; this rule needs no further visit.
      return false;
    },
  };
}
