// Tells Apollo Client's types that operation results are masked the way
// graphql-codegen generates them (fragment data reachable only through useFragment).
import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';

declare module '@apollo/client' {
  export interface TypeOverrides extends GraphQLCodegenDataMasking.TypeOverrides {}
}
